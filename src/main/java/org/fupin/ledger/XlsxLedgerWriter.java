package org.fupin.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A ledger as an Excel workbook (.xlsx) through Apache POI's streaming SXSSF: only the
 * last {@code window} rows stay in memory, older ones go to a compressed temporary file,
 * and {@link #finish} writes the workbook to the response. Text is always a string cell
 * (never a formula, whatever it starts with), codes are string cells formatted as text so
 * leading zeros stay, money and percent numeric cells formatted {@code 0.00}, dates date
 * cells.
 */
class XlsxLedgerWriter implements LedgerWriter {

	/** The longest text a cell holds. */
	private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

	private final SXSSFWorkbook workbook;

	private final Map<CellType, CellStyle> styles = new EnumMap<>(CellType.class);

	private final CellStyle headerStyle;

	private SXSSFSheet sheet;

	private List<LedgerColumn> columns;

	private int next;

	XlsxLedgerWriter(int window) {
		this.workbook = new SXSSFWorkbook(window);
		this.workbook.setCompressTempFiles(true);
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		this.headerStyle = this.workbook.createCellStyle();
		this.headerStyle.setFont(bold);
		short text = this.workbook.createDataFormat().getFormat("@");
		for (CellType type : CellType.values()) {
			CellStyle style = this.workbook.createCellStyle();
			style.setDataFormat(switch (type) {
				case MONEY, PERCENT -> this.workbook.createDataFormat().getFormat("0.00");
				case DATE -> this.workbook.createDataFormat().getFormat("yyyy-mm-dd");
				case INTEGER -> this.workbook.createDataFormat().getFormat("0");
				default -> text;
			});
			this.styles.put(type, style);
		}
	}

	@Override
	public void sheet(String title, List<LedgerColumn> columns) {
		this.sheet = this.workbook.createSheet(WorkbookUtil.createSafeSheetName(title));
		this.columns = columns;
		this.next = 0;
		Row header = this.sheet.createRow(this.next++);
		for (int i = 0; i < columns.size(); i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(columns.get(i).header());
			cell.setCellStyle(this.headerStyle);
			this.sheet.setColumnWidth(i, width(columns.get(i)) * 256);
		}
		this.sheet.createFreezePane(0, 1);
	}

	@Override
	public void row(Map<String, Object> values) {
		Row row = this.sheet.createRow(this.next++);
		for (int i = 0; i < this.columns.size(); i++) {
			LedgerColumn column = this.columns.get(i);
			Object value = values.get(column.field());
			if (value != null) {
				write(row.createCell(i), column.type(), value);
			}
		}
	}

	private void write(Cell cell, CellType type, Object value) {
		if (value instanceof List<?>) {
			// Several values in one cell are text, whatever their type.
			cell.setCellValue(clipped(type.text(value)));
			cell.setCellStyle(this.styles.get(CellType.CODE));
			return;
		}
		cell.setCellStyle(this.styles.get(type));
		switch (type) {
			case MONEY -> cell.setCellValue(CellType.money(value).yuan().doubleValue());
			case PERCENT -> cell.setCellValue(CellType.share(value).percent().doubleValue());
			case DATE -> cell.setCellValue(CellType.date(value));
			case INTEGER -> cell.setCellValue(((Number) value).doubleValue());
			default -> cell.setCellValue(clipped(type.text(value)));
		}
	}

	@Override
	public void finish(OutputStream out) throws IOException {
		this.workbook.write(out);
	}

	@Override
	public void close() throws IOException {
		this.workbook.close();
	}

	/** Text that fits a cell: longer text (a huge change record) is cut with a mark. */
	private static String clipped(String text) {
		return (text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT - 1) + "…";
	}

	private static int width(LedgerColumn column) {
		return switch (column.type()) {
			case CODE -> 22;
			case TEXT -> Math.max(12, Math.min(40, column.header().length() * 3));
			default -> 14;
		};
	}

}
