package org.fupin.ledger;

import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.WritingIntegrationTest;
import org.fupin.security.DemoTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text a spreadsheet would run as a formula, and codes with leading zeros, registered
 * through the API and exported: string cells in the workbook (read back with POI),
 * neutralised with an apostrophe in CSV.
 */
class LedgerFormulaIT extends WritingIntegrationTest {

	/** Names that start like formulas, by register number (leading zeros on purpose). */
	private static final Map<String, String> NAMES = Map.of("000450102101202-F1",
			"=HYPERLINK(\"http://evil.example\",\"点我\")", "000450102101202-F2", "+SUM(1,2)", "000450102101202-F3",
			"-2+3", "000450102101202-F4", "@SUM(1,2)", "000450102101202-F5", "=1+1");

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private DemoTokens tokens;

	@Test
	void formulaLookingTextIsNeverAFormulaAndLeadingZerosStay() throws Exception {
		NAMES.forEach((registerNo, name) -> this.graphQl.document("""
				mutation register($input: RegisterAssetInput!) { registerAsset(input: $input) { asset { name } } }""")
			.variable("input",
					Map.of("registerNo", registerNo, "name", name, "type", "PV_STATION", "category", "OPERATING",
							"originalValue", "1234.56", "completionDate", "2025-01-01", "placeCode", "450102101202"))
			.execute()
			.path("registerAsset.asset.name")
			.entity(String.class)
			.isEqualTo(name));

		LedgerHttp http = LedgerHttp.auditor(this.port, this.tokens);
		try (XSSFWorkbook workbook = LedgerHttp
			.workbook(http.ok("/ledgers/assets.xlsx?placeCode=450102101202&completionYear=2025"))) {
			Sheet sheet = workbook.getSheet("资产台账");
			int found = 0;
			for (Row row : sheet) {
				String registerNo = row.getCell(0).getStringCellValue();
				if (!NAMES.containsKey(registerNo)) {
					continue;
				}
				found++;
				assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
				assertThat(row.getCell(1).getCellType()).as(registerNo).isEqualTo(CellType.STRING);
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(NAMES.get(registerNo));
				assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(1234.56);
			}
			assertThat(found).isEqualTo(NAMES.size());
			for (Row row : sheet) {
				for (org.apache.poi.ss.usermodel.Cell cell : row) {
					assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
				}
			}
		}

		List<List<String>> rows = LedgerHttp
			.csv(http.ok("/ledgers/assets.csv?placeCode=450102101202&completionYear=2025"));
		Map<String, String> written = new java.util.HashMap<>();
		rows.stream()
			.filter((row) -> NAMES.containsKey(row.get(0)))
			.forEach((row) -> written.put(row.get(0), row.get(1)));
		assertThat(written).isEqualTo(Map.of("000450102101202-F1", "'=HYPERLINK(\"http://evil.example\",\"点我\")",
				"000450102101202-F2", "'+SUM(1,2)", "000450102101202-F3", "'-2+3", "000450102101202-F4", "'@SUM(1,2)",
				"000450102101202-F5", "'=1+1"));
		assertThat(rows.stream().filter((row) -> NAMES.containsKey(row.get(0))).map((row) -> row.get(4)).distinct())
			.containsExactly("1234.56");
	}

}
