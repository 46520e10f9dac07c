package org.fupin.security;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTParser;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Picks the decoder by the token's {@code iss} claim, read before the signature is
 * checked, and then lets that decoder check everything (signature, expiry, issuer again).
 * Tokens of the application's own issuers go to their decoders; any other issuer goes to
 * the external identity provider's decoder, when one is configured, which refuses what it
 * did not sign.
 */
final class IssuerRoutingJwtDecoder implements JwtDecoder {

	private final Map<String, JwtDecoder> own;

	private final JwtDecoder external;

	IssuerRoutingJwtDecoder(List<TokenIssuer> own, JwtDecoder external) {
		this.own = own.stream().collect(Collectors.toUnmodifiableMap(TokenIssuer::issuer, TokenIssuer::decoder));
		this.external = external;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		String issuer;
		try {
			issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
		}
		catch (ParseException ex) {
			throw new BadJwtException("The bearer token is not a JWT", ex);
		}
		JwtDecoder decoder = (issuer != null) ? this.own.get(issuer) : null;
		if (decoder == null) {
			decoder = this.external;
		}
		if (decoder == null) {
			throw new BadJwtException("Tokens of issuer " + issuer + " are not accepted here");
		}
		return decoder.decode(token);
	}

}
