package org.fupin.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The characters Spring Security's {@link StrictHttpFirewall} accepts in header names,
 * header values and parameter names, decided character by character. Spring's own
 * predicates are the regular expressions {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} and,
 * for header values, {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}; they accept
 * exactly what these accept ({@code FirewallCharactersTests} compares every code point),
 * but run a regular expression over every header a request reads, the bearer token's
 * several hundred characters among them, which was about 5% of a small query's time.
 */
final class FirewallCharacters {

	/** Header and parameter names: assigned code points, no control characters. */
	static final Predicate<String> NAMES = (text) -> accepts(text, false);

	/** Header values: the same, and the tab. */
	static final Predicate<String> HEADER_VALUES = (text) -> accepts(text, true);

	private FirewallCharacters() {
	}

	private static boolean accepts(String text, boolean tab) {
		for (int i = 0; i < text.length();) {
			char c = text.charAt(i);
			if (c >= ' ' && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	/**
	 * Spring's strict firewall, every rule as it is, with these predicates in place of
	 * its regular expressions.
	 */
	static StrictHttpFirewall strictFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(NAMES);
		firewall.setAllowedHeaderValues(HEADER_VALUES);
		firewall.setAllowedParameterNames(NAMES);
		return firewall;
	}

}
