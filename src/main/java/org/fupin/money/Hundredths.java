package org.fupin.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * What {@link Money} and {@link Share} have in common: a decimal that is never negative
 * and has at most two decimals, held as a whole number of hundredths (fen, or hundredths
 * of a percent).
 */
final class Hundredths {

	private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d{1,2})?");

	private Hundredths() {
	}

	/**
	 * {@code text} as a decimal with at most two decimals.
	 * @param unit what the text is written in, for the message ("yuan", "percent")
	 * @param example a valid value, for the message
	 */
	static BigDecimal parse(String text, String unit, String example) {
		String stripped = text.strip();
		if (!DECIMAL.matcher(stripped).matches()) {
			if (stripped.startsWith("-")) {
				throw new IllegalArgumentException("must be zero or more, was " + text + ".");
			}
			throw new IllegalArgumentException("must be " + unit + " with at most two decimals, such as \"" + example
					+ "\"; was \"" + text + "\".");
		}
		return new BigDecimal(stripped);
	}

	/**
	 * The hundredths of {@code value}.
	 * @param exactness what a third decimal misses, for the message ("the fen")
	 * @throws IllegalArgumentException if it is negative or has more than two decimals
	 * (other than zeros)
	 */
	static BigInteger of(BigDecimal value, String exactness) {
		if (value.signum() < 0) {
			throw new IllegalArgumentException("must be zero or more, was " + value.toPlainString() + ".");
		}
		try {
			return value.movePointRight(2).toBigIntegerExact();
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("must be exact to " + exactness + " (at most two decimals), was "
					+ value.stripTrailingZeros().toPlainString() + ".");
		}
	}

}
