package org.fupin.ledger.read;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.fupin.ledger.CellType;
import org.fupin.ledger.CsvLedgerWriter;
import org.fupin.ledger.LedgerColumn;
import org.fupin.money.Money;
import org.fupin.money.Share;

/**
 * Reads a cell as its column says: text, codes (leading zeros kept), amounts in 元 or 万元
 * to the exact fen, percent, dates as date cells or as text in the forms clerks write,
 * whole numbers, and enum values by code or Chinese term. A cell that cannot be read is a
 * {@link Fault} with a code and a message a clerk can act on.
 */
final class CellValues {

	/** What separates the items of a list cell: ; ； or 、. */
	static final Pattern LIST = Pattern.compile("[;；、]");

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?");

	/** Above this a number has lost digits: Excel keeps 15 significant ones. */
	private static final double EXACT_DIGITS = 1e15;

	/** A cell that cannot be read as its column says. */
	static final class Fault extends Exception {

		private final String code;

		Fault(String code, String message) {
			super(message, null, false, false);
			this.code = code;
		}

		String code() {
			return this.code;
		}

	}

	private final EnumTerms terms;

	CellValues(EnumTerms terms) {
		this.terms = terms;
	}

	Object read(LedgerColumn column, MoneyUnit unit, RawCell cell) throws Fault {
		if (cell.formula()) {
			throw new Fault("FORMULA", "单元格是公式, 请将公式粘贴为数值 (选择性粘贴 > 数值)。"
					+ "The cell is a formula; paste it as a value (Paste Special > Values).");
		}
		if (cell.kind() == RawCell.Kind.ERROR) {
			throw new Fault("INVALID_VALUE", "单元格是错误值 " + cell.text() + ", 请填写正确的值。" + "The cell holds the error "
					+ cell.text() + "; enter the value.");
		}
		if (column.list() && !cell.numeric()) {
			List<Object> items = new ArrayList<>();
			for (String item : LIST.split(cell.text(), -1)) {
				items.add(one(column, unit, RawCell.text(item.strip(), false)));
			}
			return items;
		}
		Object value = one(column, unit, cell);
		return column.list() ? List.of(value) : value;
	}

	private Object one(LedgerColumn column, MoneyUnit unit, RawCell typed) throws Fault {
		// Digits, letters and signs typed in full width (全角) are read as their ASCII
		// selves in every column but free text: ＺＣ－０１, １２３４．５０, ２０１９年７月２６日.
		RawCell cell = (column.type() != CellType.TEXT && typed.kind() == RawCell.Kind.TEXT)
				? RawCell.text(Normalizer.normalize(typed.text(), Normalizer.Form.NFKC), typed.formula()) : typed;
		if (column.values() != null) {
			return coded(column, cell);
		}
		return switch (column.type()) {
			// A date or percent in a text column is taken as shown (2020-06-30, 60%).
			case TEXT -> CsvLedgerWriter.restored(cell.shown().strip());
			case CODE -> code(cell);
			case MONEY -> money(cell, (unit != null) ? unit : MoneyUnit.YUAN);
			case PERCENT -> percent(cell);
			case DATE -> date(cell);
			case INTEGER -> integer(cell);
		};
	}

	private String coded(LedgerColumn column, RawCell cell) throws Fault {
		String text = cell.text().strip();
		return this.terms.code(column.values(), text)
			.orElseThrow(() -> new Fault("INVALID_VALUE",
					"“" + text + "”不是可选值, 请填写以下之一: " + choices(column.values()) + "。" + "“" + text
							+ "” is not one of the allowed values; enter one of: " + choices(column.values())
							+ " (the code or the Chinese term)."));
	}

	private String choices(String type) {
		return this.terms.values(type)
			.stream()
			.map((value) -> value.term() + " (" + value.code() + ")")
			.collect(Collectors.joining(", "));
	}

	private static String code(RawCell cell) throws Fault {
		if (!cell.numeric()) {
			return cell.text().strip();
		}
		if (Math.abs(cell.number()) >= EXACT_DIGITS) {
			throw new Fault("CODE_AS_NUMBER", "代码 " + cell.text() + " 以数字存储, 已丢失 15 位以后的数字, 请将该列设置为文本格式后重新填写。"
					+ "The code was stored as a number and lost its digits after the 15th; format the column as text"
					+ " and enter the codes again.");
		}
		return cell.text();
	}

	private static Money money(RawCell cell, MoneyUnit unit) throws Fault {
		BigDecimal amount = decimal(cell, "INVALID_AMOUNT", "金额", "an amount", "1234.50");
		if (amount.signum() < 0) {
			throw new Fault("INVALID_AMOUNT",
					"金额不能为负数: " + cell.text() + "。An amount is never negative: " + cell.text() + ".");
		}
		if (amount.stripTrailingZeros().scale() > unit.decimals()) {
			throw new Fault("INVALID_AMOUNT",
					"金额 " + cell.text() + " 的小数位过多: 以" + unit.word() + "为单位最多 " + unit.decimals() + " 位小数 (精确到分)。"
							+ "The amount " + cell.text() + " has too many decimals: at most " + unit.decimals()
							+ " in " + unit.word() + " (to the fen).");
		}
		try {
			return Money.of(unit.toYuan(amount));
		}
		catch (IllegalArgumentException ex) {
			throw new Fault("INVALID_AMOUNT",
					"金额 " + cell.text() + " 超出范围。The amount " + cell.text() + " " + ex.getMessage());
		}
	}

	private static Share percent(RawCell cell) throws Fault {
		BigDecimal percent;
		if (cell.kind() == RawCell.Kind.PERCENT) {
			percent = RawCell.decimal(cell.number() * 100);
		}
		else {
			RawCell bare = cell.numeric() ? cell : RawCell.text(cell.text().strip().replaceFirst("[%％]$", ""), false);
			percent = decimal(bare, "INVALID_PERCENT", "份额", "a share", "60.00");
		}
		try {
			return Share.of(percent);
		}
		catch (IllegalArgumentException ex) {
			throw new Fault("INVALID_PERCENT",
					"份额 " + cell.shown() + " 应为 0 到 100 之间、最多两位小数的百分数 (如 60.00)。" + "The share " + cell.shown()
							+ " must be a percent from 0 to 100 with at most two decimals" + " (such as 60.00).");
		}
	}

	private static LocalDate date(RawCell cell) throws Fault {
		if (cell.kind() == RawCell.Kind.DATE) {
			return cell.date();
		}
		String text = cell.text().strip();
		Matcher matcher = DATE.matcher(text);
		if (!cell.numeric() && matcher.matches()) {
			try {
				return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
						Integer.parseInt(matcher.group(3)));
			}
			catch (DateTimeException ex) {
				// Falls through to the fault: 2020-13-01 has the form but is no date.
			}
		}
		throw new Fault("INVALID_DATE", "“" + text + "”不是日期, 请填写日期格式的单元格或 2019-07-26、2019/7/26、2019年7月26日。" + "“" + text
				+ "” is not a date; enter a date cell or text such as 2019-07-26, 2019/7/26 or 2019年7月26日.");
	}

	private static Long integer(RawCell cell) throws Fault {
		BigDecimal number = decimal(cell, "INVALID_INTEGER", "整数", "a whole number", "12");
		try {
			return number.stripTrailingZeros().longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new Fault("INVALID_INTEGER",
					cell.text() + " 不是整数, 请填写整数。" + cell.text() + " is not a whole number; enter one.");
		}
	}

	/**
	 * The number of a number cell, or of text written with digits (thousands commas
	 * allowed).
	 */
	private static BigDecimal decimal(RawCell cell, String code, String what, String english, String example)
			throws Fault {
		if (cell.numeric()) {
			return cell.decimal();
		}
		String text = cell.text().strip().replace(",", "").replace("，", "").replaceFirst("^[¥￥]", "");
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new Fault(code, "“" + cell.text().strip() + "”不是" + what + ", 请填写数字, 如 " + example + "。" + "“"
					+ cell.text().strip() + "” is not " + english + "; enter a number such as " + example + ".");
		}
	}

}
