package org.fupin.security;

import org.springframework.security.oauth2.jwt.JwtDecoder;

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
}
