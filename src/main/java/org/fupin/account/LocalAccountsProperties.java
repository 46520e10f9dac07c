package org.fupin.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Local accounts (本地账户), for an office without a single sign-on.
 *
 * @param enabled {@code true} or {@code false} to decide; unset: on exactly when no
 * external issuer ({@code issuer-uri} or {@code jwk-set-uri}) is configured
 * @param adminName name of the administrator account created at first start
 * @param adminPassword its initial password; unset: one is generated and written to the
 * console log once
 * @param minPasswordLength the shortest password accepted
 * @param maxFailures failed sign-ins in a row that lock an account
 * @param lockDuration how long a locked account stays locked
 * @param accessTokenLifetime lifetime of a bearer token
 * @param refreshTokenLifetime lifetime of a refresh token
 * @param signingKey an RSA private key of at least 2,048 bits in PKCS#8 PEM
 * ({@code -----BEGIN PRIVATE KEY-----}), for example
 * {@code file:/run/secrets/token-key.pem}, that every instance signs and checks bearer
 * tokens with; unset: each instance makes its own in memory, and accepts only the tokens
 * it issued since it started
 */
@ConfigurationProperties("app.security.local-accounts")
public record LocalAccountsProperties(Boolean enabled, @DefaultValue("admin") String adminName, String adminPassword,
		@DefaultValue("12") int minPasswordLength, @DefaultValue("5") int maxFailures,
		@DefaultValue("15m") Duration lockDuration, @DefaultValue("15m") Duration accessTokenLifetime,
		@DefaultValue("12h") Duration refreshTokenLifetime, Resource signingKey) {
}
