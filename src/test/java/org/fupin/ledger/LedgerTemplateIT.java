package org.fupin.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.IntegrationTest;
import org.fupin.ledger.read.LedgerFiles;
import org.fupin.ledger.read.ReadSummary;
import org.fupin.ledger.read.SourceRow;
import org.fupin.ledger.read.Upload;
import org.fupin.money.Money;
import org.fupin.security.DemoTokens;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates over HTTP, as a county clerk (an OFFICER) downloads them: every ledger
 * the platform takes in has one, and the application's own reader takes it back as its
 * example row.
 */
class LedgerTemplateIT extends IntegrationTest {

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private DemoTokens tokens;

	@Autowired
	private LedgerFiles files;

	@TempDir
	Path dir;

	@Test
	void everyLedgerTakenInHasATemplateThatReadsBackAsItsExample() throws Exception {
		LedgerHttp http = LedgerHttp.as(this.port, this.tokens, Role.OFFICER, "450102", null, false);
		for (LedgerForm form : LedgerForm.values()) {
			EntityExchangeResult<byte[]> result = http.get("/ledgers/" + form.slug() + "/template.xlsx");
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_TYPE))
				.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			byte[] body = result.getResponseBodyContent();
			try (XSSFWorkbook workbook = LedgerHttp.workbook(body)) {
				assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo(form.title());
				assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("可选值");
			}
			Path file = Files.write(this.dir.resolve(form.slug() + ".xlsx"), body);
			List<SourceRow> rows = new ArrayList<>();
			ReadSummary summary = this.files.read(new Upload(form.slug() + ".xlsx", file, null), form, 10, rows::add);
			assertThat(summary).isEqualTo(new ReadSummary(1, 1, List.of()));
			assertThat(rows).singleElement().satisfies((row) -> assertThat(row.problems()).isEmpty());
			if (form == LedgerForm.ASSETS) {
				assertThat(rows.get(0).values()).containsEntry("registerNo", "ZC-450102101201-0002")
					.containsEntry("type", "PROCESSING_PLANT")
					.containsEntry("originalValue", Money.ofFen(90397105))
					.hasSize(20);
			}
		}
		assertThat(http.get("/ledgers/assets/template.xlsx").getResponseHeaders().getFirst("Content-Disposition"))
			.isEqualTo("attachment; filename=\"assets-template.xlsx\"; filename*=UTF-8''"
					+ "%E8%B5%84%E4%BA%A7%E5%8F%B0%E8%B4%A6-%E6%A8%A1%E6%9D%BF.xlsx");
		EntityExchangeResult<byte[]> unknown = http.get("/ledgers/wells/template.xlsx");
		assertThat(unknown.getStatus().value()).isEqualTo(404);
		assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readValue(unknown.getResponseBodyContent(),
				Map.class))
			.isEqualTo(Map.of("errors", List.of(Map.of("message",
					"没有这种台账模板 (no ledger wells to import); choose one of " + String.join(", ",
							java.util.Arrays.stream(LedgerForm.values()).map(LedgerForm::slug).toList()) + ".",
					"extensions", Map.of("code", "NOT_FOUND", "field", "ledger")))));
		assertThat(new LedgerHttp(this.port, null).get("/ledgers/assets/template.xlsx").getStatus().value())
			.isEqualTo(401);
	}

}
