package org.fupin.account;

/**
 * What a sign-in or refresh gives: tokens, or a refusal with its code.
 */
sealed interface SignInResult {

	/** Tokens of a signed-in account. */
	record Tokens(String accessToken, long expiresIn, String refreshToken,
			long refreshExpiresIn) implements SignInResult {
	}

	/**
	 * A refusal.
	 *
	 * @param code {@code INVALID_CREDENTIALS}, {@code ACCOUNT_LOCKED},
	 * {@code ACCOUNT_DISABLED} or {@code INVALID_REFRESH_TOKEN}
	 * @param message what the person can do
	 */
	record Refused(String code, String message) implements SignInResult {
	}

}
