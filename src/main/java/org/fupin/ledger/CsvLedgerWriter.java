package org.fupin.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A ledger as CSV (RFC 4180, CRLF) in UTF-8 with a byte-order mark, so Excel opens the
 * Chinese text as such, written straight to the response as rows come. Values are the
 * text {@link CellType#text} gives; text that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe,
 * as OWASP recommends against CSV injection. Only one sheet.
 */
public class CsvLedgerWriter implements LedgerWriter {

	/** The first characters that make a spreadsheet take a cell's text for a formula. */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final Writer writer;

	private CSVPrinter printer;

	private List<LedgerColumn> columns;

	CsvLedgerWriter(OutputStream out) throws IOException {
		this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		this.writer.write('\uFEFF');
	}

	@Override
	public void sheet(String title, List<LedgerColumn> columns) throws IOException {
		if (this.printer != null) {
			throw new IllegalStateException("A CSV file holds one sheet");
		}
		this.columns = columns;
		this.printer = new CSVPrinter(this.writer,
				CSVFormat.RFC4180.builder()
					.setHeader(columns.stream().map(LedgerColumn::header).toArray(String[]::new))
					.get());
	}

	@Override
	public void row(Map<String, Object> row) throws IOException {
		List<String> values = new ArrayList<>(this.columns.size());
		for (LedgerColumn column : this.columns) {
			String text = column.type().text(row.get(column.field()));
			values.add((column.type() == CellType.TEXT || column.type() == CellType.CODE) ? neutralised(text) : text);
		}
		this.printer.printRecord(values);
	}

	@Override
	public void finish(OutputStream out) throws IOException {
		this.printer.flush();
	}

	/**
	 * Nothing: what is still buffered goes out in {@link #finish} only, so a ledger
	 * refused before its first 8 KB (too many rows, a failed read) leaves the response
	 * untouched for the error.
	 */
	@Override
	public void close() {
	}

	/**
	 * Text a spreadsheet would take for a formula, with an apostrophe before it: what a
	 * CSV file this platform writes holds in place of text it was given.
	 */
	public static String neutralised(String text) {
		if (text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	/**
	 * The text {@link #neutralised} was given, read back from a cell: an apostrophe
	 * before a formula's first character is taken away, as a spreadsheet does, so that a
	 * ledger exported and imported again is unchanged.
	 */
	public static String restored(String text) {
		if (text != null && text.length() > 1 && text.charAt(0) == '\''
				&& FORMULA_STARTS.indexOf(text.charAt(1)) >= 0) {
			return text.substring(1);
		}
		return text;
	}

}
