package org.fupin.ledger;

import java.util.List;

/**
 * One column of a ledger: the header a person reads, the key of the row value the graph
 * query returns, and how the cell is written. Exports write these columns and imports
 * read them, so a ledger that leaves the platform can come back unchanged.
 *
 * @param header the Chinese header (表头)
 * @param field the key of the value in a row
 * @param type how the value is written and read
 * @param required whether an imported row must fill it (必填)
 * @param list whether the cell holds several values separated by
 * {@value CellType#SEPARATOR} (the owners of one asset), aligned item by item with the
 * other list columns of the row
 * @param values the GraphQL enum whose values the cell holds (by code or by the Chinese
 * term of the value's description), or {@code null} for a column of free values
 * @param aliases other headers real ledgers give the column (资产编号 for 登记编号)
 * @param example the cell's text in the example row of the ledger's template, or
 * {@code null} to leave it empty
 */
public record LedgerColumn(String header, String field, CellType type, boolean required, boolean list, String values,
		List<String> aliases, String example) {

	public LedgerColumn {
		aliases = List.copyOf(aliases);
	}

	public LedgerColumn(String header, String field, CellType type) {
		this(header, field, type, false, false, null, List.of(), null);
	}

	/** This column, filled on every imported row. */
	public LedgerColumn asRequired() {
		return new LedgerColumn(this.header, this.field, this.type, true, this.list, this.values, this.aliases,
				this.example);
	}

	/** This column, holding a list of values. */
	public LedgerColumn asList() {
		return new LedgerColumn(this.header, this.field, this.type, this.required, true, this.values, this.aliases,
				this.example);
	}

	/** This column, holding values of the GraphQL enum {@code enumType}. */
	public LedgerColumn ofValues(String enumType) {
		return new LedgerColumn(this.header, this.field, this.type, this.required, this.list, enumType, this.aliases,
				this.example);
	}

	/** This column, also known under {@code headers}. */
	public LedgerColumn alsoHeaded(String... headers) {
		return new LedgerColumn(this.header, this.field, this.type, this.required, this.list, this.values,
				List.of(headers), this.example);
	}

	/** This column, filled with {@code text} in the template's example row. */
	public LedgerColumn withExample(String text) {
		return new LedgerColumn(this.header, this.field, this.type, this.required, this.list, this.values, this.aliases,
				text);
	}

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
