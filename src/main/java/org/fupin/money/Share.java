package org.fupin.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An ownership share in hundredths of a percent (万分之一, a basis point): 100% is
 * {@value #WHOLE}. The graph stores the integer, the API shows percent with two decimals
 * as text ({@code "33.34"}), so the shares of one period add up to exactly 100.
 */
public record Share(long hundredths) implements Comparable<Share> {

	/** 100%. */
	public static final long WHOLE = 10_000;

	public static final Share HUNDRED_PERCENT = new Share(WHOLE);

	public Share {
		if (hundredths < 0) {
			throw new IllegalArgumentException("A share is never negative, was " + hundredths + " hundredths.");
		}
	}

	public static Share ofHundredths(long hundredths) {
		return new Share(hundredths);
	}

	/**
	 * A share written in percent with at most two decimals, as {@link #toString()} writes
	 * it.
	 * @throws IllegalArgumentException if the text is not such a share
	 */
	public static Share parse(String percent) {
		return of(Hundredths.parse(percent, "percent", "33.34"));
	}

	/**
	 * The exact share of {@code percent}.
	 * @throws IllegalArgumentException if it is negative, above 100 or has more than two
	 * decimals (other than zeros)
	 */
	public static Share of(BigDecimal percent) {
		BigInteger hundredths = Hundredths.of(percent, "a hundredth of a percent");
		if (hundredths.compareTo(BigInteger.valueOf(WHOLE)) > 0) {
			throw new IllegalArgumentException(
					"must be at most 100 (percent), was " + Hundredths.shown(percent.stripTrailingZeros()) + ".");
		}
		return new Share(hundredths.longValueExact());
	}

	/** Percent as an exact decimal with scale 2. */
	public BigDecimal percent() {
		return BigDecimal.valueOf(this.hundredths, 2);
	}

	public static Share sum(Collection<Share> shares) {
		long total = 0;
		for (Share share : shares) {
			total = Math.addExact(total, share.hundredths);
		}
		return new Share(total);
	}

	public boolean isWhole() {
		return this.hundredths == WHOLE;
	}

	@Override
	public int compareTo(Share other) {
		return Long.compare(this.hundredths, other.hundredths);
	}

	/** Percent with exactly two decimals, e.g. {@code 33.34} or {@code 100.00}. */
	@Override
	@JsonValue
	public String toString() {
		return percent().toPlainString();
	}

}
