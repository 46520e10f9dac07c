package org.fupin.ledger.read;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.fupin.ledger.LedgerColumn;
import org.fupin.ledger.LedgerForm;

/**
 * The uploaded ledger handed back with its faults marked (标注错误的台账): every row of the file
 * where it was, each faulty cell filled red with a comment holding the message, and a
 * last column {@value #ERRORS} joining the messages of the row. A line about the whole
 * row goes only into that column. Written through SXSSF: rows stream to a compressed
 * temporary file, a window of {@value #WINDOW} rows stays in memory, and comments stop
 * after {@value #MAX_COMMENTS} (the error column still says everything), since each is
 * kept in memory until the end. Cells of personal data (a household head's name and ID
 * number) are masked as the API masks them for a caller without the grant, as the
 * report's lines are: the workbook is read by whoever may read the import, and the
 * uploader keeps the original.
 */
public final class ReportWorkbook {

	/** The header of the added column. */
	public static final String ERRORS = "错误说明 / Errors";

	/** Excel's light red fill for bad cells. */
	public static final byte[] RED = { (byte) 0xFF, (byte) 0xC7, (byte) 0xCE };

	static final int WINDOW = 100;

	static final int MAX_COMMENTS = 5_000;

	private final LedgerFiles files;

	public ReportWorkbook(LedgerFiles files) {
		this.files = files;
	}

	/**
	 * Writes the marked copy of {@code upload}'s first sheet (or the sheet named like
	 * {@code title}) to {@code out}.
	 * @param lines the report, in the order of its rows
	 * @throws LedgerFileException when the file cannot be read as this ledger at all
	 */
	public void write(Upload upload, List<LedgerColumn> columns, String title, Iterable<ReportLine> lines,
			OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			workbook.setCompressTempFiles(true);
			Marker marker = new Marker(workbook, title, lines.iterator(), LedgerForm.masksOf(columns));
			this.files.scan(upload, columns, title, new ReadProgress(), marker::row);
			marker.finish();
			workbook.write(out);
		}
	}

	/**
	 * Writes the marked copy of {@code upload}'s ledger sheet, the one
	 * {@link LedgerFiles#read(Upload, LedgerForm, long, java.util.function.Consumer)}
	 * reads, to {@code out}.
	 */
	public void write(Upload upload, LedgerForm form, Iterable<ReportLine> lines, OutputStream out) throws IOException {
		write(upload, form.columns(), form.title(), lines, out);
	}

	/** Writes the marked copy of {@code upload}'s first sheet to {@code out}. */
	public void write(Upload upload, List<LedgerColumn> columns, Iterable<ReportLine> lines, OutputStream out)
			throws IOException {
		write(upload, columns, null, lines, out);
	}

	private static final class Marker {

		private final SXSSFWorkbook workbook;

		private final SXSSFSheet sheet;

		private final Iterator<ReportLine> lines;

		private final Map<String, UnaryOperator<String>> masks;

		private final Map<Integer, UnaryOperator<String>> masked = new LinkedHashMap<>();

		private final Drawing<?> drawing;

		private final Map<RawCell.Kind, CellStyle> plain = new LinkedHashMap<>();

		private final Map<RawCell.Kind, CellStyle> red = new LinkedHashMap<>();

		private final CellStyle errors;

		private final CellStyle header;

		private ReportLine next;

		private Layout layout;

		private int errorColumn;

		private int comments;

		private int last;

		Marker(SXSSFWorkbook workbook, String title, Iterator<ReportLine> lines,
				Map<String, UnaryOperator<String>> masks) {
			this.workbook = workbook;
			this.masks = masks;
			this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName((title != null) ? title : "台账"));
			this.lines = lines;
			this.next = lines.hasNext() ? lines.next() : null;
			this.drawing = this.sheet.createDrawingPatriarch();
			for (RawCell.Kind kind : RawCell.Kind.values()) {
				this.plain.put(kind, style(kind, false));
				this.red.put(kind, style(kind, true));
			}
			this.errors = workbook.createCellStyle();
			this.errors.setWrapText(true);
			Font font = workbook.createFont();
			font.setColor(org.apache.poi.ss.usermodel.IndexedColors.DARK_RED.getIndex());
			this.errors.setFont(font);
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
		}

		private CellStyle style(RawCell.Kind kind, boolean marked) {
			XSSFCellStyle style = (XSSFCellStyle) this.workbook.createCellStyle();
			String format = switch (kind) {
				case DATE -> "yyyy-mm-dd";
				case PERCENT -> "0.00%";
				default -> null;
			};
			if (format != null) {
				style.setDataFormat(this.workbook.createDataFormat().getFormat(format));
			}
			if (marked) {
				style.setFillForegroundColor(new XSSFColor(RED, null));
				style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			}
			return style;
		}

		void row(Layout layout, RawRow raw) {
			if (this.layout == null) {
				this.layout = layout;
				this.errorColumn = Math.max(layout.headers().size(), 1);
				this.sheet.setColumnWidth(this.errorColumn, 60 * 256);
				this.masks.forEach((field, mask) -> {
					int index = layout.indexOf(field);
					if (index >= 0) {
						this.masked.put(index, mask);
					}
				});
			}
			rowsBefore(raw.number());
			List<ReportLine> mine = linesOf(raw.number());
			Row row = this.sheet.createRow(raw.number() - 1);
			this.last = raw.number();
			Map<Integer, List<ReportLine>> byColumn = new LinkedHashMap<>();
			for (ReportLine line : mine) {
				int index = (line.field() != null) ? layout.indexOf(line.field()) : -1;
				if (index >= 0) {
					byColumn.computeIfAbsent(index, (i) -> new ArrayList<>()).add(line);
				}
			}
			for (int i = 0; i < raw.cells().size(); i++) {
				RawCell cell = raw.cell(i);
				if (cell != null && i != this.errorColumn) {
					UnaryOperator<String> mask = (raw.number() > layout.headerRow()) ? this.masked.get(i) : null;
					copy(row.createCell(i), (mask != null) ? RawCell.text(mask.apply(cell.text()), false) : cell,
							byColumn.remove(i));
				}
			}
			byColumn.forEach((index, faults) -> copy(row.createCell(index), RawCell.text("", false), faults));
			if (raw.number() == layout.firstHeaderRow()) {
				Cell cell = row.createCell(this.errorColumn);
				cell.setCellValue(ERRORS);
				cell.setCellStyle(this.header);
			}
			errors(row, mine);
		}

		private void copy(Cell target, RawCell cell, List<ReportLine> faults) {
			switch (cell.kind()) {
				case NUMBER, DATE, PERCENT -> target.setCellValue(cell.number());
				case BOOLEAN -> target.setCellValue(Boolean.parseBoolean(cell.text().toLowerCase()));
				default -> target.setCellValue(cell.text());
			}
			target.setCellStyle(((faults != null) ? this.red : this.plain).get(cell.kind()));
			if (faults != null && this.comments < MAX_COMMENTS) {
				this.comments++;
				ClientAnchor anchor = this.workbook.getCreationHelper().createClientAnchor();
				anchor.setCol1(target.getColumnIndex());
				anchor.setCol2(target.getColumnIndex() + 4);
				anchor.setRow1(target.getRowIndex());
				anchor.setRow2(target.getRowIndex() + 5);
				Comment comment = this.drawing.createCellComment(anchor);
				comment.setString(this.workbook.getCreationHelper()
					.createRichTextString(faults.stream().map(ReportLine::message).collect(Collectors.joining("\n"))));
				comment.setAuthor("fupin-graph");
				target.setCellComment(comment);
			}
		}

		private void errors(Row row, List<ReportLine> mine) {
			if (mine.isEmpty()) {
				return;
			}
			Cell cell = row.createCell(this.errorColumn);
			cell.setCellValue(text(mine));
			cell.setCellStyle(this.errors);
		}

		/**
		 * Lines of rows the file does not show (a blank row), each in a row of its own.
		 */
		private void rowsBefore(int number) {
			while (this.next != null && this.next.row() < number) {
				int row = this.next.row();
				List<ReportLine> mine = linesOf(row);
				if (row > this.last) {
					errors(this.sheet.createRow(row - 1), mine);
					this.last = row;
				}
			}
		}

		private List<ReportLine> linesOf(int number) {
			List<ReportLine> mine = new ArrayList<>();
			while (this.next != null && this.next.row() == number) {
				mine.add(this.next);
				this.next = this.lines.hasNext() ? this.lines.next() : null;
			}
			return mine;
		}

		void finish() {
			rowsBefore(Integer.MAX_VALUE);
		}

		private static String text(List<ReportLine> lines) {
			return lines.stream()
				.map((line) -> (line.field() != null && line.header() != null) ? line.header() + ": " + line.message()
						: line.message())
				.collect(Collectors.joining("\n"));
		}

	}

}
