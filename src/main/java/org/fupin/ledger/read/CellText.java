package org.fupin.ledger.read;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.fupin.ledger.CellType;
import org.fupin.ledger.LedgerColumn;
import org.fupin.money.Money;
import org.fupin.money.Share;

/**
 * Reads a cell's text as its column says, the way {@link CellType#text} writes it.
 */
final class CellText {

	private CellText() {
	}

	static Object read(LedgerColumn column, String text) {
		if (column.list()) {
			List<String> items = Arrays.stream(text.split(CellType.SEPARATOR, -1)).map(String::strip).toList();
			return items.stream().map((item) -> one(column.type(), item)).toList();
		}
		return one(column.type(), text);
	}

	private static Object one(CellType type, String text) {
		return switch (type) {
			case TEXT, CODE -> text;
			case MONEY -> Money.parse(text);
			case PERCENT -> Share.parse(text);
			case DATE -> LocalDate.parse(text);
			case INTEGER -> Long.parseLong(text);
		};
	}

}
