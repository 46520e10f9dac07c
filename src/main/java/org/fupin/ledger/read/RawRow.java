package org.fupin.ledger.read;

import java.util.List;

/**
 * One row of a sheet as the file holds it.
 *
 * @param number the row's number as the spreadsheet shows it (1 is the first row)
 * @param cells the cells by column index, {@code null} where a cell is absent
 */
record RawRow(int number, List<RawCell> cells) {

	RawCell cell(int index) {
		return (index < this.cells.size()) ? this.cells.get(index) : null;
	}

	boolean blank() {
		return this.cells.stream().allMatch((cell) -> cell == null || cell.blank());
	}

	/** The text of the cell at {@code index}, stripped, or the empty string. */
	String text(int index) {
		RawCell cell = cell(index);
		return (cell != null) ? cell.shown().strip() : "";
	}

}
