package org.fupin.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.fupin.neo4j.EmbeddedNeo4jProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The demo issuer: signs tokens with an RSA key generated at first start and kept in the
 * embedded store's data directory ({@value #KEY_FILE}, git-ignored with the store, never
 * committed), and gives the decoder that trusts exactly that key and issuer. Only exists
 * when {@link DemoTokensCondition} holds.
 */
public final class DemoTokens {

	/** The {@code iss} of demo tokens; the decoder accepts no other. */
	public static final String ISSUER = "urn:fupin-graph:demo";

	static final String KEY_FILE = "demo-token-key.pk8";

	private static final Duration LIFETIME = Duration.ofHours(8);

	private static final Logger log = LoggerFactory.getLogger(DemoTokens.class);

	private final RSAKey key;

	private final JwtEncoder encoder;

	DemoTokens(EmbeddedNeo4jProperties store) {
		this.key = loadOrCreate(Path.of(store.dataDir()).resolve(KEY_FILE));
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(this.key)));
	}

	/** A signed token for the demo issuer. */
	public String issue(String subject, List<Role> roles, String place, String program, boolean personalData) {
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plus(LIFETIME))
			.claim(Claims.ROLES, roles.stream().map(Role::name).toList());
		if (place != null) {
			claims.claim(Claims.PLACE, place);
		}
		if (program != null) {
			claims.claim(Claims.PROGRAM, program);
		}
		if (personalData) {
			claims.claim(Claims.SCOPE, Claims.PERSONAL_DATA);
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.key.getKeyID()).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	Duration lifetime() {
		return LIFETIME;
	}

	JwtDecoder decoder() {
		try {
			return TokenIssuer.rsa(ISSUER, this.key.toRSAPublicKey()).decoder();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException("The demo token key has no usable public part", ex);
		}
	}

	private static RSAKey loadOrCreate(Path file) {
		try {
			RSAPrivateCrtKey privateKey;
			if (Files.exists(file)) {
				byte[] der = Base64.getMimeDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII));
				privateKey = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
					.generatePrivate(new PKCS8EncodedKeySpec(der));
			}
			else {
				privateKey = SigningKeys.newPrivateKey();
				Files.createDirectories(file.getParent());
				Files.writeString(file, Base64.getMimeEncoder().encodeToString(privateKey.getEncoded()),
						StandardCharsets.US_ASCII);
				restrict(file);
				log.info("Generated the demo token key at {}; delete it to invalidate every demo token.", file);
			}
			return SigningKeys.of(privateKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the demo token key " + file, ex);
		}
		catch (GeneralSecurityException | com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException("Cannot load the demo token key " + file, ex);
		}
	}

	private static void restrict(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

}
