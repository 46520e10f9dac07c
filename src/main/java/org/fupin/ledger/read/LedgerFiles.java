package org.fupin.ledger.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.fupin.ledger.LedgerColumn;

import org.springframework.stereotype.Component;

/**
 * Reads ledger files row by row against a ledger's columns: CSV in UTF-8 with its header
 * on the first line.
 */
@Component
public class LedgerFiles {

	/**
	 * Hands each data row of {@code upload} to {@code rows}, in file order.
	 * @throws LedgerFileException when the file cannot be read as this ledger at all
	 */
	public ReadSummary read(Upload upload, List<LedgerColumn> columns, long maxRows, Consumer<SourceRow> rows) {
		try (InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(upload.file())).get();
				Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(reader)) {
			List<LedgerColumn> byIndex = null;
			long count = 0;
			for (CSVRecord record : parser) {
				if (byIndex == null) {
					byIndex = header(record, columns);
					continue;
				}
				if (++count > maxRows) {
					throw new LedgerFileException(FileProblem.TOO_MANY_ROWS, String.valueOf(maxRows));
				}
				rows.accept(row((int) record.getRecordNumber(), record, byIndex));
			}
			if (byIndex == null) {
				throw new LedgerFileException(FileProblem.NO_HEADER, null);
			}
			if (count == 0) {
				throw new LedgerFileException(FileProblem.EMPTY, null);
			}
			return new ReadSummary(1, count, List.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<LedgerColumn> header(CSVRecord record, List<LedgerColumn> columns) {
		Map<String, LedgerColumn> known = new HashMap<>();
		for (LedgerColumn column : columns) {
			known.put(column.header(), column);
			column.aliases().forEach((alias) -> known.put(alias, column));
		}
		List<LedgerColumn> byIndex = new ArrayList<>();
		for (String header : record) {
			LedgerColumn column = known.get(header.strip());
			if (column == null) {
				throw new LedgerFileException(FileProblem.UNKNOWN_COLUMN, header);
			}
			byIndex.add(column);
		}
		for (LedgerColumn column : columns) {
			if (column.required() && !byIndex.contains(column)) {
				throw new LedgerFileException(FileProblem.MISSING_COLUMN, column.header());
			}
		}
		return byIndex;
	}

	private static SourceRow row(int number, CSVRecord record, List<LedgerColumn> byIndex) {
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, String> texts = new LinkedHashMap<>();
		List<CellProblem> problems = new ArrayList<>();
		for (int i = 0; i < byIndex.size() && i < record.size(); i++) {
			LedgerColumn column = byIndex.get(i);
			String text = record.get(i).strip();
			if (text.isEmpty()) {
				continue;
			}
			texts.put(column.field(), text);
			try {
				values.put(column.field(), CellText.read(column, text));
			}
			catch (IllegalArgumentException | java.time.DateTimeException ex) {
				problems.add(new CellProblem(column.field(), column.header(), text, "INVALID_VALUE",
						"无法读取: " + ex.getMessage()));
			}
		}
		return new SourceRow(number, values, texts, problems);
	}

}
