package org.fupin.ledger.read;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** How headers (and terms) are compared: as a clerk would read them. */
final class Headers {

	private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u3000*]+");

	/** A unit in brackets at the end: (元), (万元), (%), (单位:万元). */
	private static final Pattern UNIT = Pattern.compile("\\((?:单位:?)?(?:元|万元|%)\\)$");

	/** Columns read past on purpose: a row count, remarks, a report's own column. */
	private static final Set<String> IGNORED = Set.of("序号", "序", "编号序号", "备注", "说明", "错误说明/errors", "错误说明", "no.",
			"no");

	private Headers() {
	}

	/**
	 * The text with full-width forms made narrow (（） to (), ％ to %), without spaces, line
	 * breaks or the * that marks a required column, in lower case.
	 */
	static String normal(String text) {
		String narrow = Normalizer.normalize(text, Normalizer.Form.NFKC);
		return SPACE.matcher(narrow).replaceAll("").toLowerCase(Locale.ROOT);
	}

	/** A normal header without the unit at its end: 原值(万元) is 原值. */
	static String base(String normal) {
		return UNIT.matcher(normal).replaceFirst("");
	}

	static boolean ignored(String header) {
		return IGNORED.contains(normal(header));
	}

	/**
	 * The unit a header, or a unit line above the header, names; {@code null} if none.
	 */
	static MoneyUnit unit(String text) {
		String normal = normal(text);
		if (normal.contains("万元")) {
			return MoneyUnit.WAN_YUAN;
		}
		if (normal.contains("(元)") || normal.contains("单位:元") || normal.endsWith("元")) {
			return MoneyUnit.YUAN;
		}
		return null;
	}

	/** The text of a row that totals the rows above it, or a signature line below. */
	static boolean totalOrFooter(String first) {
		if (first.indexOf('计') < 0 && first.indexOf('人') < 0) {
			return false;
		}
		String normal = normal(first);
		return normal.startsWith("合计") || normal.startsWith("小计") || normal.startsWith("总计") || normal.startsWith("总合计")
				|| normal.startsWith("填表人") || normal.startsWith("制表人") || normal.startsWith("审核人")
				|| normal.startsWith("填报人");
	}

}
