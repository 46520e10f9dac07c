package org.fupin.ledger;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.IntegrationTest;
import org.fupin.security.DemoTokens;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledgers on the untouched seed ({@code seed/illustrative}, "today" 2026-03-31): each
 * downloaded as a client would, read back with POI or Commons CSV, and compared value by
 * value with the seed and with what the GraphQL list answers for the same filter.
 */
class LedgerExportIT extends IntegrationTest {

	/** 云台村扶贫车间: shared 60/40 since 2022-12-25, no custody. */
	private static final String WORKSHOP = "ZC-450103101204-0003";

	/** 竹坝村农产品加工厂: the collective's, with three years of income to households. */
	private static final String PLANT = "ZC-450102101201-0002";

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private DemoTokens tokens;

	@Autowired
	private LedgerExports exports;

	@Autowired
	private LedgerProperties ledgerProperties;

	private LedgerHttp http(Role role, String place, String program, boolean personalData) {
		return LedgerHttp.as(this.port, this.tokens, role, place, program, personalData);
	}

	private LedgerHttp auditor() {
		return http(Role.AUDITOR, null, null, false);
	}

	@Test
	void theAssetLedgerAsAWorkbookHoldsEveryColumnTheImportNeedsWithTypedCells() {
		EntityExchangeResult<byte[]> result = auditor().get("/ledgers/assets.xlsx?placeCode=450103101204");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseHeaders().getContentType())
			.hasToString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		String disposition = result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(disposition)
			.startsWith("attachment; filename=\"assets-450103101204-20260331.xlsx\"; filename*=UTF-8''");
		assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
			.isEqualTo("资产台账-450103101204-20260331.xlsx");
		try (XSSFWorkbook workbook = LedgerHttp.workbook(result.getResponseBodyContent())) {
			Sheet sheet = workbook.getSheet("资产台账");
			List<List<String>> rows = LedgerHttp.shown(sheet);
			assertThat(rows.get(0))
				.containsExactlyElementsOf(Ledger.ASSETS.columns().stream().map(LedgerColumn::header).toList());
			List<String> registerNos = rows.subList(1, rows.size()).stream().map((row) -> row.get(0)).toList();
			assertThat(registerNos).containsExactlyElementsOf(listedRegisterNos("450103101204"));
			List<String> workshop = rows.get(1 + registerNos.indexOf(WORKSHOP));
			assertThat(workshop).containsExactly(WORKSHOP, "云台村扶贫车间", "WORKSHOP", "OPERATING", "1048919.37",
					"2020-05-11", "IN_USE", "450103101204", "云台村", "PRJ-450103-2020-02", "2020年青秀区产业扶贫项目",
					"N14501036W17HC8JG8;N24501039FN66FMT8M", "云台村股份经济合作社;长江村水果种植专业合作社", "60.00;40.00",
					"QZ-450103-2022-00028;QZ-450103-2022-00029", "", "", "", "", "");
			Row row = sheet.getRow(1 + registerNos.indexOf(WORKSHOP));
			// Codes are text cells, money a number with two decimals, dates real dates.
			assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("@");
			assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(1048919.37);
			assertThat(row.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00");
			assertThat(row.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2020, 5, 11));
			// No custody: the custody columns are empty.
			assertThat(row.getLastCellNum()).isEqualTo((short) 15);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private List<String> listedRegisterNos(String placeCode) {
		return this.graphQl
			.document("{ assets(filter: {placeCode: \"" + placeCode + "\"}, first: 100) {"
					+ " edges { node { registerNo placeCode } } } }")
			.execute()
			.path("assets.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.map((a) -> a.get("placeCode") + " " + a.get("registerNo"))
			.sorted()
			.map((key) -> key.substring(key.indexOf(' ') + 1))
			.toList();
	}

	@Test
	void theAssetLedgerAsCsvIsUtf8WithAByteOrderMarkAndExactMoney() {
		byte[] body = auditor().ok("/ledgers/assets.csv?placeCode=450103101204");
		List<List<String>> rows = LedgerHttp.csv(body);
		assertThat(rows.get(0))
			.containsExactlyElementsOf(Ledger.ASSETS.columns().stream().map(LedgerColumn::header).toList());
		List<String> workshop = rows.stream().filter((row) -> row.get(0).equals(WORKSHOP)).findFirst().orElseThrow();
		assertThat(workshop).containsExactly(WORKSHOP, "云台村扶贫车间", "WORKSHOP", "OPERATING", "1048919.37", "2020-05-11",
				"IN_USE", "450103101204", "云台村", "PRJ-450103-2020-02", "2020年青秀区产业扶贫项目",
				"N14501036W17HC8JG8;N24501039FN66FMT8M", "云台村股份经济合作社;长江村水果种植专业合作社", "60.00;40.00",
				"QZ-450103-2022-00028;QZ-450103-2022-00029", "", "", "", "", "");
		// The same filter as a GraphQL variables object gives the same file.
		String variables = URLEncoder.encode("{\"filter\":{\"placeCode\":\"450103101204\"}}", StandardCharsets.UTF_8);
		assertThat(auditor().ok("/ledgers/assets?format=csv&variables=" + variables)).isEqualTo(body);
	}

	@Test
	void theFilterMeansWhatTheListsFilterMeans() {
		List<List<String>> rows = LedgerHttp.csv(auditor()
			.ok("/ledgers/assets.csv?placeCode=450102&category=OPERATING" + "&minValue=100000&completionYear=2019"));
		List<String> expected = this.graphQl.document("""
				{ assets(filter: {placeCode: "450102", category: OPERATING, minValue: "100000",
				  completionYear: 2019}, first: 100) { edges { node { registerNo } } } }""")
			.execute()
			.path("assets.edges[*].node.registerNo")
			.entityList(String.class)
			.get();
		assertThat(expected).isNotEmpty();
		assertThat(rows.subList(1, rows.size()).stream().map((row) -> row.get(0)).sorted().toList())
			.containsExactlyElementsOf(expected);
	}

	@Test
	void custodyColumnsCarryTheCurrentCustodian() {
		List<List<String>> rows = LedgerHttp.csv(auditor().ok("/ledgers/assets.csv?placeCode=450102101201"));
		List<String> plant = rows.stream().filter((row) -> row.get(0).equals(PLANT)).findFirst().orElseThrow();
		assertThat(plant).containsExactly(PLANT, "竹坝村农产品加工厂", "PROCESSING_PLANT", "OPERATING", "903971.05",
				"2019-07-26", "IN_USE", "450102101201", "竹坝村", "PRJ-450102-2019-01", "2019年兴宁区产业扶贫项目",
				"N1450102XKLFEJ2XR0", "竹坝村股份经济合作社", "100.00", "QZ-450102-2019-00007", "N1450102XKLFEJ2XR0",
				"竹坝村股份经济合作社", "P000182", "罗荣", "日常巡查、设施设备维护");
		// An asset assigned to a household names no one: a household's name is personal
		// data.
		List<String> orchard = rows.stream()
			.filter((row) -> row.get(0).equals("ZC-450102101201-0001"))
			.findFirst()
			.orElseThrow();
		assertThat(orchard.subList(11, 15)).containsExactly("H45010210120104", "", "100.00", "QZ-450102-2018-00001");
	}

	@Test
	void auditFindingsAreWordedAsTheApiWordsThem() {
		List<List<String>> rows = LedgerHttp.csv(auditor().ok("/ledgers/audit-findings.csv?placeCode=45"));
		assertThat(rows.get(0)).containsExactly("登记编号", "资产名称", "所在地代码", "规则", "严重程度", "说明");
		List<Map> listed = this.graphQl.document("""
				{ auditFindings(filter: {placeCode: "45"}, first: 100) { totalCount
				    edges { node { registerNo rule severity message placeCode asset { name } } } } }""")
			.execute()
			.path("auditFindings.totalCount")
			.entity(Integer.class)
			.satisfies((total) -> assertThat(rows).hasSize(1 + total))
			.path("auditFindings.edges[*].node")
			.entityList(Map.class)
			.get();
		assertThat(listed).isNotEmpty();
		List<List<String>> expected = new ArrayList<>();
		for (Map<?, ?> f : listed) {
			expected.add(List.of((String) f.get("registerNo"), (String) ((Map<?, ?>) f.get("asset")).get("name"),
					(String) f.get("placeCode"), (String) f.get("rule"), (String) f.get("severity"),
					(String) f.get("message")));
		}
		assertThat(rows.subList(1, 1 + expected.size())).containsExactlyElementsOf(expected);
	}

	@Test
	void pairingsOrganisationsAndChangesFollowTheirLists() {
		List<List<String>> pairings = LedgerHttp.csv(auditor().ok("/ledgers/pairings.csv?recipientId=45"));
		List<String> listed = this.graphQl
			.document("{ pairings(filter: {recipientId: \"45\"}, first: 100) { totalCount edges { node { id } } } }")
			.execute()
			.path("pairings.totalCount")
			.entity(Integer.class)
			.satisfies((total) -> assertThat(pairings).hasSize(1 + total))
			.path("pairings.edges[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(listed).contains("EW-44-45");
		assertThat(pairings.subList(1, 1 + listed.size()).stream().map((row) -> row.get(0)).toList())
			.containsExactlyElementsOf(listed);
		List<String> ew = pairings.stream().filter((row) -> row.get(0).equals("EW-44-45")).findFirst().orElseThrow();
		assertThat(ew.subList(0, 7)).containsExactly("EW-44-45", "EAST_WEST", "PROVINCE_PAIR", "44", "广东省", "45",
				"广西壮族自治区");

		List<List<String>> organisations = LedgerHttp.csv(auditor().ok("/ledgers/organisations.csv?placeCode=450102"));
		assertThat(organisations).hasSize(1 + 12);
		assertThat(organisations.stream().filter((row) -> row.get(0).equals("11450102X24ELF5XK4")).findFirst())
			.hasValueSatisfying(
					(row) -> assertThat(row.subList(0, 2)).containsExactly("11450102X24ELF5XK4", "兴宁区乡村振兴局"));

		List<List<String>> changes = LedgerHttp.csv(auditor().ok("/ledgers/changes.csv"));
		assertThat(changes.get(0)).containsExactly("变更编号", "时间", "操作人", "操作", "对象类型", "对象编号", "变更前", "变更后");
		Integer total = this.graphQl.document("{ changes { totalCount } }")
			.execute()
			.path("changes.totalCount")
			.entity(Integer.class)
			.get();
		assertThat(changes).hasSize(1 + total);
	}

	@Test
	void householdsAreMaskedWithoutTheGrantAndLoggedWithIt() {
		List<List<String>> masked = LedgerHttp.csv(auditor().ok("/ledgers/households.csv?placeCode=450102101201"));
		assertThat(masked.get(0)).containsExactly("户编号", "户主姓名", "身份证号", "家庭人口", "脱贫户", "所在村代码", "所在村");
		assertThat(masked.get(1)).containsExactly("H45010210120101", "罗**", "4501**********0011", "4", "否",
				"450102101201", "竹坝村");
		Integer households = this.graphQl
			.document("{ households(filter: {placeCode: \"450102101201\"}) { totalCount } }")
			.execute()
			.path("households.totalCount")
			.entity(Integer.class)
			.get();
		assertThat(masked).hasSize(1 + households);

		LedgerHttp granted = new LedgerHttp(this.port,
				this.tokens.issue("auditor.ledger", List.of(Role.AUDITOR), null, null, true));
		List<List<String>> shown = LedgerHttp.csv(granted.ok("/ledgers/households.csv?placeCode=450102101201"));
		assertThat(shown.get(1).subList(0, 3)).containsExactly("H45010210120101", "罗芳德", "450102000000000011");
		List<String> numbers = shown.subList(1, shown.size()).stream().map((row) -> row.get(0)).toList();
		as(Role.AUDITOR).document("""
				{ personalDataReads(filter: {actor: "auditor.ledger"}) {
				    totalCount edges { node { operation householdNos } } } }""")
			.execute()
			.path("personalDataReads.totalCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("personalDataReads.edges[0].node.operation")
			.entity(String.class)
			.isEqualTo("GET /ledgers/households.csv")
			.path("personalDataReads.edges[0].node.householdNos")
			.entityList(String.class)
			.containsExactly(numbers.toArray(String[]::new));

		// Searching by personal data needs the grant, as in the API.
		EntityExchangeResult<byte[]> refused = auditor().get("/ledgers/households.csv?idNumber=450102000000000011");
		assertThat(refused.getStatus().value()).isEqualTo(403);
		assertThat(LedgerHttp.error(refused).get("extensions"))
			.isEqualTo(Map.of("code", "FORBIDDEN", "field", "filter.idNumber"));
	}

	@Test
	void anOfficersLedgerHoldsOnlyTheirPlaceAndACoordinatorsOnlyTheirProgram() {
		LedgerHttp officer = http(Role.OFFICER, "450102", null, false);
		List<List<String>> rows = LedgerHttp.csv(officer.ok("/ledgers/assets.csv"));
		assertThat(rows).hasSize(1 + 34);
		assertThat(rows.subList(1, rows.size())).allSatisfy((row) -> assertThat(row.get(7)).startsWith("450102"));
		EntityExchangeResult<byte[]> outside = officer.get("/ledgers/assets.xlsx?placeCode=52");
		assertThat(outside.getStatus().value()).isEqualTo(403);
		Map<String, Object> error = LedgerHttp.error(outside);
		assertThat(error.get("extensions")).isEqualTo(Map.of("code", "FORBIDDEN", "field", "filter.placeCode"));
		assertThat((String) error.get("message")).startsWith("无权导出 (filter.placeCode 52 lies outside your place scope");
		List<List<String>> households = LedgerHttp.csv(officer.ok("/ledgers/households.csv"));
		assertThat(households).hasSize(1 + 28);

		LedgerHttp coordinator = http(Role.COORDINATOR, null, "EAST_WEST", false);
		List<List<String>> pairings = LedgerHttp.csv(coordinator.ok("/ledgers/pairings.csv"));
		assertThat(pairings.size()).isGreaterThan(1);
		assertThat(pairings.subList(1, pairings.size()))
			.allSatisfy((row) -> assertThat(row.get(1)).isEqualTo("EAST_WEST"));
		EntityExchangeResult<byte[]> other = coordinator.get("/ledgers/pairings.csv?programs=EAST_WEST,DESIGNATED");
		assertThat(other.getStatus().value()).isEqualTo(403);
		assertThat(coordinator.get("/ledgers/assets.csv").getStatus().value()).isEqualTo(403);
	}

	@Test
	void badRequestsAreRefusedWithACodeBeforeAnythingIsWritten() {
		LedgerHttp auditor = auditor();
		assertRefused(auditor.get("/ledgers/assets.csv?placeCode=4501X"), 400, "INVALID_CODE", "filter.placeCode");
		assertRefused(auditor.get("/ledgers/assets.csv?minValue=12.345"), 400, "INVALID_ARGUMENT", "filter.minValue");
		assertRefused(auditor.get("/ledgers/assets.csv?colour=red"), 400, "INVALID_ARGUMENT", "filter.colour");
		assertRefused(auditor.get("/ledgers/assets.csv?category=SHINY"), 400, "INVALID_ARGUMENT", "filter.category");
		assertRefused(auditor.get("/ledgers/assets.csv?variables=%7B%22filter%22%3A%7B%22status%22%3A%22GONE%22%7D%7D"),
				400, "INVALID_ARGUMENT", "filter.status");
		assertRefused(auditor.get("/ledgers/assets.csv?completionYear=soon"), 400, "INVALID_ARGUMENT",
				"filter.completionYear");
		assertRefused(auditor.get("/ledgers/assets.csv?variables=%7Bnot-json"), 400, "INVALID_ARGUMENT", "variables");
		assertRefused(auditor.get("/ledgers/treasure.csv"), 404, "NOT_FOUND", "ledger");
		assertRefused(new LedgerHttp(this.port, null).get("/ledgers/assets.csv"), 401, "UNAUTHENTICATED", null);
		assertRefused(new LedgerHttp(this.port, null).get("/assets/" + PLANT + "/provenance.xlsx"), 401,
				"UNAUTHENTICATED", null);
	}

	private static void assertRefused(EntityExchangeResult<byte[]> result, int status, String code, String field) {
		assertThat(result.getStatus().value()).isEqualTo(status);
		Map<String, Object> error = LedgerHttp.error(result);
		@SuppressWarnings("unchecked")
		Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
		assertThat(extensions).containsEntry("code", code);
		assertThat(extensions.get("field")).isEqualTo(field);
		String message = (String) error.get("message");
		assertThat(Character.UnicodeScript.of(message.codePointAt(0))).as(message)
			.isEqualTo(Character.UnicodeScript.HAN);
	}

	@Test
	void theProvenanceWorkingPaperHasASheetForEachLinkWithTotals() throws Exception {
		Map<?, ?> provenance = this.graphQl.document("""
				{ provenance(registerNo: "%s") { fundingTotal incomeTotal distributedTotal beneficiaryCount
				    beneficiaryTotal } }""".formatted(PLANT)).execute().path("provenance").entity(Map.class).get();
		EntityExchangeResult<byte[]> result = auditor().get("/assets/" + PLANT + "/provenance.xlsx");
		assertThat(result.getStatus().value()).isEqualTo(200);
		try (XSSFWorkbook workbook = LedgerHttp.workbook(result.getResponseBodyContent())) {
			List<String> sheets = new ArrayList<>();
			workbook.forEach((sheet) -> sheets.add(sheet.getSheetName()));
			assertThat(sheets).containsExactly("概况", "资金来源", "项目", "产权沿革", "收益分配");

			List<List<String>> summary = LedgerHttp.shown(workbook.getSheet("概况"));
			assertThat(summary.get(0))
				.containsExactlyElementsOf(ProvenancePaper.SUMMARY.stream().map(LedgerColumn::header).toList());
			assertThat(summary.get(1)).containsExactly(PLANT, "竹坝村农产品加工厂", "PROCESSING_PLANT", "OPERATING", "903971.05",
					"2019-07-26", "IN_USE", "450102101201", "PRJ-450102-2019-01",
					(String) provenance.get("fundingTotal"), "180777.00", "180777.00",
					String.valueOf(provenance.get("beneficiaryCount")), (String) provenance.get("beneficiaryTotal"),
					"2026-03-31", "test-auditor");
			assertThat(provenance.get("incomeTotal")).isEqualTo("180777.00");

			List<List<String>> funds = LedgerHttp.shown(workbook.getSheet("资金来源"));
			assertThat(funds.get(1)).containsExactly("F-450102-2019-CL", "2019年中央财政专项扶贫资金(兴宁区)", "CENTRAL_LINKAGE",
					"2019", "", "PRJ-450102-2019-01", "1613231.00");
			assertThat(funds.get(funds.size() - 1)).containsExactly("合计", "", "", "", "", "",
					(String) provenance.get("fundingTotal"));

			assertThat(LedgerHttp.shown(workbook.getSheet("项目")).get(1)).containsExactly("PRJ-450102-2019-01",
					"2019年兴宁区产业扶贫项目", "2019", "450102", "兴宁区");
			assertThat(LedgerHttp.shown(workbook.getSheet("产权沿革")).subList(1, 2)).containsExactly(List
				.of("N1450102XKLFEJ2XR0", "竹坝村股份经济合作社", "100.00", "2019-07-26", "", "QZ-450102-2019-00007", "", "是"));

			List<List<String>> income = LedgerHttp.shown(workbook.getSheet("收益分配"));
			assertThat(income.get(1)).containsExactly("2022", "INC-ZC-450102101201-0002-2022", "72300.00",
					"MAINTENANCE", "5061.00", "", "", "");
			assertThat(income.get(2)).containsExactly("2022", "INC-ZC-450102101201-0002-2022", "", "HOUSEHOLD_DIVIDEND",
					"31812.00", "H45010210120101", "罗**", "7953.00");
			assertThat(income.get(income.size() - 1)).containsExactly("", "合计", "180777.00", "", "180777.00", "", "",
					(String) provenance.get("beneficiaryTotal"));
		}

		assertRefused(http(Role.OFFICER, "52", null, false).get("/assets/" + PLANT + "/provenance.xlsx"), 403,
				"FORBIDDEN", "registerNo");
		assertRefused(auditor().get("/assets/ZC-NOWHERE/provenance.xlsx"), 404, "NOT_FOUND", "registerNo");

		// Working papers share the export slots with the ledgers: with every slot taken,
		// one is refused as busy.
		CountDownLatch taken = new CountDownLatch(this.ledgerProperties.concurrency());
		CountDownLatch done = new CountDownLatch(1);
		List<CompletableFuture<Void>> holders = new ArrayList<>();
		for (int slot = 0; slot < this.ledgerProperties.concurrency(); slot++) {
			holders.add(CompletableFuture.runAsync(() -> {
				try {
					this.exports.inSlot(() -> {
						taken.countDown();
						try {
							done.await(60, TimeUnit.SECONDS);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					});
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}));
		}
		try {
			assertThat(taken.await(60, TimeUnit.SECONDS)).isTrue();
			EntityExchangeResult<byte[]> busy = auditor().get("/assets/" + PLANT + "/provenance.xlsx");
			assertRefused(busy, 503, "BUSY", null);
		}
		finally {
			done.countDown();
		}
		CompletableFuture.allOf(holders.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
	}

}
