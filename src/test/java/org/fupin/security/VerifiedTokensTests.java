package org.fupin.security;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A verified token is remembered until its {@code exp} and no longer; a token changed in
 * any part, or expired, is refused as before.
 */
class VerifiedTokensTests {

	private static final String ISSUER = "urn:fupin-graph:test";

	private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

	private final MovableClock clock = new MovableClock(START);

	private final RSAKey key = key();

	/** Decoder calls, that is signature checks. */
	private final AtomicInteger checks = new AtomicInteger();

	private final JwtDecoder decoder = counting(decoderFor(this.key));

	@Test
	void aTokenIsCheckedOnceWhileItIsValid() {
		VerifiedTokens tokens = new VerifiedTokens(this.decoder, 100, this.clock);
		String token = issue("officer.wang", Duration.ofMinutes(10));

		Jwt first = tokens.decode(token);
		this.clock.advance(Duration.ofMinutes(9));
		Jwt again = tokens.decode(token);

		assertThat(again).isSameAs(first);
		assertThat(again.getSubject()).isEqualTo("officer.wang");
		assertThat(again.getClaimAsString("iss")).isEqualTo(ISSUER);
		assertThat(again.getClaimAsStringList(Claims.ROLES)).containsExactly("OFFICER");
		assertThat(this.checks).hasValue(1);
		assertThat(tokens.size()).isEqualTo(1);
	}

	@Test
	void anExpiredTokenIsRefusedThoughItWasRemembered() {
		VerifiedTokens tokens = new VerifiedTokens(this.decoder, 100, this.clock);
		String token = issue("officer.wang", Duration.ofMinutes(10));
		tokens.decode(token);

		this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> tokens.decode(token))
			.withMessageContaining("expired");
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> tokens.decode(token));
		assertThat(this.checks).hasValue(3);
		assertThat(tokens.size()).isZero();
	}

	@Test
	void aTamperedTokenIsRefusedWhileTheGenuineOneIsRemembered() {
		VerifiedTokens tokens = new VerifiedTokens(this.decoder, 100, this.clock);
		String token = issue("officer.wang", Duration.ofMinutes(10));
		assertThat(tokens.decode(token).getClaimAsStringList(Claims.ROLES)).containsExactly("OFFICER");
		String[] parts = token.split("\\.");

		// The claims of another token under the genuine signature: an ADMIN role.
		String otherClaims = issue("officer.wang", Duration.ofMinutes(10), "ADMIN").split("\\.")[1];
		String claimsChanged = parts[0] + "." + otherClaims + "." + parts[2];
		// One byte of the signature changed (mid-way, where every bit counts).
		char[] signature = parts[2].toCharArray();
		int middle = signature.length / 2;
		signature[middle] = (signature[middle] == 'A') ? 'B' : 'A';
		String signatureChanged = parts[0] + "." + parts[1] + "." + new String(signature);

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode(claimsChanged))
				.withMessageContaining("Invalid signature");
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode(signatureChanged))
				.withMessageContaining("Invalid signature");
		}
		assertThat(this.checks).hasValue(5);
		assertThat(tokens.size()).isEqualTo(1);
	}

	@Test
	void aTokenOfAnotherKeyIsRefused() {
		VerifiedTokens tokens = new VerifiedTokens(this.decoder, 100, this.clock);
		String foreign = issue(key(), "officer.wang", Duration.ofMinutes(10), "ADMIN");

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode(foreign));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode(foreign));
		assertThat(this.checks).hasValue(2);
		assertThat(tokens.size()).isZero();
	}

	@Test
	void aTokenWithoutExpiryIsCheckedEveryTime() {
		VerifiedTokens tokens = new VerifiedTokens(this.decoder, 100, this.clock);
		String token = encode(this.key,
				JwtClaimsSet.builder()
					.issuer(ISSUER)
					.subject("auditor.zhao")
					.issuedAt(START)
					.claim(Claims.ROLES, List.of("AUDITOR"))
					.build());

		tokens.decode(token);
		tokens.decode(token);

		assertThat(this.checks).hasValue(2);
		assertThat(tokens.size()).isZero();
	}

	@Test
	void atMostTheConfiguredNumberOfTokensIsKept() {
		VerifiedTokens tokens = new VerifiedTokens(this.decoder, 2, this.clock);
		for (int i = 0; i < 5; i++) {
			tokens.decode(issue("officer." + i, Duration.ofMinutes(10)));
		}

		assertThat(this.checks).hasValue(5);
		assertThat(tokens.size()).isEqualTo(2);
	}

	@Test
	void ourIssuersReadIssAsTextAndStillCheckIt() {
		TokenIssuer issuer = TokenIssuer.rsa(ISSUER, publicKey(this.key));
		Instant expiry = Instant.now().plus(Duration.ofHours(1));
		Jwt jwt = issuer.decoder()
			.decode(encode(this.key,
					JwtClaimsSet.builder().issuer(ISSUER).subject("officer.wang").expiresAt(expiry).build()));
		assertThat(jwt.getClaims().get("iss")).isEqualTo(ISSUER);

		String otherIssuer = encode(this.key,
				JwtClaimsSet.builder()
					.issuer("urn:fupin-graph:elsewhere")
					.subject("officer.wang")
					.expiresAt(expiry)
					.build());
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> issuer.decoder().decode(otherIssuer))
			.withMessageContaining("iss");
	}

	private String issue(String subject, Duration lifetime) {
		return issue(subject, lifetime, "OFFICER");
	}

	private String issue(String subject, Duration lifetime, String role) {
		return issue(this.key, subject, lifetime, role);
	}

	private String issue(RSAKey signer, String subject, Duration lifetime, String role) {
		Instant now = this.clock.instant();
		return encode(signer,
				JwtClaimsSet.builder()
					.issuer(ISSUER)
					.subject(subject)
					.issuedAt(now)
					.expiresAt(now.plus(lifetime))
					.claim(Claims.ROLES, List.of(role))
					.build());
	}

	private static String encode(RSAKey signer, JwtClaimsSet claims) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signer)));
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signer.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/** As our issuers check tokens, on the test's clock and without clock skew. */
	private JwtDecoder decoderFor(RSAKey signer) {
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(publicKey(signer)).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
		timestamps.setClock(this.clock);
		nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
		return nimbus;
	}

	private JwtDecoder counting(JwtDecoder delegate) {
		return (token) -> {
			this.checks.incrementAndGet();
			return delegate.decode(token);
		};
	}

	private static RSAKey key() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyIDFromThumbprint()
				.build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAPublicKey publicKey(RSAKey key) {
		try {
			return key.toRSAPublicKey();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
