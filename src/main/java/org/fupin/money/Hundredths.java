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

	/** More digits before the decimal point than any amount or share has. */
	static final int MAX_DIGITS = 18;

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
	 * The hundredths of {@code value}. A value with more than {@value #MAX_DIGITS} digits
	 * before the decimal point is refused before any arithmetic: {@code 1E999999999} is
	 * eleven characters in a document or a ledger cell, and its digits would take minutes
	 * to write out.
	 * @param exactness what a third decimal misses, for the message ("the fen")
	 * @throws IllegalArgumentException if it is negative, far too large or has more than
	 * two decimals (other than zeros)
	 */
	static BigInteger of(BigDecimal value, String exactness) {
		if (value.signum() < 0) {
			throw new IllegalArgumentException("must be zero or more, was " + shown(value) + ".");
		}
		if (value.precision() - value.scale() > MAX_DIGITS) {
			throw new IllegalArgumentException(
					"must have at most " + MAX_DIGITS + " digits before the decimal point, was " + shown(value) + ".");
		}
		BigDecimal exact = (value.scale() > 2) ? value.stripTrailingZeros() : value;
		if (exact.scale() > 2) {
			throw new IllegalArgumentException(
					"must be exact to " + exactness + " (at most two decimals), was " + shown(exact) + ".");
		}
		return exact.movePointRight(2).toBigIntegerExact();
	}

	/** {@code value} for a message: as written when short, else its first digits. */
	static String shown(BigDecimal value) {
		String text = (value.scale() >= -MAX_DIGITS && value.scale() <= MAX_DIGITS) ? value.toPlainString()
				: value.toString();
		return (text.length() <= 2 * MAX_DIGITS) ? text : text.substring(0, 2 * MAX_DIGITS) + "…";
	}

}
