package org.fupin.security;

import java.security.interfaces.RSAPublicKey;
import java.util.Map;

import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * An issuer whose tokens this application signs itself (demo tokens, local accounts):
 * each one is a bean, and {@link SecurityConfiguration} routes a bearer token to the
 * decoder of the issuer its {@code iss} claim names, so several issuers can be trusted at
 * once without trusting one issuer's claim with another's key.
 *
 * @param issuer the {@code iss} value of its tokens
 * @param decoder verifies its tokens: signature, expiry and issuer
 */
public record TokenIssuer(String issuer, JwtDecoder decoder) {

	/**
	 * The issuer whose tokens are RS256-signed with the key of {@code publicKey}: the
	 * decoder checks the signature, {@code exp}/{@code nbf} and that {@code iss} is
	 * {@code issuer}. Our issuers are URNs, not URLs, so {@code iss} is read as the text
	 * it is; Spring's default first tries to make a {@code java.net.URL} of it, which for
	 * a URN fails with an exception on every token.
	 */
	public static TokenIssuer rsa(String issuer, RSAPublicKey publicKey) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey).build();
		decoder.setClaimSetConverter(MappedJwtClaimSetConverter
			.withDefaults(Map.of(JwtClaimNames.ISS, (value) -> (value != null) ? value.toString() : null)));
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
		return new TokenIssuer(issuer, decoder);
	}

}
