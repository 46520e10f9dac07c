package org.fupin.ledger.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.ledger.LedgerForm;
import org.fupin.money.Money;
import org.fupin.money.Share;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerTemplateTests {

	/** The example row of the asset ledger's template, as the import reads it. */
	static final Map<String, Object> ASSET_EXAMPLE = Map.ofEntries(entry("registerNo", "ZC-450102101201-0002"),
			entry("name", "竹坝村农产品加工厂"), entry("type", "PROCESSING_PLANT"), entry("category", "OPERATING"),
			entry("originalValue", Money.ofFen(90397105)), entry("completionDate", LocalDate.of(2019, 7, 26)),
			entry("status", "IN_USE"), entry("placeCode", "450102101201"), entry("placeName", "竹坝村"),
			entry("projectCode", "PRJ-450102-2019-01"), entry("projectName", "2019年兴宁区产业扶贫项目"),
			entry("ownerIds", List.of("N1450102XKLFEJ2XR0")), entry("ownerNames", List.of("竹坝村股份经济合作社")),
			entry("ownerShares", List.of(Share.ofHundredths(10000))),
			entry("certificateNos", List.of("QZ-450102-2019-00007")), entry("custodianCode", "N1450102XKLFEJ2XR0"),
			entry("custodianName", "竹坝村股份经济合作社"), entry("responsiblePersonId", "P000182"),
			entry("responsiblePersonName", "罗荣"), entry("duty", "日常巡查、设施设备维护"));

	@TempDir
	Path dir;

	@Test
	void theTemplateReadBackGivesExactlyItsExampleRow() throws IOException {
		for (LedgerForm form : LedgerForm.values()) {
			Path file = this.dir.resolve(form.slug() + ".xlsx");
			try (OutputStream out = Files.newOutputStream(file)) {
				new LedgerTemplate().write(form, out);
			}
			List<SourceRow> rows = new ArrayList<>();
			ReadSummary summary = new LedgerFiles().read(new Upload(file.getFileName().toString(), file, null), form,
					10, rows::add);
			assertThat(summary).isEqualTo(new ReadSummary(1, 1, List.of()));
			assertThat(rows).singleElement().satisfies((row) -> {
				assertThat(row.number()).isEqualTo(2);
				assertThat(row.problems()).isEmpty();
				if (form == LedgerForm.ASSETS) {
					assertThat(row.values()).isEqualTo(ASSET_EXAMPLE);
				}
			});
		}
	}

	@Test
	void theTemplateSaysWhatEachColumnTakes() throws IOException {
		Path file = this.dir.resolve("assets.xlsx");
		try (OutputStream out = Files.newOutputStream(file)) {
			new LedgerTemplate().write(LedgerForm.ASSETS, out);
		}
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("资产台账");
			Row header = sheet.getRow(0);
			List<String> headers = new ArrayList<>();
			header.forEach((cell) -> headers.add(cell.getStringCellValue()));
			assertThat(headers).containsExactly("*登记编号", "*资产名称", "*资产类型", "*资产类别", "*原值(元)", "*建成日期", "资产状态", "所在地代码",
					"所在地", "项目编号", "项目名称", "产权主体代码", "产权主体", "产权份额(%)", "确权证书号", "管护主体代码", "管护主体", "管护责任人编号", "管护责任人",
					"管护责任");
			Cell registerNo = header.getCell(0);
			// Required: a * and dark red; every header bold.
			assertThat(workbook.getFontAt(registerNo.getCellStyle().getFontIndex()).getColor())
				.isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.DARK_RED.getIndex());
			assertThat(workbook.getFontAt(header.getCell(6).getCellStyle().getFontIndex()).getColor())
				.isNotEqualTo(org.apache.poi.ss.usermodel.IndexedColors.DARK_RED.getIndex());
			assertThat(workbook.getFontAt(header.getCell(6).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(registerNo.getCellComment().getString().getString())
				.isEqualTo("必填。代码, 以文本填写, 保留前导零。\nRequired. A code, entered as text: leading zeros stay.");
			assertThat(header.getCell(4).getCellComment().getString().getString())
				.isEqualTo("必填。金额, 单位元, 最多两位小数, 如 903971.05; 表头写“(万元)”时单位万元, 最多六位小数。\n"
						+ "Required. An amount in yuan with at most two decimals, such as 903971.05; in 万元, with up to"
						+ " six decimals, when the header says (万元).");
			assertThat(header.getCell(5).getCellComment().getString().getString())
				.isEqualTo("必填。日期: 日期单元格, 或 2019-07-26、2019/7/26、2019.7.26、2019年7月26日。\n"
						+ "Required. A date: a date cell, or 2019-07-26, 2019/7/26, 2019.7.26 or 2019年7月26日.");
			assertThat(header.getCell(6).getCellComment().getString().getString())
				.isEqualTo("选填。可选值 (填中文或代码): 在用 IN_USE、闲置 IDLE、损毁 DAMAGED、已处置 DISPOSED; 见“可选值”表。\n"
						+ "Optional. One of the allowed values, as the Chinese term or the code: see the sheet 可选值.");
			assertThat(header.getCell(13).getCellComment().getString().getString())
				.isEqualTo("选填。百分数, 最多两位小数, 如 60.00 或 60%。可填多个, 用 ; 、 或 ； 分隔, 与其他多值列逐项对应。\n"
						+ "Optional. A percent with at most two decimals, such as 60.00 or 60%. Several values"
						+ " separated by ; or 、, item by item with the other list columns.");
			Row example = sheet.getRow(1);
			assertThat(example.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("@");
			assertThat(sheet.getColumnStyle(7).getDataFormatString()).isEqualTo("@");
			assertThat(example.getCell(4).getNumericCellValue()).isEqualTo(903971.05);
			assertThat(example.getCell(5).getLocalDateTimeCellValue().toLocalDate())
				.isEqualTo(LocalDate.of(2019, 7, 26));
			Sheet values = workbook.getSheet("可选值");
			List<List<String>> rows = new ArrayList<>();
			values.forEach((row) -> {
				List<String> cells = new ArrayList<>();
				row.forEach((cell) -> cells.add(cell.getStringCellValue()));
				rows.add(cells);
			});
			assertThat(rows.get(0)).containsExactly("列 Column", "代码 Code", "中文", "English");
			assertThat(rows).hasSize(1 + 17 + 3 + 4);
			assertThat(rows).contains(List.of("资产类型", "PV_STATION", "光伏电站", "Photovoltaic station."),
					List.of("资产类别", "ASSIGNED", "确权到户或其他经营主体",
							"Title given to a household or another operating entity, which manages it."),
					List.of("资产状态", "DISPOSED", "已处置",
							"Disposed (scrapped, sold or transferred); it stays in the register."));
		}
	}

}
