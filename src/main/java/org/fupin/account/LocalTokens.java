package org.fupin.account;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.fupin.security.Claims;
import org.fupin.security.TokenIssuer;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.util.function.SingletonSupplier;

/**
 * Signs the bearer tokens of local accounts, with the claims every other issuer's tokens
 * carry ({@link Claims}). The key lives in memory only: it is made when first needed, so
 * no key file needs guarding, and a restart invalidates the short-lived bearer tokens
 * while the refresh tokens (kept hashed in the store) still work.
 */
class LocalTokens {

	/** The {@code iss} of local-account tokens. */
	static final String ISSUER = "urn:fupin-graph:local";

	/**
	 * Made when the first token is issued or presented, not at start: finding the primes
	 * of an RSA key in a JVM that has just started took 0.35-0.5 s of a start, which has
	 * no use for it.
	 */
	private final SingletonSupplier<RSAKey> key = SingletonSupplier.of(LocalTokens::newKey);

	private final SingletonSupplier<JwtEncoder> encoder = SingletonSupplier
		.of(() -> new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(this.key.obtain()))));

	private final SingletonSupplier<JwtDecoder> decoder = SingletonSupplier.of(() -> {
		try {
			return TokenIssuer.rsa(ISSUER, this.key.obtain().toRSAPublicKey()).decoder();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException("The local token key has no usable public part", ex);
		}
	});

	private final Duration lifetime;

	LocalTokens(Duration lifetime) {
		this.lifetime = lifetime;
	}

	private static RSAKey newKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("No RSA key generator in this JVM", ex);
		}
	}

	String issue(Account account) {
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(account.name())
			.issuedAt(now)
			.expiresAt(now.plus(this.lifetime))
			.claim(Claims.ROLES, account.roles().stream().map(Enum::name).sorted().toList());
		if (account.place() != null) {
			claims.claim(Claims.PLACE, account.place());
		}
		if (account.program() != null) {
			claims.claim(Claims.PROGRAM, account.program());
		}
		if (account.personalData()) {
			claims.claim(Claims.SCOPE, Claims.PERSONAL_DATA);
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.key.obtain().getKeyID()).build();
		return this.encoder.obtain().encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	Duration lifetime() {
		return this.lifetime;
	}

	TokenIssuer issuer() {
		return new TokenIssuer(ISSUER, (token) -> this.decoder.obtain().decode(token));
	}

}
