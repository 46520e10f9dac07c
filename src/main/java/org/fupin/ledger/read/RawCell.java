package org.fupin.ledger.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * One cell as the file holds it, before its column reads it: text, or a number with what
 * its format says of it (a date, a percent), and whether it is a formula's result.
 *
 * @param kind what the cell holds
 * @param text the text of a text, boolean or error cell; for a number its plain decimal
 * @param number the number of a number or date cell, else 0
 * @param formula whether the cell is a formula (its cached result is in {@code text} and
 * {@code number}, never evaluated)
 */
record RawCell(Kind kind, String text, double number, boolean formula) {

	/** Excel shows at most 15 significant digits of a number, and keeps no more. */
	static final MathContext EXCEL_DIGITS = new MathContext(15);

	enum Kind {

		TEXT, NUMBER, DATE, PERCENT, BOOLEAN, ERROR

	}

	static RawCell text(String text, boolean formula) {
		return new RawCell(Kind.TEXT, text, 0, formula);
	}

	static RawCell number(Kind kind, double number, boolean formula) {
		return new RawCell(kind, plain(number), number, formula);
	}

	/**
	 * A date cell of a workbook in the 1904 date system (Excel for Mac before 2011 wrote
	 * them; the number counts days from 1904-01-01), held as the same moment in the 1900
	 * system that every other cell is in.
	 */
	static RawCell date1904(double number, boolean formula) {
		return number(Kind.DATE, DateUtil.getExcelDate(DateUtil.getLocalDateTime(number, true)), formula);
	}

	boolean blank() {
		return this.text.isBlank();
	}

	boolean numeric() {
		return this.kind == Kind.NUMBER || this.kind == Kind.DATE || this.kind == Kind.PERCENT;
	}

	/** The number as Excel shows it in a General cell: 15 significant digits at most. */
	BigDecimal decimal() {
		return decimal(this.number);
	}

	/** The date of a date cell (1900 date system). */
	LocalDate date() {
		return DateUtil.getLocalDateTime(this.number).toLocalDate();
	}

	/** What a clerk sees: the number, the ISO date, the percent. */
	String shown() {
		return switch (this.kind) {
			case DATE -> DateUtil.isValidExcelDate(this.number) ? date().toString() : this.text;
			case PERCENT -> decimal(this.number * 100).toPlainString() + "%";
			default -> this.text;
		};
	}

	static BigDecimal decimal(double number) {
		BigDecimal exact = new BigDecimal(number).round(EXCEL_DIGITS).stripTrailingZeros();
		return (exact.scale() < 0) ? exact.setScale(0) : exact;
	}

	static String plain(double number) {
		return decimal(number).toPlainString();
	}

}
