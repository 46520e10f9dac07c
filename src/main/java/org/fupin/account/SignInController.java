package org.fupin.account;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/token}, the token endpoint of local accounts in the shape of OAuth 2
 * (RFC 6749 sections 4.3 and 6): a form body with {@code grant_type=password},
 * {@code username} and {@code password}, or {@code grant_type=refresh_token} and
 * {@code refresh_token}. Answers the bearer token, its lifetime and a refresh token; a
 * refusal is 400 with {@code error} and a {@code code} that says which
 * ({@code INVALID_CREDENTIALS}, {@code ACCOUNT_LOCKED}, {@code ACCOUNT_DISABLED},
 * {@code INVALID_REFRESH_TOKEN}, {@code INVALID_ARGUMENT}).
 */
@RestController
@Conditional(LocalAccountsCondition.class)
class SignInController {

	private final AccountService accounts;

	SignInController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Map<String, Object>> token(HttpServletRequest request,
			@RequestParam(name = "grant_type", required = false) String grantType,
			@RequestParam(required = false) String username, @RequestParam(required = false) String password,
			@RequestParam(name = "refresh_token", required = false) String refreshToken) {
		if (request.getQueryString() != null) {
			return invalid("Send the parameters in the form body, not in the URL, where proxies and logs keep them.");
		}
		SignInResult result;
		if ("password".equals(grantType)) {
			if (username == null || username.isBlank() || username.length() > 64) {
				return invalid("username must be an account name of 1 to 64 characters.");
			}
			if (password == null || password.isEmpty()) {
				return invalid("password is missing.");
			}
			result = this.accounts.signIn(username.strip(), password, request.getRemoteAddr());
		}
		else if ("refresh_token".equals(grantType)) {
			if (refreshToken == null || refreshToken.isBlank()) {
				return invalid("refresh_token is missing.");
			}
			result = this.accounts.refresh(refreshToken.strip());
		}
		else {
			return ResponseEntity.badRequest()
				.body(Map.of("error", "unsupported_grant_type", "code", "INVALID_ARGUMENT", "error_description",
						"grant_type must be password or refresh_token; got " + grantType + "."));
		}
		if (result instanceof SignInResult.Refused refused) {
			return ResponseEntity.status(HttpStatus.BAD_REQUEST)
				.cacheControl(CacheControl.noStore())
				.body(Map.of("error", "invalid_grant", "code", refused.code(), "error_description", refused.message()));
		}
		SignInResult.Tokens tokens = (SignInResult.Tokens) result;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", tokens.accessToken());
		body.put("token_type", "Bearer");
		body.put("expires_in", tokens.expiresIn());
		body.put("refresh_token", tokens.refreshToken());
		body.put("refresh_expires_in", tokens.refreshExpiresIn());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	private static ResponseEntity<Map<String, Object>> invalid(String message) {
		return ResponseEntity.badRequest()
			.body(Map.of("error", "invalid_request", "code", "INVALID_ARGUMENT", "error_description", message));
	}

}
