package org.fupin.ledger.read;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.poi.ss.util.CellRangeAddress;
import org.fupin.ledger.LedgerColumn;
import org.fupin.ledger.LedgerForm;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads ledger files as clerks keep them, row by row, against a ledger's columns:
 * {@code .xlsx} (streamed), {@code .xls} and CSV (UTF-8 or GB18030), told apart by their
 * bytes. Title rows and a unit line above the header, a header over two rows, a 序号 or 备注
 * column, blank rows and a 合计 row are read past; amounts in 元 or 万元, dates as date cells
 * or text, enum values by code or Chinese term are read to the values the graph holds. A
 * file that cannot be a ledger at all is a {@link LedgerFileException}; a cell that
 * cannot be read is a {@link CellProblem} of its row. Memory stays bounded whatever the
 * file: see {@link LedgerReadProperties}.
 */
@Component
public class LedgerFiles {

	private final LedgerReadProperties limits;

	/** A reader with the default bounds, outside an application context. */
	public LedgerFiles() {
		this(LedgerReadProperties.defaults());
	}

	// Two constructors: the application's context takes the configured bounds.
	@Autowired
	public LedgerFiles(LedgerReadProperties limits) {
		this.limits = limits;
	}

	/**
	 * Hands each data row of {@code upload} to {@code rows}, in file order, reading the
	 * first sheet of a workbook.
	 * @throws LedgerFileException when the file cannot be read as this ledger at all
	 */
	public ReadSummary read(Upload upload, List<LedgerColumn> columns, long maxRows, Consumer<SourceRow> rows) {
		return read(upload, columns, null, maxRows, new ReadProgress(), rows);
	}

	/**
	 * Hands each data row of {@code upload} to {@code rows}, reading the sheet named like
	 * the form's title when a workbook has several.
	 * @throws LedgerFileException when the file cannot be read as this ledger at all
	 */
	public ReadSummary read(Upload upload, LedgerForm form, long maxRows, Consumer<SourceRow> rows) {
		return read(upload, form, maxRows, new ReadProgress(), rows);
	}

	/**
	 * Hands each data row of {@code upload} to {@code rows}, as
	 * {@link #read(Upload, LedgerForm, long, Consumer)} does, telling {@code progress}
	 * how far through the file it is.
	 * @throws LedgerFileException when the file cannot be read as this ledger at all
	 */
	public ReadSummary read(Upload upload, LedgerForm form, long maxRows, ReadProgress progress,
			Consumer<SourceRow> rows) {
		return read(upload, form.columns(), form.title(), maxRows, progress, rows);
	}

	/**
	 * Hands each data row of {@code upload} to {@code rows}.
	 * @param title of several sheets, the one named like it is read; {@code null} for the
	 * first
	 * @param progress told how far through the file the read is
	 * @throws LedgerFileException when the file cannot be read as this ledger at all
	 */
	public ReadSummary read(Upload upload, List<LedgerColumn> columns, String title, long maxRows,
			ReadProgress progress, Consumer<SourceRow> rows) {
		// Read at the first upload, not at start: finding and parsing the SDL takes a
		// start a sixth of a second.
		CellValues values = new CellValues(EnumTerms.schema());
		long[] count = { 0 };
		BitSet read = new BitSet();
		Scan scan = scanned(upload, columns, title, progress, (found, raw) -> {
			if (raw.number() <= found.headerRow() || skipped(raw) || unfilled(found, raw)) {
				return;
			}
			read.set(raw.number());
			if (++count[0] > maxRows) {
				throw new LedgerFileException(FileProblem.TOO_MANY_ROWS,
						"最多 " + maxRows + " 行 (at most " + maxRows + " rows)");
			}
			SourceRow row = row(found, raw, values);
			try {
				rows.accept(row);
			}
			catch (RuntimeException ex) {
				throw new Sheets.Passed(ex);
			}
		});
		Layout layout = scan.layout;
		for (CellRangeAddress range : scan.merged) {
			if (mergesData(range, layout, read)) {
				throw new LedgerFileException(FileProblem.MERGED_CELLS, range.formatAsString());
			}
		}
		if (count[0] == 0) {
			throw new LedgerFileException(FileProblem.EMPTY, null);
		}
		progress.finished();
		return new ReadSummary(layout.headerRow(), count[0], layout.ignoredHeaders());
	}

	/**
	 * Hands every filled row of the ledger's sheet (title and header rows too) to
	 * {@code rows} with the layout found, in file order: what the marked report workbook
	 * copies.
	 */
	Layout scan(Upload upload, List<LedgerColumn> columns, String title, ReadProgress progress,
			BiConsumer<Layout, RawRow> rows) {
		return scanned(upload, columns, title, progress, rows).layout;
	}

	private Scan scanned(Upload upload, List<LedgerColumn> columns, String title, ReadProgress progress,
			BiConsumer<Layout, RawRow> rows) {
		Scan scan = new Scan(columns, rows);
		try {
			Sheets.read(upload, title, this.limits, progress, scan::row, scan.merged::add);
			scan.finish();
			return scan;
		}
		catch (Sheets.Passed ex) {
			throw ex.getCause();
		}
	}

	/**
	 * Whether {@code range} (0-based) hides a value from the ledger: it covers a column
	 * of the ledger and two data rows that were read, or two columns of the ledger in
	 * one. A title, a header or a 合计 row merged across its width is no data row, and a
	 * cell merged over empty rows below its own hides nothing.
	 */
	static boolean mergesData(CellRangeAddress range, Layout layout, BitSet read) {
		int rows = read.get(range.getFirstRow() + 1, range.getLastRow() + 2).cardinality();
		int columns = 0;
		for (int column = range.getFirstColumn(); column <= range.getLastColumn(); column++) {
			if (column < layout.slots().size() && layout.slots().get(column) != null) {
				columns++;
			}
		}
		return rows > 0 && columns > 0 && (rows > 1 || columns > 1);
	}

	/** A row that totals the rows above (合计) or is a signature line below the table. */
	static boolean skipped(RawRow raw) {
		for (RawCell cell : raw.cells()) {
			if (cell != null && !cell.blank()) {
				return Headers.totalOrFooter(cell.text());
			}
		}
		return true;
	}

	/**
	 * A row with nothing in the ledger's columns: a template numbered (序号) or remarked
	 * further down than it was filled in.
	 */
	static boolean unfilled(Layout layout, RawRow raw) {
		for (int i = 0; i < layout.slots().size(); i++) {
			RawCell cell = raw.cell(i);
			if (layout.slots().get(i) != null && cell != null && (!cell.blank() || cell.formula())) {
				return false;
			}
		}
		return true;
	}

	private static SourceRow row(Layout layout, RawRow raw, CellValues values) {
		Map<String, Object> read = new LinkedHashMap<>();
		Map<String, String> texts = new LinkedHashMap<>();
		List<CellProblem> problems = new ArrayList<>();
		for (int i = 0; i < layout.slots().size(); i++) {
			LedgerColumn column = layout.slots().get(i);
			RawCell cell = raw.cell(i);
			if (column == null || cell == null || (cell.blank() && !cell.formula())) {
				continue;
			}
			String text = cell.shown().strip();
			texts.put(column.field(), text);
			try {
				read.put(column.field(), values.read(column, layout.units().get(i), cell));
			}
			catch (CellValues.Fault fault) {
				problems.add(new CellProblem(column.field(), layout.headers().get(i), text, fault.code(),
						fault.getMessage()));
			}
		}
		return new SourceRow(raw.number(), read, texts, problems);
	}

	/**
	 * Keeps the first rows until the header is found among them, then hands every row on
	 * with the layout.
	 */
	private static final class Scan {

		private final List<LedgerColumn> columns;

		private final BiConsumer<Layout, RawRow> rows;

		private final List<RawRow> first = new ArrayList<>();

		private Layout layout;

		/** The sheet's merged ranges, as its reader tells them. */
		private final List<CellRangeAddress> merged = new ArrayList<>();

		Scan(List<LedgerColumn> columns, BiConsumer<Layout, RawRow> rows) {
			this.columns = columns;
			this.rows = rows;
		}

		void row(RawRow raw) {
			if (this.layout != null) {
				this.rows.accept(this.layout, raw);
				return;
			}
			this.first.add(raw);
			if (this.first.size() >= Layout.SCAN) {
				found();
			}
		}

		Layout finish() {
			if (this.layout == null) {
				if (this.first.isEmpty()) {
					throw new LedgerFileException(FileProblem.EMPTY_SHEET, null);
				}
				found();
			}
			return this.layout;
		}

		private void found() {
			this.layout = Layout.find(this.first, this.columns);
			for (RawRow raw : this.first) {
				this.rows.accept(this.layout, raw);
			}
			this.first.clear();
		}

	}

}
