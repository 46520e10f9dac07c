package org.fupin.ledger.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.fupin.ledger.LedgerForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fupin.ledger.read.TestWorkbooks.row;
import static org.fupin.ledger.read.TestWorkbooks.write;

/**
 * Files a clerk should not send, or an attacker might: each is refused with its own code
 * before any row is handed on, and none is held whole in memory.
 */
class BadFilesTests {

	private static final String HEADER = "登记编号,资产名称,资产类型,资产类别,原值(元),建成日期";

	@TempDir
	Path dir;

	private final LedgerFiles files = new LedgerFiles();

	@Test
	void anEncryptedXlsxIsPasswordProtected() throws Exception {
		byte[] plain = bytes(ledger(new XSSFWorkbook()));
		EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
		Encryptor encryptor = info.getEncryptor();
		encryptor.confirmPassword("秘密");
		Path file = this.dir.resolve("locked.xlsx");
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			try (OutputStream out = encryptor.getDataStream(fs)) {
				out.write(plain);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				fs.writeFilesystem(out);
			}
		}
		assertRefused(file, FileProblem.PASSWORD_PROTECTED);
	}

	@Test
	void anEncryptedXlsIsPasswordProtected() throws Exception {
		Path file = this.dir.resolve("locked.xls");
		Biff8EncryptionKey.setCurrentUserPassword("秘密");
		try {
			write(ledger(new HSSFWorkbook()), file);
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}
		assertRefused(file, FileProblem.PASSWORD_PROTECTED);
	}

	@Test
	void macrosAreRefused() throws Exception {
		XSSFWorkbook xlsm = new XSSFWorkbook(XSSFWorkbookType.XLSM);
		assertRefused(write(ledger(xlsm), this.dir.resolve("macros.xlsm")), FileProblem.MACRO_ENABLED);
		// The same content named .xlsx is refused all the same: the content decides.
		XSSFWorkbook renamed = new XSSFWorkbook(XSSFWorkbookType.XLSM);
		assertRefused(write(ledger(renamed), this.dir.resolve("macros.xlsx")), FileProblem.MACRO_ENABLED);
		Path xls = this.dir.resolve("macros.xls");
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			fs.createDocument(new java.io.ByteArrayInputStream(bytes(ledger(new HSSFWorkbook()))), "Workbook");
			fs.getRoot()
				.createDirectory("_VBA_PROJECT_CUR")
				.createDocument("VBA",
						new java.io.ByteArrayInputStream("Attribute VB_Name".getBytes(StandardCharsets.US_ASCII)));
			try (OutputStream out = Files.newOutputStream(xls)) {
				fs.writeFilesystem(out);
			}
		}
		assertRefused(xls, FileProblem.MACRO_ENABLED);
	}

	@Test
	void aZipBombIsRefused() throws Exception {
		// A real workbook whose sheet is followed by 200 MB of spaces: some hundred
		// kilobytes compressed.
		byte[] workbook = bytes(ledger(new XSSFWorkbook()));
		Path file = this.dir.resolve("bomb.xlsx");
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(workbook));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				byte[] content = in.readAllBytes();
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					int data = xml.indexOf("<sheetData>") + "<sheetData>".length();
					out.write(xml.substring(0, data).getBytes(StandardCharsets.UTF_8));
					byte[] spaces = new byte[1 << 20];
					java.util.Arrays.fill(spaces, (byte) ' ');
					for (int i = 0; i < 200; i++) {
						out.write(spaces);
					}
					out.write(xml.substring(data).getBytes(StandardCharsets.UTF_8));
				}
				else {
					out.write(content);
				}
				out.closeEntry();
			}
		}
		assertThat(Files.size(file)).isLessThan(1_000_000);
		assertRefused(file, FileProblem.ZIP_BOMB);
	}

	@Test
	void aFiftyMegabyteCellIsRefused() throws Exception {
		Path file = this.dir.resolve("big.csv");
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
			out.write((HEADER + "\nZC-1,\"").getBytes(StandardCharsets.UTF_8));
			byte[] block = "道路,\"\"很长\"\"\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
			for (long written = 0; written < 50L * 1024 * 1024; written += block.length) {
				out.write(block);
			}
			out.write("\",ROAD,ASSIGNED,1,2020-01-01\n".getBytes(StandardCharsets.UTF_8));
		}
		assertRefused(file, FileProblem.CELL_TOO_LONG, "单元格文字过长: 第 2 行附近 (near line 2), 请删减该单元格后上传。"
				+ "A cell holds more text than a cell may: 第 2 行附近 (near line 2); shorten it and upload again.");
	}

	@Test
	void aCellLongerThanTheBoundIsRefusedInEveryFormat() throws Exception {
		LedgerFiles small = new LedgerFiles(new LedgerReadProperties(100, 1000, 10_000));
		String name = "长".repeat(101);
		for (Workbook workbook : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
			Sheet sheet = workbook.createSheet();
			row(workbook, sheet, 0, "登记编号", "资产名称", "资产类型", "资产类别", "原值(元)", "建成日期");
			row(workbook, sheet, 1, "ZC-1", name, "ROAD", "ASSIGNED", 1d, "2020-01-01");
			Path file = write(workbook, this.dir.resolve((workbook instanceof XSSFWorkbook) ? "a.xlsx" : "a.xls"));
			assertThatThrownBy(() -> small.read(new Upload("a", file, null), LedgerForm.ASSETS.columns(), 10, (r) -> {
			})).isInstanceOfSatisfying(LedgerFileException.class,
					(ex) -> assertThat(ex.problem()).isEqualTo(FileProblem.CELL_TOO_LONG));
		}
		Path csv = this.dir.resolve("a.csv");
		Files.writeString(csv, HEADER + "\nZC-1," + name + ",ROAD,ASSIGNED,1,2020-01-01\n");
		assertThatThrownBy(() -> small.read(new Upload("a", csv, null), LedgerForm.ASSETS.columns(), 10, (r) -> {
		})).isInstanceOfSatisfying(LedgerFileException.class,
				(ex) -> assertThat(ex.problem()).isEqualTo(FileProblem.CELL_TOO_LONG));
	}

	@Test
	void anEmptySheetIsRefused() throws Exception {
		XSSFWorkbook workbook = new XSSFWorkbook();
		workbook.createSheet("资产台账");
		assertRefused(write(workbook, this.dir.resolve("empty.xlsx")), FileProblem.EMPTY_SHEET);
		HSSFWorkbook xls = new HSSFWorkbook();
		xls.createSheet("资产台账");
		assertRefused(write(xls, this.dir.resolve("empty.xls")), FileProblem.EMPTY_SHEET);
	}

	@Test
	void whatTheRowsTakerThrowsComesThroughUnchanged() throws Exception {
		for (Workbook workbook : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
			Path file = write(ledger(workbook),
					this.dir.resolve((workbook instanceof XSSFWorkbook) ? "a.xlsx" : "a.xls"));
			IllegalStateException stop = new IllegalStateException("cancelled");
			List<SourceRow> seen = new ArrayList<>();
			assertThatThrownBy(
					() -> this.files.read(new Upload("a", file, null), LedgerForm.ASSETS.columns(), 10, (r) -> {
						seen.add(r);
						throw stop;
					}))
				.isSameAs(stop);
			assertThat(seen).hasSize(1);
		}
	}

	private static Workbook ledger(Workbook workbook) {
		Sheet sheet = workbook.createSheet("资产台账");
		row(workbook, sheet, 0, "登记编号", "资产名称", "资产类型", "资产类别", "原值(元)", "建成日期");
		row(workbook, sheet, 1, "ZC-1", "道路", "ROAD", "ASSIGNED", 1d, "2020-01-01");
		return workbook;
	}

	private static byte[] bytes(Workbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		workbook.close();
		return out.toByteArray();
	}

	private void assertRefused(Path file, FileProblem problem) {
		assertThatThrownBy(() -> this.files.read(new Upload(file.getFileName().toString(), file, null),
				LedgerForm.ASSETS.columns(), 10, (r) -> {
				}))
			.isInstanceOfSatisfying(LedgerFileException.class, (ex) -> assertThat(ex.problem()).isEqualTo(problem));
	}

	private void assertRefused(Path file, FileProblem problem, String message) {
		assertThatThrownBy(() -> this.files.read(new Upload(file.getFileName().toString(), file, null),
				LedgerForm.ASSETS.columns(), 10, (r) -> {
				}))
			.isInstanceOfSatisfying(LedgerFileException.class, (ex) -> {
				assertThat(ex.problem()).isEqualTo(problem);
				assertThat(ex.getMessage()).isEqualTo(message);
			});
	}

}
