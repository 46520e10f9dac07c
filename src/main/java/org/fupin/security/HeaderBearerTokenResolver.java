package org.fupin.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's bearer token resolver, the well-formed {@code Authorization: Bearer}
 * header read without its regular expression. Spring's resolver matches every such header
 * against {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitively, which was
 * about 2.5% of a small query's time. A header of exactly that form gives the same token
 * here; every other request (no header, another scheme, a malformed token) is decided by
 * Spring's resolver itself, with its errors. Like Spring's default, a token is read from
 * the header only, never from a query or form parameter.
 */
final class HeaderBearerTokenResolver implements BearerTokenResolver {

	private static final String SCHEME = "bearer ";

	private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

	@Override
	public String resolve(HttpServletRequest request) {
		String token = wellFormed(request.getHeader(HttpHeaders.AUTHORIZATION));
		return (token != null) ? token : this.spring.resolve(request);
	}

	/**
	 * The token of {@code Bearer <token>} (the scheme in any case, one space, a b64token
	 * of RFC 6750), or null for anything else.
	 */
	static String wellFormed(String header) {
		if (header == null || header.length() <= SCHEME.length()
				|| !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		int end = header.length();
		int i = SCHEME.length();
		while (i < end && tokenCharacter(header.charAt(i))) {
			i++;
		}
		if (i == SCHEME.length()) {
			return null;
		}
		while (i < end && header.charAt(i) == '=') {
			i++;
		}
		return (i == end) ? header.substring(SCHEME.length()) : null;
	}

	private static boolean tokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
