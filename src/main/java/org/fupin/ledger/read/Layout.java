package org.fupin.ledger.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.ledger.CellType;
import org.fupin.ledger.LedgerColumn;

/**
 * Where a ledger sits in its sheet: the header row (or two rows, a merged parent such as
 * 产权 over 主体代码 | 份额(%)), which column of the file is which column of the ledger, the unit
 * of each amount column, and the columns read past.
 *
 * @param firstHeaderRow the number of the (first) header row
 * @param headerRow the number of the last header row; data rows follow it
 * @param slots the ledger's column at each index of the file's columns ({@code null}
 * where none)
 * @param headers the header of each index as the file gives it
 * @param units the unit of each amount column, by index
 * @param ignoredHeaders headers read past on purpose (序号, 备注)
 */
record Layout(int firstHeaderRow, int headerRow, List<LedgerColumn> slots, List<String> headers,
		Map<Integer, MoneyUnit> units, List<String> ignoredHeaders) {

	/** How many rows from the top are searched for the header. */
	static final int SCAN = 30;

	/** The index of {@code field}'s column in the file, or -1. */
	int indexOf(String field) {
		for (int i = 0; i < this.slots.size(); i++) {
			if (this.slots.get(i) != null && this.slots.get(i).field().equals(field)) {
				return i;
			}
		}
		return -1;
	}

	/** One way of reading rows as the header: one row, or a parent row over a sub row. */
	private record Candidate(RawRow top, RawRow sub, List<String> names, List<LedgerColumn> matched, int score) {
	}

	/**
	 * The header among the first rows of a sheet: the row, or pair of rows, that names
	 * most of the ledger's columns.
	 * @throws LedgerFileException when no row names at least two of them, or the header
	 * misses a required column, names an unknown one or one twice
	 */
	static Layout find(List<RawRow> rows, List<LedgerColumn> columns) {
		Map<String, LedgerColumn> known = known(columns);
		List<Candidate> singles = rows.stream().map((row) -> candidate(row, null, known)).toList();
		Candidate best = null;
		for (int i = 0; i < rows.size(); i++) {
			Candidate single = singles.get(i);
			if (best == null || single.score() > best.score()) {
				best = single;
			}
			if (i + 1 < rows.size() && rows.get(i + 1).number() == rows.get(i).number() + 1) {
				// Two rows are the header only when they name more columns than either
				// alone.
				Candidate pair = candidate(rows.get(i), rows.get(i + 1), known);
				if (pair.score() > best.score() && pair.score() > single.score()
						&& pair.score() > singles.get(i + 1).score()) {
					best = pair;
				}
			}
		}
		if (best == null || best.score() < Math.min(2, columns.size())) {
			throw new LedgerFileException(FileProblem.NO_HEADER, "前 " + SCAN + " 行中没有 (none in the first " + SCAN
					+ " rows); 表头如 (headers such as) " + columns.get(0).header());
		}
		return layout(best, rows, columns);
	}

	private static Layout layout(Candidate header, List<RawRow> rows, List<LedgerColumn> columns) {
		MoneyUnit sheetUnit = null;
		for (RawRow row : rows) {
			if (row.number() >= header.top().number()) {
				break;
			}
			for (int i = 0; i < row.cells().size(); i++) {
				String text = row.text(i);
				if (text.contains("单位") && Headers.unit(text) != null) {
					sheetUnit = Headers.unit(text);
				}
			}
		}
		List<String> unknown = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		Map<Integer, MoneyUnit> units = new HashMap<>();
		Map<String, String> seen = new LinkedHashMap<>();
		for (int i = 0; i < header.names().size(); i++) {
			String name = header.names().get(i);
			LedgerColumn column = header.matched().get(i);
			if (name.isEmpty()) {
				continue;
			}
			if (column == null) {
				(Headers.ignored(name) ? ignored : unknown).add(name);
				continue;
			}
			String before = seen.put(column.field(), name);
			if (before != null) {
				throw new LedgerFileException(FileProblem.DUPLICATE_COLUMN, before + "、" + name);
			}
			if (column.type() == CellType.MONEY) {
				MoneyUnit own = Headers.unit(name);
				units.put(i, (own != null) ? own : (sheetUnit != null) ? sheetUnit : MoneyUnit.YUAN);
			}
		}
		if (!unknown.isEmpty()) {
			throw new LedgerFileException(FileProblem.UNKNOWN_COLUMN, String.join("、", unknown));
		}
		List<String> missing = columns.stream()
			.filter((column) -> column.required() && !seen.containsKey(column.field()))
			.map(LedgerColumn::header)
			.toList();
		if (!missing.isEmpty()) {
			throw new LedgerFileException(FileProblem.MISSING_COLUMN, String.join("、", missing));
		}
		int last = (header.sub() != null) ? header.sub().number() : header.top().number();
		return new Layout(header.top().number(), last, header.matched(), header.names(), units, ignored);
	}

	private static Candidate candidate(RawRow top, RawRow sub, Map<String, LedgerColumn> known) {
		int width = Math.max(top.cells().size(), (sub != null) ? sub.cells().size() : 0);
		List<String> names = new ArrayList<>(width);
		List<LedgerColumn> matched = new ArrayList<>(width);
		int score = 0;
		String parent = "";
		for (int i = 0; i < width; i++) {
			String own = top.text(i);
			String below = (sub != null) ? sub.text(i) : "";
			// A merged parent is written in its first cell only: it covers the empty
			// cells
			// to its right that have a header below.
			if (!own.isEmpty()) {
				parent = below.isEmpty() ? "" : own;
			}
			else if (below.isEmpty()) {
				parent = "";
			}
			String name = own;
			LedgerColumn column = match(own, known);
			if (!below.isEmpty()) {
				name = parent + below;
				column = match(name, known);
				if (column == null) {
					name = below;
					column = match(below, known);
				}
			}
			names.add(name);
			matched.add(column);
			if (column != null) {
				score++;
			}
		}
		return new Candidate(top, sub, names, matched, score);
	}

	private static LedgerColumn match(String text, Map<String, LedgerColumn> known) {
		if (text.isEmpty()) {
			return null;
		}
		String normal = Headers.normal(text);
		LedgerColumn column = known.get(normal);
		return (column != null) ? column : known.get(Headers.base(normal));
	}

	private static Map<String, LedgerColumn> known(List<LedgerColumn> columns) {
		Map<String, LedgerColumn> known = new HashMap<>();
		for (LedgerColumn column : columns) {
			List<String> names = new ArrayList<>(column.aliases());
			names.add(0, column.header());
			for (String name : names) {
				String normal = Headers.normal(name);
				known.putIfAbsent(normal, column);
				known.putIfAbsent(Headers.base(normal), column);
			}
		}
		return known;
	}

}
