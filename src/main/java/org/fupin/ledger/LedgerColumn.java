package org.fupin.ledger;

/**
 * One column of a ledger: the header a person reads, the key of the row value the graph
 * query returns, and how the cell is written. Exports write these columns and imports
 * read them, so a ledger that leaves the platform can come back unchanged.
 *
 * @param header the Chinese header (表头)
 * @param field the key of the value in a row
 * @param type how the value is written and read
 */
public record LedgerColumn(String header, String field, CellType type) {

	static LedgerColumn text(String header, String field) {
		return new LedgerColumn(header, field, CellType.TEXT);
	}

	static LedgerColumn code(String header, String field) {
		return new LedgerColumn(header, field, CellType.CODE);
	}

	static LedgerColumn money(String header, String field) {
		return new LedgerColumn(header, field, CellType.MONEY);
	}

	static LedgerColumn date(String header, String field) {
		return new LedgerColumn(header, field, CellType.DATE);
	}

	static LedgerColumn integer(String header, String field) {
		return new LedgerColumn(header, field, CellType.INTEGER);
	}

	static LedgerColumn percent(String header, String field) {
		return new LedgerColumn(header, field, CellType.PERCENT);
	}

}
