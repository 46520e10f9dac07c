package org.fupin.ledger.read;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.ledger.CellType;
import org.fupin.ledger.LedgerColumn;
import org.fupin.ledger.LedgerForm;
import org.fupin.money.Money;
import org.fupin.money.Share;

/**
 * A ledger's template (模板) to fill: the header row in Chinese, required columns marked
 * with * and bold, a comment on each header giving the cell's format, one example row,
 * code columns formatted as text so leading zeros stay, and a second sheet 可选值 listing
 * the allowed values of each coded column (code, Chinese term, English). Read back by
 * {@link LedgerFiles}, a template gives exactly its example row.
 */
public final class LedgerTemplate {

	/** The name of the sheet of allowed values. */
	public static final String VALUES_SHEET = "可选值";

	private final EnumTerms terms;

	public LedgerTemplate() {
		this(EnumTerms.schema());
	}

	LedgerTemplate(EnumTerms terms) {
		this.terms = terms;
	}

	public void write(LedgerForm form, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(form.title()));
			List<LedgerColumn> columns = form.columns();
			Row header = sheet.createRow(0);
			Row example = sheet.createRow(1);
			Drawing<?> drawing = sheet.createDrawingPatriarch();
			CreationHelper helper = workbook.getCreationHelper();
			for (int i = 0; i < columns.size(); i++) {
				LedgerColumn column = columns.get(i);
				Cell cell = header.createCell(i);
				cell.setCellValue(column.required() ? "*" + column.header() : column.header());
				cell.setCellStyle(column.required() ? styles.required : styles.header);
				ClientAnchor anchor = helper.createClientAnchor();
				anchor.setCol1(i);
				anchor.setCol2(i + 4);
				anchor.setRow1(0);
				anchor.setRow2(8);
				Comment comment = drawing.createCellComment(anchor);
				comment.setString(helper.createRichTextString(format(column)));
				comment.setAuthor("fupin-graph");
				cell.setCellComment(comment);
				if (column.type() == CellType.CODE || column.list()) {
					sheet.setDefaultColumnStyle(i, styles.text);
				}
				sheet.setColumnWidth(i, Math.max(12, Math.min(40, column.header().length() * 3 + 4)) * 256);
				if (column.example() != null) {
					example(example.createCell(i), column, styles);
				}
			}
			sheet.createFreezePane(0, 1);
			values(workbook.createSheet(VALUES_SHEET), columns, styles);
			workbook.write(out);
		}
	}

	/** The example's text as a cell of the column's type, as a clerk would enter it. */
	private static void example(Cell cell, LedgerColumn column, Styles styles) {
		String text = column.example();
		if (column.list() || column.values() != null) {
			cell.setCellValue(text);
			cell.setCellStyle(styles.text);
			return;
		}
		switch (column.type()) {
			case MONEY -> {
				cell.setCellValue(Money.parse(text).yuan().doubleValue());
				cell.setCellStyle(styles.decimal);
			}
			case PERCENT -> {
				cell.setCellValue(Share.parse(text).percent().doubleValue());
				cell.setCellStyle(styles.decimal);
			}
			case DATE -> {
				cell.setCellValue(LocalDate.parse(text));
				cell.setCellStyle(styles.date);
			}
			case INTEGER -> {
				cell.setCellValue(new BigDecimal(text).doubleValue());
				cell.setCellStyle(styles.integer);
			}
			default -> {
				cell.setCellValue(text);
				cell.setCellStyle(styles.text);
			}
		}
	}

	/** What a header's comment says: required or not, the format, the allowed values. */
	String format(LedgerColumn column) {
		StringBuilder chinese = new StringBuilder(column.required() ? "必填。" : "选填。");
		StringBuilder english = new StringBuilder(column.required() ? "Required. " : "Optional. ");
		if (column.values() != null) {
			chinese.append("可选值 (填中文或代码): ")
				.append(this.terms.values(column.values())
					.stream()
					.map((value) -> value.term() + " " + value.code())
					.collect(Collectors.joining("、")))
				.append("; 见“" + VALUES_SHEET + "”表。");
			english.append(
					"One of the allowed values, as the Chinese term or the code: see the sheet " + VALUES_SHEET + ". ");
		}
		else {
			switch (column.type()) {
				case TEXT -> {
					chinese.append("文字。");
					english.append("Text. ");
				}
				case CODE -> {
					chinese.append("代码, 以文本填写, 保留前导零。");
					english.append("A code, entered as text: leading zeros stay. ");
				}
				case MONEY -> {
					chinese.append("金额, 单位元, 最多两位小数, 如 903971.05; 表头写“(万元)”时单位万元, 最多六位小数。");
					english.append("An amount in yuan with at most two decimals, such as 903971.05; in 万元, with up to"
							+ " six decimals, when the header says (万元). ");
				}
				case DATE -> {
					chinese.append("日期: 日期单元格, 或 2019-07-26、2019/7/26、2019.7.26、2019年7月26日。");
					english.append("A date: a date cell, or 2019-07-26, 2019/7/26, 2019.7.26 or 2019年7月26日. ");
				}
				case PERCENT -> {
					chinese.append("百分数, 最多两位小数, 如 60.00 或 60%。");
					english.append("A percent with at most two decimals, such as 60.00 or 60%. ");
				}
				case INTEGER -> {
					chinese.append("整数。");
					english.append("A whole number. ");
				}
			}
		}
		if (column.list()) {
			chinese.append("可填多个, 用 ; 、 或 ； 分隔, 与其他多值列逐项对应。");
			english.append("Several values separated by ; or 、, item by item with the other list columns. ");
		}
		return chinese + "\n" + english.toString().strip();
	}

	private void values(Sheet sheet, List<LedgerColumn> columns, Styles styles) {
		Row header = sheet.createRow(0);
		String[] titles = { "列 Column", "代码 Code", "中文", "English" };
		for (int i = 0; i < titles.length; i++) {
			Cell cell = header.createCell(i);
			cell.setCellValue(titles[i]);
			cell.setCellStyle(styles.header);
		}
		int next = 1;
		for (LedgerColumn column : columns) {
			if (column.values() == null) {
				continue;
			}
			for (EnumTerms.Value value : this.terms.values(column.values())) {
				Row row = sheet.createRow(next++);
				row.createCell(0).setCellValue(column.header());
				row.createCell(1).setCellValue(value.code());
				row.createCell(2).setCellValue(value.term());
				row.createCell(3).setCellValue(value.english());
			}
		}
		sheet.setColumnWidth(0, 16 * 256);
		sheet.setColumnWidth(1, 22 * 256);
		sheet.setColumnWidth(2, 24 * 256);
		sheet.setColumnWidth(3, 60 * 256);
		sheet.createFreezePane(0, 1);
	}

	private static final class Styles {

		final CellStyle header;

		final CellStyle required;

		final CellStyle text;

		final CellStyle decimal;

		final CellStyle date;

		final CellStyle integer;

		Styles(XSSFWorkbook workbook) {
			DataFormat formats = workbook.createDataFormat();
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			Font red = workbook.createFont();
			red.setBold(true);
			red.setColor(org.apache.poi.ss.usermodel.IndexedColors.DARK_RED.getIndex());
			this.required = workbook.createCellStyle();
			this.required.setFont(red);
			this.text = style(workbook, formats.getFormat("@"));
			this.decimal = style(workbook, formats.getFormat("0.00"));
			this.date = style(workbook, formats.getFormat("yyyy-mm-dd"));
			this.integer = style(workbook, formats.getFormat("0"));
		}

		private static CellStyle style(XSSFWorkbook workbook, short format) {
			CellStyle style = workbook.createCellStyle();
			style.setDataFormat(format);
			return style;
		}

	}

}
