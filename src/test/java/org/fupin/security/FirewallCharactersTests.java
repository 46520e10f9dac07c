package org.fupin.security;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall's character checks accept exactly what Spring Security's regular
 * expressions accept (the patterns of {@code StrictHttpFirewall}, copied here), for every
 * code point alone, between ASCII letters, and for unpaired surrogates.
 */
class FirewallCharactersTests {

	private static final Pattern SPRING_NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern SPRING_HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void everyCodePointIsJudgedAsSpringJudgesIt() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String alone = Character.toString(codePoint);
			String between = "a" + alone + "b";
			for (String text : new String[] { alone, between }) {
				assertThat(FirewallCharacters.NAMES.test(text)).as("name U+%04X", codePoint)
					.isEqualTo(SPRING_NAMES.matcher(text).matches());
				assertThat(FirewallCharacters.HEADER_VALUES.test(text)).as("header value U+%04X", codePoint)
					.isEqualTo(SPRING_HEADER_VALUES.matcher(text).matches());
			}
		}
	}

	@Test
	void unpairedSurrogatesAndTheTabAreJudgedAsSpringJudgesThem() {
		for (String text : new String[] { "\uD800", "x\uDC00y", "\uDBFF\uDFFF", "\uD83D\uDE00", "a\tb", "\t", "",
				"Bearer eyJraWQiOiJ.x-y_z~+/=", "a\u007fb", "a\u0085b", "a\u00a0b", "中文", "a\u0378b" }) {
			assertThat(FirewallCharacters.NAMES.test(text)).as(text).isEqualTo(SPRING_NAMES.matcher(text).matches());
			assertThat(FirewallCharacters.HEADER_VALUES.test(text)).as(text)
				.isEqualTo(SPRING_HEADER_VALUES.matcher(text).matches());
		}
		assertThat(FirewallCharacters.HEADER_VALUES.test("a\tb")).isTrue();
		assertThat(FirewallCharacters.NAMES.test("a\tb")).isFalse();
		assertThat(FirewallCharacters.HEADER_VALUES.test("a\u0085b")).isFalse();
	}

}
