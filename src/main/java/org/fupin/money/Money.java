package org.fupin.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of money in whole fen (分, a hundredth of a yuan), never negative. The graph
 * stores the fen as an integer, the API shows yuan with exactly two decimals as text
 * ({@code "1234567.89"}), so every sum and every comparison is exact.
 */
public record Money(long fen) implements Comparable<Money> {

	public static final Money ZERO = new Money(0);

	/**
	 * The largest amount: below a trillion yuan (12 integer digits), so that an amount
	 * times a share in hundredths of a percent never overflows a long.
	 */
	public static final long MAX_FEN = 99_999_999_999_999L;

	public Money {
		if (fen < 0) {
			throw new IllegalArgumentException("An amount of money is never negative, was " + fen + " fen.");
		}
	}

	public static Money ofFen(long fen) {
		return new Money(fen);
	}

	/**
	 * The amount written as yuan: digits with at most two decimals, as
	 * {@link #toString()} writes it.
	 * @throws IllegalArgumentException if the text is not such an amount or is too large
	 */
	public static Money parse(String yuan) {
		return of(Hundredths.parse(yuan, "yuan", "1234.50"));
	}

	/**
	 * The exact amount of {@code yuan}.
	 * @throws IllegalArgumentException if it is negative, has more than two decimals
	 * (other than zeros), or is too large
	 */
	public static Money of(BigDecimal yuan) {
		BigInteger whole = Hundredths.of(yuan, "the fen");
		if (whole.compareTo(BigInteger.valueOf(MAX_FEN)) > 0) {
			throw new IllegalArgumentException("must be below 1000000000000 yuan, was " + Hundredths.shown(yuan) + ".");
		}
		return new Money(whole.longValueExact());
	}

	/** Yuan as an exact decimal with scale 2. */
	public BigDecimal yuan() {
		return BigDecimal.valueOf(this.fen, 2);
	}

	public Money plus(Money other) {
		return new Money(Math.addExact(this.fen, other.fen));
	}

	public static Money sum(Collection<Money> amounts) {
		long total = 0;
		for (Money amount : amounts) {
			total = Math.addExact(total, amount.fen);
		}
		return new Money(total);
	}

	/**
	 * This amount split in proportion to {@code weights}, to the fen: each part is the
	 * difference of two cumulative amounts, each rounded down
	 * ({@code floor(fen × cumulative weight / total weight)}), so the parts are never
	 * more than a fen from the exact proportion and add up to this amount exactly.
	 */
	public List<Money> split(List<Long> weights) {
		long total = 0;
		for (long weight : weights) {
			if (weight < 0) {
				throw new IllegalArgumentException("Weights are never negative, was " + weight + ".");
			}
			total = Math.addExact(total, weight);
		}
		if (total == 0) {
			throw new IllegalArgumentException("At least one weight must be above zero.");
		}
		List<Money> parts = new ArrayList<>(weights.size());
		BigInteger amount = BigInteger.valueOf(this.fen);
		BigInteger divisor = BigInteger.valueOf(total);
		long cumulative = 0;
		long previous = 0;
		for (long weight : weights) {
			cumulative += weight;
			long upTo = amount.multiply(BigInteger.valueOf(cumulative)).divide(divisor).longValueExact();
			parts.add(new Money(upTo - previous));
			previous = upTo;
		}
		return parts;
	}

	@Override
	public int compareTo(Money other) {
		return Long.compare(this.fen, other.fen);
	}

	/** Yuan with exactly two decimals, e.g. {@code 1234567.89} or {@code 0.30}. */
	@Override
	@JsonValue
	public String toString() {
		return yuan().toPlainString();
	}

}
