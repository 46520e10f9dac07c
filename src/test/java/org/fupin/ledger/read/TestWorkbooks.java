package org.fupin.ledger.read;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Builds small workbooks for the reader's tests: rows of values, each a string cell, a
 * numeric cell, a date cell, a percent cell or a formula.
 */
final class TestWorkbooks {

	private TestWorkbooks() {
	}

	/** A numeric cell formatted as percent. */
	record Percent(double value) {
	}

	/** A formula cell. */
	record Formula(String formula) {
	}

	/** A date cell formatted with {@code format}. */
	record DateCell(LocalDate date, String format) {
	}

	static void row(Workbook workbook, Sheet sheet, int index, Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (value instanceof String text) {
				cell.setCellValue(text);
			}
			else if (value instanceof Number number) {
				cell.setCellValue(number.doubleValue());
			}
			else if (value instanceof LocalDate date) {
				cell.setCellValue(date);
				cell.setCellStyle(style(workbook, "yyyy-mm-dd"));
			}
			else if (value instanceof DateCell date) {
				cell.setCellValue(date.date());
				cell.setCellStyle(style(workbook, date.format()));
			}
			else if (value instanceof Percent percent) {
				cell.setCellValue(percent.value());
				cell.setCellStyle(style(workbook, "0%"));
			}
			else if (value instanceof Formula formula) {
				cell.setCellFormula(formula.formula());
			}
		}
	}

	private static CellStyle style(Workbook workbook, String format) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		return style;
	}

	static Path write(Workbook workbook, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
		workbook.close();
		return file;
	}

}
