package org.fupin.ledger.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.ledger.LedgerForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fupin.ledger.read.TestWorkbooks.row;
import static org.fupin.ledger.read.TestWorkbooks.write;

class ReportWorkbookTests {

	@TempDir
	Path dir;

	@Test
	void marksFaultyCellsAndAddsTheErrorColumn() throws IOException {
		XSSFWorkbook upload = new XSSFWorkbook();
		Sheet sheet = upload.createSheet("资产台账");
		row(upload, sheet, 0, "兴宁区扶贫项目资产台账");
		row(upload, sheet, 1, "序号", "登记编号", "资产名称", "资产类型", "资产类别", "原值(元)", "建成日期");
		row(upload, sheet, 2, 1d, "ZC-1", "道路", "ROAD", "PUBLIC_WELFARE", 12.345, LocalDate.of(2020, 6, 30));
		row(upload, sheet, 3, 2d, "ZC-1", "水井", "WELL", "PUBLIC_WELFARE", 100d, "2020/7/1");
		row(upload, sheet, 5, 3d, "ZC-3", "桥", "BRIDGE", "PUBLIC_WELFARE", 5d, LocalDate.of(2021, 1, 2));
		Path file = write(upload, this.dir.resolve("upload.xlsx"));
		List<ReportLine> lines = List.of(
				new ReportLine(3, "originalValue", "原值(元)", "12.345", "INVALID_AMOUNT",
						"金额最多两位小数。At most two decimals."),
				new ReportLine(4, null, null, null, "DUPLICATE_KEY", "登记编号 ZC-1 重复。Register number ZC-1 twice."),
				new ReportLine(4, "type", "资产类型", "WELL", "INVALID_VALUE", "“WELL”不是可选值。Not an allowed value."),
				new ReportLine(4, "status", "资产状态", null, "REQUIRED", "请填写资产状态。Enter the status."),
				new ReportLine(5, null, null, null, "GAP", "空行。A blank row."));
		Path report = this.dir.resolve("report.xlsx");
		try (OutputStream out = Files.newOutputStream(report)) {
			new ReportWorkbook(new LedgerFiles()).write(new Upload("upload.xlsx", file, null), LedgerForm.ASSETS, lines,
					out);
		}
		try (InputStream in = Files.newInputStream(report); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet marked = workbook.getSheetAt(0);
			assertThat(marked.getSheetName()).isEqualTo("资产台账");
			assertThat(marked.getRow(0).getCell(0).getStringCellValue()).isEqualTo("兴宁区扶贫项目资产台账");
			assertThat(marked.getRow(1).getCell(7).getStringCellValue()).isEqualTo("错误说明 / Errors");
			Row third = marked.getRow(2);
			assertThat(third.getCell(5).getNumericCellValue()).isEqualTo(12.345);
			assertRed(third.getCell(5));
			assertThat(third.getCell(5).getCellComment().getString().getString())
				.isEqualTo("金额最多两位小数。At most two decimals.");
			assertThat(third.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2020, 6, 30));
			assertNotRed(third.getCell(6));
			assertNotRed(third.getCell(1));
			assertThat(third.getCell(7).getStringCellValue()).isEqualTo("原值(元): 金额最多两位小数。At most two decimals.");
			Row fourth = marked.getRow(3);
			assertRed(fourth.getCell(3));
			assertThat(fourth.getCell(3).getStringCellValue()).isEqualTo("WELL");
			assertNotRed(fourth.getCell(1));
			assertThat(fourth.getCell(7).getStringCellValue()).isEqualTo("登记编号 ZC-1 重复。Register number ZC-1 twice.\n"
					+ "资产类型: “WELL”不是可选值。Not an allowed value.\n" + "资产状态: 请填写资产状态。Enter the status.");
			assertThat(fourth.getLastCellNum()).isEqualTo((short) 8);
			assertThat(marked.getRow(4).getCell(7).getStringCellValue()).isEqualTo("空行。A blank row.");
			assertThat(marked.getRow(4).getCell(0)).isNull();
			Row sixth = marked.getRow(5);
			assertThat(sixth.getCell(1).getStringCellValue()).isEqualTo("ZC-3");
			assertThat(sixth.getCell(7)).isNull();
			for (Cell cell : sixth) {
				assertNotRed(cell);
			}
			assertThat(marked.getLastRowNum()).isEqualTo(5);
		}
	}

	@Test
	void marksACsvUploadAsWell() throws IOException {
		Path file = this.dir.resolve("upload.csv");
		Files.writeString(file, "登记编号,资产名称,资产类型,资产类别,原值(元),建成日期\nZC-1,道路,ROAD,ASSIGNED,1.234,2020-01-01\n",
				java.nio.charset.Charset.forName("GB18030"));
		Path report = this.dir.resolve("report.xlsx");
		try (OutputStream out = Files.newOutputStream(report)) {
			new ReportWorkbook(new LedgerFiles())
				.write(new Upload("upload.csv", file, null), LedgerForm.ASSETS.columns(), List
					.of(new ReportLine(2, "originalValue", "原值(元)", "1.234", "INVALID_AMOUNT", "两位小数。Two decimals.")),
						out);
		}
		try (InputStream in = Files.newInputStream(report); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet marked = workbook.getSheetAt(0);
			assertThat(marked.getRow(0).getCell(6).getStringCellValue()).isEqualTo("错误说明 / Errors");
			assertThat(marked.getRow(1).getCell(1).getStringCellValue()).isEqualTo("道路");
			assertThat(marked.getRow(1).getCell(4).getStringCellValue()).isEqualTo("1.234");
			assertRed(marked.getRow(1).getCell(4));
			assertThat(marked.getRow(1).getCell(6).getStringCellValue()).isEqualTo("原值(元): 两位小数。Two decimals.");
		}
	}

	private static void assertRed(Cell cell) {
		XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
		assertThat(style.getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
		assertThat(style.getFillForegroundXSSFColor().getRGB()).isEqualTo(ReportWorkbook.RED);
	}

	private static void assertNotRed(Cell cell) {
		assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
	}

}
