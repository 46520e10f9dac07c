package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fupin.ledger.LedgerColumn;
import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.read.CellProblem;
import org.fupin.ledger.read.ReportLine;
import org.fupin.ledger.read.SourceRow;

/**
 * What the pairing ledgers' rows share: the cells as values, the report lines of cells
 * that could not be read and of keys given twice in a file.
 */
final class PairingRowLines {

	private final LedgerForm form;

	private final Map<String, String> headers = new HashMap<>();

	/** The first row of each key. */
	private final Map<List<Object>, Integer> keys = new HashMap<>();

	PairingRowLines(LedgerForm form) {
		this.form = form;
		for (LedgerColumn column : form.columns()) {
			this.headers.put(column.field(), column.header());
		}
	}

	/**
	 * The report lines of the row's unreadable cells and of a key already given above;
	 * empty when the row may go on to its rules.
	 */
	List<ReportLine> readable(SourceRow row) {
		List<ReportLine> lines = new ArrayList<>();
		for (CellProblem problem : row.problems()) {
			lines.add(new ReportLine(row.number(), problem.field(), problem.header(), problem.text(), problem.code(),
					problem.message()));
		}
		List<Object> key = new ArrayList<>();
		for (String field : this.form.key()) {
			key.add(row.values().get(field));
		}
		if (key.stream().anyMatch(Objects::nonNull)) {
			Integer first = this.keys.putIfAbsent(key, row.number());
			if (first != null) {
				String field = this.form.key().get(0);
				lines.add(line(row, field, "DUPLICATE_KEY",
						"与第" + first + "行是同一条记录（"
								+ String.join("、", this.form.key().stream().map(this.headers::get).toList())
								+ "相同）；每条记录在文件中只填一次。",
						"Row " + first + " has the same " + String.join(", ", this.form.key())
								+ "; give each record once in a file."));
			}
		}
		return lines;
	}

	/** A report line on the cell of {@code field}. */
	ReportLine line(SourceRow row, String field, String code, String chinese, String english) {
		return line(row, field, code, chinese + " " + english);
	}

	/** A report line on the cell of {@code field}, with a message in both languages. */
	ReportLine line(SourceRow row, String field, String code, String message) {
		return new ReportLine(row.number(), field, (field != null) ? this.headers.get(field) : null,
				(field != null) ? row.texts().get(field) : null, code, message);
	}

	static String text(SourceRow row, String field) {
		Object value = row.values().get(field);
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value);
		return text.isBlank() ? null : text.strip();
	}

	static LocalDate date(SourceRow row, String field) {
		return (LocalDate) row.values().get(field);
	}

	/** The note a written row's change event carries: the import and the row. */
	static Map<String, Object> note(String importId, int row) {
		Map<String, Object> note = new java.util.LinkedHashMap<>();
		note.put("importId", importId);
		note.put("row", row);
		return note;
	}

}
