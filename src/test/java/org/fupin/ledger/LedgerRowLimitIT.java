package org.fupin.ledger;

import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.IntegrationTest;
import org.fupin.security.DemoTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code app.ledger.export.max-rows} bounds a ledger and each sheet of an asset's working
 * paper alike, here at 21 rows: 竹坝村农产品加工厂's income with its uses and beneficiaries is 21
 * rows and its 合计 row, one more than the bound.
 */
@TestPropertySource(properties = { "app.test.store=ledger-row-limit", "app.ledger.export.max-rows=21" })
class LedgerRowLimitIT extends IntegrationTest {

	/** 竹坝村农产品加工厂: three years of income to households. */
	private static final String PLANT = "ZC-450102101201-0002";

	/** 竹坝村到户果园(第4户): one owner, one fund, no income. */
	private static final String ORCHARD = "ZC-450102101201-0001";

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private DemoTokens tokens;

	private LedgerHttp auditor() {
		return LedgerHttp.auditor(this.port, this.tokens);
	}

	@Test
	void aLedgerLongerThanTheBoundIsRefusedAndAShorterOneServed() {
		assertRefused(auditor().get("/ledgers/assets.csv?placeCode=450102"), "filter",
				"导出行数超过上限 (the filter selects 34 rows, more than app.ledger.export.max-rows 21);"
						+ " narrow it, e.g. by placeCode.");
		assertThat(LedgerHttp.csv(auditor().ok("/ledgers/assets.csv?placeCode=450102101201"))).hasSize(1 + 4);
	}

	@Test
	void aWorkingPaperWithASheetLongerThanTheBoundIsRefusedAsALedgerIs() throws Exception {
		assertRefused(auditor().get("/assets/" + PLANT + "/provenance.xlsx"), "registerNo",
				"底稿行数超过上限 (the working paper of " + PLANT + " would hold 22 rows in its sheet 收益分配,"
						+ " its 合计 row included, more than app.ledger.export.max-rows 21);"
						+ " read that list through the API instead (Asset.incomes).");

		try (XSSFWorkbook workbook = LedgerHttp.workbook(auditor().ok("/assets/" + ORCHARD + "/provenance.xlsx"))) {
			assertThat(LedgerHttp.shown(workbook.getSheet("概况")).get(1).get(0)).isEqualTo(ORCHARD);
			assertThat(LedgerHttp.shown(workbook.getSheet("收益分配"))).hasSize(1 + 1);
		}
	}

	/**
	 * Refused before any byte of the file, with the status and body of a refused ledger:
	 * 400, {@code INVALID_ARGUMENT}, the message Chinese first.
	 */
	private static void assertRefused(EntityExchangeResult<byte[]> result, String field, String message) {
		assertThat(result.getStatus().value()).isEqualTo(400);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isNull();
		Map<String, Object> error = LedgerHttp.error(result);
		assertThat(error).containsEntry("message", message);
		@SuppressWarnings("unchecked")
		Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
		assertThat(extensions).containsEntry("code", "INVALID_ARGUMENT").containsEntry("field", field);
	}

}
