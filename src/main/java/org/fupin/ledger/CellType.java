package org.fupin.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.fupin.money.Money;
import org.fupin.money.Share;

/**
 * What a ledger cell holds, and so how it is written to a workbook and to CSV and how an
 * import reads it back. Values arrive as the graph stores them: text, integers, money in
 * fen, shares in hundredths of a percent, dates. A list (several owners of one asset) is
 * one text cell of its items separated by {@value #SEPARATOR}.
 */
public enum CellType {

	/** Free text; a string cell, never a formula. */
	TEXT,

	/**
	 * A code or number with meaning in every digit (division codes, register numbers,
	 * credit codes, ID numbers): a string cell formatted as text, so leading zeros stay.
	 */
	CODE,

	/**
	 * Yuan with two decimals, stored as integer fen: a numeric cell of the exact decimal
	 * with the format {@code 0.00} (Excel sums it; every amount the platform holds, below
	 * 10^13 yuan, has at most 15 significant digits, which a double keeps exactly as
	 * decimal text), and {@code 1234.56} in CSV.
	 */
	MONEY,

	/** A calendar date: a date cell formatted {@code yyyy-mm-dd}, ISO text in CSV. */
	DATE,

	/** A whole number: a numeric cell formatted {@code 0}. */
	INTEGER,

	/**
	 * A share in percent, stored as integer hundredths: a numeric cell of the percent
	 * (60.00 for 60%) formatted {@code 0.00}, {@code 60.00} in CSV.
	 */
	PERCENT;

	/** Separates the items of a list in one cell. */
	public static final String SEPARATOR = ";";

	/**
	 * The value as text, as CSV holds it and as an import reads it: money and percent
	 * with exactly two decimals, dates in ISO form, lists joined by {@value #SEPARATOR},
	 * null as the empty string.
	 */
	public String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof List<?> list) {
			return list.stream().map(this::text).collect(Collectors.joining(SEPARATOR));
		}
		return switch (this) {
			case MONEY -> money(value).toString();
			case PERCENT -> share(value).toString();
			case DATE -> date(value).toString();
			default -> String.valueOf(value);
		};
	}

	static Money money(Object value) {
		return (value instanceof Money money) ? money : Money.ofFen(((Number) value).longValue());
	}

	static Share share(Object value) {
		return (value instanceof Share share) ? share : Share.ofHundredths(((Number) value).longValue());
	}

	static LocalDate date(Object value) {
		return (value instanceof LocalDate date) ? date : LocalDate.parse(value.toString());
	}

}
