package org.fupin.ledger.read;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.ledger.read.TestWorkbooks.DateCell;
import org.fupin.ledger.read.TestWorkbooks.Formula;
import org.fupin.ledger.read.TestWorkbooks.Percent;
import org.fupin.ledger.CsvLedgerWriter;
import org.fupin.ledger.LedgerForm;
import org.fupin.money.Money;
import org.fupin.money.Share;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fupin.ledger.read.TestWorkbooks.row;
import static org.fupin.ledger.read.TestWorkbooks.write;

class LedgerFilesTests {

	static final Charset GB18030 = Charset.forName("GB18030");

	@TempDir
	Path dir;

	private final LedgerFiles files = new LedgerFiles();

	@Test
	void readsTheAssetLedgerAsExported() throws IOException {
		Upload upload = assetsCsv("\uFEFF登记编号,资产名称,资产类型,资产类别,原值(元),建成日期,所在地代码,产权主体代码,产权份额(%)\n"
				+ "ZC-1,光伏电站,PV_STATION,OPERATING,1234.50,2020-06-30,450102001001,A;B,60.00;40.00\n"
				+ "ZC-2,道路,ROAD,PUBLIC_WELFARE,12.345,2020-13-01,450102001001,,\n");
		List<SourceRow> rows = new ArrayList<>();
		ReadSummary summary = this.files.read(upload, LedgerForm.ASSETS.columns(), 10, rows::add);
		assertThat(summary).isEqualTo(new ReadSummary(1, 2, List.of()));
		SourceRow first = rows.get(0);
		assertThat(first.number()).isEqualTo(2);
		assertThat(first.values()).containsEntry("registerNo", "ZC-1")
			.containsEntry("originalValue", Money.ofFen(123450))
			.containsEntry("completionDate", LocalDate.of(2020, 6, 30))
			.containsEntry("ownerIds", List.of("A", "B"))
			.containsEntry("ownerShares", List.of(Share.ofHundredths(6000), Share.ofHundredths(4000)));
		assertThat(first.problems()).isEmpty();
		assertThat(rows.get(1).problems()).extracting(CellProblem::field, CellProblem::code, CellProblem::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("originalValue", "INVALID_AMOUNT", "12.345"),
					org.assertj.core.groups.Tuple.tuple("completionDate", "INVALID_DATE", "2020-13-01"));
		assertThat(rows.get(1).problems().get(0).message()).isEqualTo("金额 12.345 的小数位过多: 以元为单位最多 2 位小数 (精确到分)。"
				+ "The amount 12.345 has too many decimals: at most 2 in 元 (to the fen).");
	}

	@Test
	@Timeout(30)
	void anAmountWithAnExponentBeyondAnyAmountIsACellProblemQuotedAsWritten() throws IOException {
		List<SourceRow> rows = rows(assetsCsv("登记编号,资产名称,资产类型,资产类别,原值(元),建成日期,所在地代码\n"
				+ "ZC-1,光伏电站,PV_STATION,OPERATING,1E999999999,2020-06-30,450102001001\n"
				+ "ZC-2,光伏电站,PV_STATION,OPERATING,1.5E3,2020-06-30,450102001001\n"));
		assertThat(rows.get(0).problems()).singleElement()
			.isEqualTo(new CellProblem("originalValue", "原值(元)", "1E999999999", "INVALID_AMOUNT",
					"金额 1E999999999 超出范围。The amount 1E999999999 must have at most 18 digits before the decimal"
							+ " point, was 1E+999999999."));
		assertThat(rows.get(1).values()).containsEntry("originalValue", Money.ofFen(150000));
	}

	@Test
	void textThatAnExportKeptFromBeingAFormulaReadsBackAsItWas() throws IOException {
		List<String> names = List.of("-号泵站", "=SUM(A1)", "+日常巡查", "@所有人", "'引号开头");
		StringBuilder csv = new StringBuilder("登记编号,资产名称,资产类型,资产类别,原值(元),建成日期,所在地代码\n");
		for (int i = 0; i < names.size(); i++) {
			csv.append("ZC-").append(i).append(',').append(CsvLedgerWriter.neutralised(names.get(i)));
			csv.append(",PV_STATION,OPERATING,1.00,2020-06-30,450102001001\n");
		}
		assertThat(rows(assetsCsv(csv.toString()))).extracting((row) -> row.values().get("name"))
			.containsExactlyElementsOf(names);
	}

	@Test
	void rowsNumberedOrRemarkedBelowTheFilledOnesAreReadPast() throws IOException {
		Upload upload = assetsCsv("序号,登记编号,资产名称,资产类型,资产类别,原值(元),建成日期,所在地代码,备注\n"
				+ "1,ZC-1,光伏电站,PV_STATION,OPERATING,1234.50,2020-06-30,450102001001,\n" + "2,,,,,,,,\n"
				+ "3,,,,,,,,待补\n" + "4,ZC-4,道路,ROAD,PUBLIC_WELFARE,,2020-06-30,450102001001,\n" + "5,,,,,,,,\n");
		List<SourceRow> rows = new ArrayList<>();
		ReadSummary summary = this.files.read(upload, LedgerForm.ASSETS.columns(), 10, rows::add);
		assertThat(summary).isEqualTo(new ReadSummary(1, 2, List.of("序号", "备注")));
		assertThat(rows).extracting(SourceRow::number).containsExactly(2, 5);
		assertThat(rows.get(1).values()).containsEntry("registerNo", "ZC-4").doesNotContainKey("originalValue");
	}

	@Test
	void codesAmountsDatesAndSharesTypedInFullWidthAreReadAsTheirAsciiSelves() throws IOException {
		List<SourceRow> rows = rows(assetsCsv("登记编号,资产名称,资产类型,资产类别,原值(元),建成日期,所在地代码,产权主体代码,产权份额(%)\n"
				+ "ＺＣ－４５０１０２１０１２０１－０００２,光伏电站（一期）,PV_STATION,OPERATING,\"１，２３４．５０\",２０２０年６月３０日,"
				+ "４５０１０２００１００１,Ａ；Ｂ,６０．００％；４０\n"));
		assertThat(rows.get(0).problems()).isEmpty();
		assertThat(rows.get(0).values()).containsEntry("registerNo", "ZC-450102101201-0002")
			.containsEntry("name", "光伏电站（一期）")
			.containsEntry("originalValue", Money.ofFen(123450))
			.containsEntry("completionDate", LocalDate.of(2020, 6, 30))
			.containsEntry("placeCode", "450102001001")
			.containsEntry("ownerIds", List.of("A", "B"))
			.containsEntry("ownerShares", List.of(Share.ofHundredths(6000), Share.ofHundredths(4000)));
	}

	@Test
	void readsCsvInGb18030DetectedOrChosen() throws IOException {
		String text = "登记编号,资产名称,资产类型,资产类别,原值(元),建成日期\r\n"
				+ "ZC-450102101201-0002,竹坝村农产品加工厂,农产品加工厂,经营性资产,903971.05,2019/7/26\r\n";
		Path gbk = this.dir.resolve("gbk.csv");
		Files.write(gbk, text.getBytes(GB18030));
		Path utf8 = this.dir.resolve("utf8.csv");
		Files.write(utf8, text.getBytes(StandardCharsets.UTF_8));
		Map<String, Object> expected = Map.of("registerNo", "ZC-450102101201-0002", "name", "竹坝村农产品加工厂", "type",
				"PROCESSING_PLANT", "category", "OPERATING", "originalValue", Money.ofFen(90397105), "completionDate",
				LocalDate.of(2019, 7, 26));
		assertThat(only(new Upload("gbk.csv", gbk, null)).values()).isEqualTo(expected);
		assertThat(only(new Upload("gbk.csv", gbk, GB18030)).values()).isEqualTo(expected);
		assertThat(only(new Upload("utf8.csv", utf8, null)).values()).isEqualTo(expected);
		assertThat(only(new Upload("utf8.csv", utf8, StandardCharsets.UTF_8)).values()).isEqualTo(expected);
		assertThat(CsvSheet.detect(text.getBytes(GB18030))).isEqualTo(GB18030);
		assertThat(CsvSheet.detect(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void readsExcelsUnicodeTextAndRefusesABrokenCsv() throws IOException {
		Path file = this.dir.resolve("unicode.txt");
		byte[] text = ("登记编号\t资产名称\t资产类型\t资产类别\t原值(元)\t建成日期\r\n" + "ZC-1\t道路\t道路\t公益性资产\t1,234.5\t2020年6月30日\r\n")
			.getBytes(StandardCharsets.UTF_16LE);
		byte[] bom = { (byte) 0xFF, (byte) 0xFE };
		Files.write(file, java.nio.ByteBuffer.allocate(bom.length + text.length).put(bom).put(text).array());
		assertThat(only(new Upload("unicode.txt", file, null)).values())
			.isEqualTo(Map.of("registerNo", "ZC-1", "name", "道路", "type", "ROAD", "category", "PUBLIC_WELFARE",
					"originalValue", Money.ofFen(123450), "completionDate", LocalDate.of(2020, 6, 30)));
		assertRefused(csv("登记编号,资产名称,资产类型,资产类别,原值(元),建成日期\nZC-1,\"道路,ROAD,ASSIGNED,1,2020-1-1\n"), FileProblem.DAMAGED);
	}

	@Test
	void readsXlsxAndXlsCellsByTheirTypes() throws IOException {
		for (Workbook workbook : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
			boolean xlsx = workbook instanceof XSSFWorkbook;
			Sheet sheet = workbook.createSheet("资产台账");
			row(workbook, sheet, 0, "登记编号", "资产名称", "资产类型", "资产类别", "原值（万元）", "建成日期", "所在地代码", "产权主体代码", "产权份额（%）",
					"确权证书号");
			row(workbook, sheet, 1, "ZC-1", "光伏电站", "光伏电站", "OPERATING", 12.3456, LocalDate.of(2020, 6, 30),
					450102101201d, "0012", new Percent(0.6), "QZ-1；QZ-2");
			row(workbook, sheet, 2, "ZC-2", 2024, "ROAD", "公益性资产", 1.0000001,
					new DateCell(LocalDate.of(2019, 7, 26), "yyyy\"年\"m\"月\"d\"日\""), 450102199001011234d, "A;B",
					"60;40", null);
			Path file = write(workbook, this.dir.resolve(xlsx ? "a.xlsx" : "a.xls"));
			List<SourceRow> rows = rows(new Upload(file.getFileName().toString(), file, null));
			assertThat(rows).extracting(SourceRow::number).containsExactly(2, 3);
			assertThat(rows.get(0).values()).isEqualTo(Map.of("registerNo", "ZC-1", "name", "光伏电站", "type",
					"PV_STATION", "category", "OPERATING", "originalValue", Money.ofFen(12345600), "completionDate",
					LocalDate.of(2020, 6, 30), "placeCode", "450102101201", "ownerIds", List.of("0012"), "ownerShares",
					List.of(Share.ofHundredths(6000)), "certificateNos", List.of("QZ-1", "QZ-2")));
			assertThat(rows.get(0).texts()).containsEntry("ownerShares", "60%")
				.containsEntry("completionDate", "2020-06-30");
			assertThat(rows.get(0).problems()).isEmpty();
			assertThat(rows.get(1).values()).isEqualTo(Map.of("registerNo", "ZC-2", "name", "2024", "type", "ROAD",
					"category", "PUBLIC_WELFARE", "completionDate", LocalDate.of(2019, 7, 26), "ownerIds",
					List.of("A", "B"), "ownerShares", List.of(Share.ofHundredths(6000), Share.ofHundredths(4000))));
			assertThat(rows.get(1).problems()).extracting(CellProblem::field, CellProblem::header, CellProblem::code)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("originalValue", "原值（万元）", "INVALID_AMOUNT"),
						org.assertj.core.groups.Tuple.tuple("placeCode", "所在地代码", "CODE_AS_NUMBER"));
		}
	}

	/**
	 * A register number merged down over three rows is held in the first row only: the
	 * file is refused once, naming the range, in either workbook format. Merged title,
	 * total and empty rows are no data and pass.
	 */
	@Test
	void cellsMergedAcrossDataRowsRefuseTheFileWithTheRange() throws IOException {
		for (String name : List.of("merged.xlsx", "merged.xls")) {
			Path file = merged(name, false);
			assertThat(rows(new Upload(name, file, null))).hasSize(3);
			Upload refused = new Upload(name, merged(name, true), null);
			assertThatThrownBy(() -> rows(refused)).isInstanceOfSatisfying(LedgerFileException.class, (ex) -> {
				assertThat(ex.problem()).isEqualTo(FileProblem.MERGED_CELLS);
				assertThat(ex.getMessage()).isEqualTo("数据区有合并单元格: A3:A5, 请取消合并并将值填入每一行后上传。"
						+ "Cells of the data rows are merged: A3:A5; unmerge them, fill the value into every row and"
						+ " upload again.");
			});
		}
	}

	/**
	 * Three assets under a merged title, a merged total row and merged empty rows; the
	 * first register number merged down over all three when {@code registerNoMerged}.
	 */
	private Path merged(String name, boolean registerNoMerged) throws IOException {
		Workbook workbook = name.endsWith(".xls") ? new HSSFWorkbook() : new XSSFWorkbook();
		Sheet sheet = workbook.createSheet("资产台账");
		row(workbook, sheet, 0, "资产台账");
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
		row(workbook, sheet, 1, "登记编号", "资产名称", "资产类型", "资产类别", "原值(元)", "建成日期", "所在地代码");
		for (int i = 2; i <= 4; i++) {
			row(workbook, sheet, i, (i == 2) ? "ZC-1" : "ZC-" + i, "道路" + i, "ROAD", "PUBLIC_WELFARE", "1.00",
					"2020-06-30", "450102001001");
		}
		row(workbook, sheet, 5, "合计", null, null, null, "3.00");
		sheet.addMergedRegion(new CellRangeAddress(5, 5, 0, 3));
		sheet.addMergedRegion(new CellRangeAddress(6, 8, 1, 1));
		if (registerNoMerged) {
			sheet.getRow(3).removeCell(sheet.getRow(3).getCell(0));
			sheet.getRow(4).removeCell(sheet.getRow(4).getCell(0));
			sheet.addMergedRegion(new CellRangeAddress(2, 4, 0, 0));
		}
		return write(workbook, this.dir.resolve(name));
	}

	@Test
	void readsALedgerAsAClerkKeepsIt() throws IOException {
		XSSFWorkbook workbook = new XSSFWorkbook();
		workbook.createSheet("说明");
		Sheet sheet = workbook.createSheet("兴宁区资产台账");
		row(workbook, sheet, 0, "兴宁区扶贫项目资产台账");
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 11));
		row(workbook, sheet, 1, "填报单位: 兴宁区乡村振兴局", null, null, null, null, null, null, null, null, "单位：万元");
		row(workbook, sheet, 2, "序号", "资产\n编号", "资产名称", "资产类型", "资产类别", "资产原值", "竣工日期", "所在村", "产权", null, null, "备 注");
		row(workbook, sheet, 3, null, null, null, null, null, null, null, null, "主体代码", "主体", "份额（%）");
		for (int column : new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 11 }) {
			sheet.addMergedRegion(new CellRangeAddress(2, 3, column, column));
		}
		sheet.addMergedRegion(new CellRangeAddress(2, 2, 8, 10));
		row(workbook, sheet, 4, new Formula("ROW()-4"), "ZC-450102101201-0002", "竹坝村农产品加工厂", "农产品加工厂", "经营性资产",
				90.397105, LocalDate.of(2019, 7, 26), "竹坝村", "N1450102XKLFEJ2XR0", "竹坝村股份经济合作社", 100);
		row(workbook, sheet, 6, 2d, "ZC-450102101201-0003", "竹坝村小学教学楼", "SCHOOL_BUILDING", "公益性资产", "255.296302",
				"2022年6月6日", "竹坝村", "A；B", "甲、乙", "60；40", "旧校舍改建");
		row(workbook, sheet, 7, 3d, "ZC-450102101201-0004", "竹坝村安全饮水工程", "供水工程", "公益性资产", 1.2345678, "2024.1.27", "竹坝村",
				null, null, null);
		row(workbook, sheet, 8, "合  计", null, null, null, null, new Formula("SUM(F5:F8)"));
		row(workbook, sheet, 10, "填表人: 罗荣");
		Path file = write(workbook, this.dir.resolve("兴宁区.xlsx"));
		List<SourceRow> rows = new ArrayList<>();
		ReadSummary summary = this.files.read(new Upload("兴宁区.xlsx", file, null), LedgerForm.ASSETS, 100, rows::add);
		assertThat(summary).isEqualTo(new ReadSummary(4, 3, List.of("序号", "备 注")));
		assertThat(rows).extracting(SourceRow::number).containsExactly(5, 7, 8);
		assertThat(rows.get(0).values())
			.isEqualTo(Map.of("registerNo", "ZC-450102101201-0002", "name", "竹坝村农产品加工厂", "type", "PROCESSING_PLANT",
					"category", "OPERATING", "originalValue", Money.ofFen(90397105), "completionDate",
					LocalDate.of(2019, 7, 26), "placeName", "竹坝村", "ownerIds", List.of("N1450102XKLFEJ2XR0"),
					"ownerNames", List.of("竹坝村股份经济合作社"), "ownerShares", List.of(Share.ofHundredths(10000))));
		assertThat(rows.get(1).values())
			.isEqualTo(Map.of("registerNo", "ZC-450102101201-0003", "name", "竹坝村小学教学楼", "type", "SCHOOL_BUILDING",
					"category", "PUBLIC_WELFARE", "originalValue", Money.ofFen(255296302), "completionDate",
					LocalDate.of(2022, 6, 6), "placeName", "竹坝村", "ownerIds", List.of("A", "B"), "ownerNames",
					List.of("甲", "乙"), "ownerShares", List.of(Share.ofHundredths(6000), Share.ofHundredths(4000))));
		assertThat(rows.get(2).values()).containsEntry("completionDate", LocalDate.of(2024, 1, 27))
			.containsEntry("type", "WATER_SUPPLY")
			.doesNotContainKey("originalValue");
		assertThat(rows.get(2).problems()).singleElement()
			.isEqualTo(new CellProblem("originalValue", "资产原值", "1.2345678", "INVALID_AMOUNT",
					"金额 1.2345678 的小数位过多: 以万元为单位最多 6 位小数 (精确到分)。"
							+ "The amount 1.2345678 has too many decimals: at most 6 in 万元 (to the fen)."));
	}

	@Test
	void readsDatesOfAWorkbookInThe1904DateSystemAsExcelShowsThem() throws IOException {
		LocalDate completion = LocalDate.of(2020, 6, 30);
		for (Workbook workbook : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
			boolean xlsx = workbook instanceof XSSFWorkbook;
			if (workbook instanceof XSSFWorkbook x) {
				CTWorkbook ct = x.getCTWorkbook();
				(ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
			}
			else {
				((DateWindow1904Record) ((HSSFWorkbook) workbook).getInternalWorkbook()
					.findFirstRecordBySid(DateWindow1904Record.sid)).setWindowing((short) 1);
			}
			Sheet sheet = workbook.createSheet("资产台账");
			row(workbook, sheet, 0, "登记编号", "资产名称", "资产类型", "资产类别", "原值(元)", "建成日期");
			row(workbook, sheet, 1, "ZC-1", "道路", "ROAD", "PUBLIC_WELFARE", 1);
			// Days since 1904-01-01, as Excel for Mac wrote them.
			Cell date = sheet.getRow(1).createCell(5);
			date.setCellValue(DateUtil.getExcelDate(completion.atStartOfDay(), true));
			CellStyle style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			date.setCellStyle(style);
			Path file = write(workbook, this.dir.resolve(xlsx ? "mac.xlsx" : "mac.xls"));
			// POI's own workbook model, which reads the whole file, shows the same date.
			try (Workbook read = WorkbookFactory.create(file.toFile())) {
				assertThat(read.getSheetAt(0).getRow(1).getCell(5).getLocalDateTimeCellValue().toLocalDate())
					.isEqualTo(completion);
			}
			SourceRow row = only(new Upload(file.getFileName().toString(), file, null));
			assertThat(row.values()).containsEntry("completionDate", completion);
			assertThat(row.texts()).containsEntry("completionDate", "2020-06-30");
		}
	}

	@Test
	void tellsHowFarThroughTheFileTheReadIsWhileItReads() throws IOException {
		int count = 2000;
		StringBuilder csv = new StringBuilder("登记编号,资产名称,资产类型,资产类别,原值(元),建成日期\n");
		XSSFWorkbook xlsx = new XSSFWorkbook();
		HSSFWorkbook xls = new HSSFWorkbook();
		for (Workbook workbook : List.of(xlsx, xls)) {
			row(workbook, workbook.createSheet(), 0, "登记编号", "资产名称", "资产类型", "资产类别", "原值(元)", "建成日期");
		}
		for (int i = 1; i <= count; i++) {
			csv.append("ZC-").append(i).append(",道路,ROAD,PUBLIC_WELFARE,1.00,2020-06-30\n");
			for (Workbook workbook : List.of(xlsx, xls)) {
				row(workbook, workbook.getSheetAt(0), i, "ZC-" + i, "道路", "ROAD", "PUBLIC_WELFARE", 1, "2020-06-30");
			}
		}
		List<Upload> uploads = List.of(csv(csv.toString()), upload(write(xlsx, this.dir.resolve("p.xlsx"))),
				upload(write(xls, this.dir.resolve("p.xls"))));
		for (Upload upload : uploads) {
			ReadProgress progress = new ReadProgress();
			assertThat(progress.fraction()).isEmpty();
			List<Double> seen = new ArrayList<>();
			this.files.read(upload, LedgerForm.ASSETS, count, progress,
					(row) -> seen.add(progress.fraction().orElseThrow()));
			assertThat(seen).as(upload.fileName()).hasSize(count).isSorted();
			// Rows are handed on a little behind the reader (it looks for the header
			// first,
			// and reads ahead a buffer), never ahead of it.
			assertThat(seen.get(0)).as(upload.fileName()).isGreaterThan(0).isLessThan(0.25);
			assertThat(seen.get(count / 2 - 1)).as(upload.fileName()).isBetween(0.45, 0.75);
			assertThat(progress.fraction()).as(upload.fileName()).hasValue(1.0);
		}
	}

	@Test
	void estimatesTheTimeLeftFromTheShareRead() {
		ReadProgress progress = new ReadProgress();
		assertThat(progress.secondsLeft(Duration.ofSeconds(10))).isNull();
		progress.total(200);
		assertThat(progress.secondsLeft(Duration.ofSeconds(10))).isNull();
		progress.at(50);
		assertThat(progress.fraction()).hasValue(0.25);
		assertThat(progress.secondsLeft(Duration.ofSeconds(10))).isEqualTo(30L);
		progress.at(200);
		assertThat(progress.secondsLeft(Duration.ofSeconds(40))).isZero();
	}

	@Test
	void aFormulaIsACellProblemNeverEvaluated() throws IOException {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Sheet sheet = workbook.createSheet();
		row(workbook, sheet, 0, "登记编号", "资产名称", "资产类型", "资产类别", "原值(元)", "建成日期");
		row(workbook, sheet, 1, "ZC-1", "道路", "ROAD", "PUBLIC_WELFARE", new Formula("100*2"), "2020-06-30");
		workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		Path file = write(workbook, this.dir.resolve("f.xlsx"));
		SourceRow row = rows(new Upload("f.xlsx", file, null)).get(0);
		assertThat(row.values()).doesNotContainKey("originalValue");
		assertThat(row.problems()).singleElement()
			.isEqualTo(new CellProblem("originalValue", "原值(元)", "200", "FORMULA",
					"单元格是公式, 请将公式粘贴为数值 (选择性粘贴 > 数值)。The cell is a formula; paste it as a value (Paste Special > Values)."));
	}

	@Test
	void refusesFilesThatAreNoLedger() throws IOException {
		assertRefused(bytes("a.xlsx", new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0 }),
				FileProblem.NOT_A_WORKBOOK);
		assertRefused(bytes("a.xls",
				"<html><body><table><tr><td>登记编号</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8)),
				FileProblem.NOT_A_WORKBOOK);
		assertRefused(bytes("a.csv", new byte[0]), FileProblem.EMPTY_SHEET);
		assertRefused(bytes("a.csv", "\n\n,,\n".getBytes(StandardCharsets.UTF_8)), FileProblem.EMPTY_SHEET);
		assertRefused(csv("资产名称,说明\n道路,x\n"), FileProblem.NO_HEADER);
		assertRefused(csv("登记编号,资产名称\nZC-1,道路\n"), FileProblem.MISSING_COLUMN, "缺少必填列: 资产类型、资产类别、原值(元)、建成日期, 请按模板补上该列。"
				+ "A required column is missing: 资产类型、资产类别、原值(元)、建成日期; add it as the template has it.");
		assertRefused(csv("登记编号,资产名称,资产类型,资产类别,原值(元),建成日期,面积\nZC-1,道路,ROAD,PUBLIC_WELFARE,1,2020-01-01,3\n"),
				FileProblem.UNKNOWN_COLUMN);
		assertRefused(csv("登记编号,资产编号,资产名称,资产类型,资产类别,原值(元),建成日期\n"), FileProblem.DUPLICATE_COLUMN);
		assertRefused(csv("登记编号,资产名称,资产类型,资产类别,原值(元),建成日期\n"), FileProblem.EMPTY);
		assertRefused(csv("登记编号,资产名称,资产类型,资产类别,原值(元),建成日期\n1,a,ROAD,ASSIGNED,1,2020-1-1\n"
				+ "2,a,ROAD,ASSIGNED,1,2020-1-1\n3,a,ROAD,ASSIGNED,1,2020-1-1\n"), FileProblem.TOO_MANY_ROWS);
		assertRefused(bytes("a.zip", zip()), FileProblem.NOT_A_WORKBOOK);
	}

	private static byte[] zip() throws IOException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
			zip.write("登记编号".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	private Upload bytes(String name, byte[] bytes) throws IOException {
		Path file = this.dir.resolve(name);
		Files.write(file, bytes);
		return new Upload(name, file, null);
	}

	private static Upload upload(Path file) {
		return new Upload(file.getFileName().toString(), file, null);
	}

	private Upload csv(String text) throws IOException {
		return bytes("a.csv", text.getBytes(StandardCharsets.UTF_8));
	}

	void assertRefused(Upload upload, FileProblem problem) {
		assertThatThrownBy(() -> this.files.read(upload, LedgerForm.ASSETS.columns(), 2, (row) -> {
		})).isInstanceOfSatisfying(LedgerFileException.class, (ex) -> assertThat(ex.problem()).isEqualTo(problem));
	}

	void assertRefused(Upload upload, FileProblem problem, String message) {
		assertThatThrownBy(() -> this.files.read(upload, LedgerForm.ASSETS.columns(), 2, (row) -> {
		})).isInstanceOfSatisfying(LedgerFileException.class, (ex) -> {
			assertThat(ex.problem()).isEqualTo(problem);
			assertThat(ex.getMessage()).isEqualTo(message);
		});
	}

	/** {@code text} as the CSV file {@code assets.csv}, in UTF-8. */
	private Upload assetsCsv(String text) throws IOException {
		Path file = this.dir.resolve("assets.csv");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return new Upload("assets.csv", file, null);
	}

	private SourceRow only(Upload upload) {
		List<SourceRow> rows = rows(upload);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).problems()).isEmpty();
		return rows.get(0);
	}

	private List<SourceRow> rows(Upload upload) {
		List<SourceRow> rows = new ArrayList<>();
		this.files.read(upload, LedgerForm.ASSETS.columns(), 100, rows::add);
		return rows;
	}

}
