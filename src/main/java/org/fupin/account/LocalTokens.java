package org.fupin.account;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.fupin.security.Claims;
import org.fupin.security.SigningKeys;
import org.fupin.security.TokenIssuer;

import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
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
 * carry ({@link Claims}). By default the key lives in memory only: it is made when first
 * needed, so no key file needs guarding, and a restart invalidates the short-lived bearer
 * tokens while the refresh tokens (kept hashed in the store) still work. Instances behind
 * one address are given one key instead
 * ({@code app.security.local-accounts.signing-key}), read at start, so that each accepts
 * the tokens the others issued.
 */
class LocalTokens {

	/** The {@code iss} of local-account tokens. */
	static final String ISSUER = "urn:fupin-graph:local";

	private static final String KEY_PROPERTY = "app.security.local-accounts.signing-key";

	/**
	 * A key of its own is made when the first token is issued or presented, not at start:
	 * finding the primes of an RSA key in a JVM that has just started took 0.35-0.5 s of
	 * a start, which has no use for it.
	 */
	private final SingletonSupplier<RSAKey> key;

	private final SingletonSupplier<JwtEncoder> encoder;

	private final SingletonSupplier<JwtDecoder> decoder;

	private final Duration lifetime;

	/**
	 * @param signingKey where the shared key is, or null for a key of this instance's own
	 */
	LocalTokens(Duration lifetime, Resource signingKey) {
		this.lifetime = lifetime;
		this.key = (signingKey != null) ? SingletonSupplier.of(read(signingKey))
				: SingletonSupplier.of(LocalTokens::newKey);
		this.encoder = SingletonSupplier
			.of(() -> new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(this.key.obtain()))));
		this.decoder = SingletonSupplier.of(() -> {
			try {
				return TokenIssuer.rsa(ISSUER, this.key.obtain().toRSAPublicKey()).decoder();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("The local token key has no usable public part", ex);
			}
		});
	}

	/**
	 * The shared key, or a start that stops and says what is wrong with it: a missing or
	 * unreadable file, another format, or a key too short to sign with.
	 */
	private static RSAKey read(Resource location) {
		if (!location.exists()) {
			throw new IllegalStateException(unusable(location, "no such file"));
		}
		String problem;
		try (InputStream in = location.getInputStream()) {
			RSAPrivateKey key = RsaKeyConverters.pkcs8().convert(in);
			if (!(key instanceof RSAPrivateCrtKey full)) {
				problem = "the key lacks the parts its public key is made from";
			}
			else if (full.getModulus().bitLength() < SigningKeys.MIN_BITS) {
				problem = "the key has " + full.getModulus().bitLength() + " bits, fewer than " + SigningKeys.MIN_BITS;
			}
			else {
				return SigningKeys.of(full);
			}
		}
		catch (IOException | IllegalArgumentException | GeneralSecurityException | JOSEException ex) {
			problem = ex.getMessage();
		}
		throw new IllegalStateException(unusable(location, problem));
	}

	private static String unusable(Resource location, String problem) {
		return KEY_PROPERTY + ": no RSA signing key in " + location.getDescription() + " (" + problem
				+ "). It must be an unencrypted PKCS#8 PEM file (-----BEGIN PRIVATE KEY-----) of at least "
				+ SigningKeys.MIN_BITS + " bits, such as `openssl genpkey -algorithm RSA "
				+ "-pkeyopt rsa_keygen_bits:3072` writes.";
	}

	private static RSAKey newKey() {
		try {
			return SigningKeys.of(SigningKeys.newPrivateKey());
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException("No RSA key could be made in this JVM", ex);
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
