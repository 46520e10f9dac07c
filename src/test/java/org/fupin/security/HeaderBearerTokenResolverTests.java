package org.fupin.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resolver gives what Spring Security's default resolver gives, the same token or the
 * same error, for every Authorization header tried: each character alone and around a
 * token, the scheme in other cases and spacings, and random headers of the characters
 * that matter; and it reads every token Spring's resolver finds without asking it.
 */
class HeaderBearerTokenResolverTests {

	private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

	private final BearerTokenResolver ours = new HeaderBearerTokenResolver();

	@Test
	void aWellFormedHeaderGivesItsToken() {
		assertThat(this.ours.resolve(request("Bearer eyJ0.a-b_c~d+e/f=="))).isEqualTo("eyJ0.a-b_c~d+e/f==");
		assertThat(this.ours.resolve(request("bEaReR abc"))).isEqualTo("abc");
		assertThat(this.ours.resolve(request(null))).isNull();
		assertThat(this.ours.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
	}

	@Test
	void everyHeaderIsJudgedAsSpringJudgesIt() {
		List<String> headers = new ArrayList<>(List.of("", "Bearer", "Bearer ", "Bearer  abc", "Bearer abc ",
				"Bearer =", "Bearer abc=d", "Bearer abc\n", "Bearer\tabc", "BEARER abc", "bearer abc", "Bearerabc",
				"Bearer a==", "Bearer ab/c+", "Bearer ÄBC", "Bearer 中文", "Bearers abc", "Basic abc", "Token abc"));
		for (char c = 0; c < 0x3000; c++) {
			headers.add("Bearer " + c);
			headers.add("Bearer ab" + c + "cd");
			headers.add("Bearer abc" + c);
			headers.add(c + "earer abc");
			headers.add("Bear" + c + "r abc");
			headers.add("Bearer" + c + "abc");
		}
		String alphabet = "aZ9-._~+/= \tB\u00e9\u212a";
		Random random = new Random(7);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
			for (int length = random.nextInt(12); length > 0; length--) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			headers.add(header.toString());
		}
		for (String header : headers) {
			String outcome = outcome(this.spring, header);
			assertThat(outcome(this.ours, header)).as(header).isEqualTo(outcome);
			// Read without Spring's resolver exactly when Spring finds a token, except
			// after a final line break, which Spring's "$" lets through and which is
			// left to it.
			String token = outcome.startsWith("token ") ? outcome.substring(6) : null;
			boolean lineBreak = !header.isEmpty()
					&& "\n\r\u0085\u2028\u2029".indexOf(header.charAt(header.length() - 1)) >= 0;
			if (token != null && lineBreak) {
				assertThat(HeaderBearerTokenResolver.wellFormed(header)).as(header).isNull();
			}
			else {
				assertThat(HeaderBearerTokenResolver.wellFormed(header)).as(header).isEqualTo(token);
			}
		}
	}

	private static String outcome(BearerTokenResolver resolver, String header) {
		try {
			String token = resolver.resolve(request(header));
			return (token != null) ? "token " + token : "no token";
		}
		catch (OAuth2AuthenticationException ex) {
			return "error " + ex.getError().getErrorCode() + ": " + ex.getError().getDescription();
		}
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.setContentType("application/json");
		if (authorization != null) {
			request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
		}
		return request;
	}

}
