package org.fupin.ledger.read;

import java.util.List;
import java.util.Map;

/**
 * One data row of a ledger file, read against the ledger's columns.
 *
 * @param number the row's number as the spreadsheet shows it (1 is the first line of the
 * file, title and header rows included), so a clerk finds it
 * @param values each filled column's value by field, as its
 * {@link org.fupin.ledger.CellType} reads it: {@code String} for text and codes (enum
 * columns hold the enum's code), {@link org.fupin.money.Money},
 * {@link org.fupin.money.Share}, {@code LocalDate}, {@code Long}; a {@code List} of those
 * for a list column. Empty cells and cells that could not be read are absent.
 * @param texts each non-empty cell's text as read, by field, for the report
 * @param problems the cells that could not be read
 */
public record SourceRow(int number, Map<String, Object> values, Map<String, String> texts, List<CellProblem> problems) {

	public SourceRow {
		values = Map.copyOf(values);
		texts = Map.copyOf(texts);
		problems = List.copyOf(problems);
	}

}
