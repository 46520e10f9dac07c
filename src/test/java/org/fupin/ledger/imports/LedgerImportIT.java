package org.fupin.ledger.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.fupin.WritingIntegrationTest;
import org.fupin.ledger.LedgerHttp;
import org.fupin.ledger.read.ReportWorkbook;
import org.fupin.security.DemoTokens;
import org.fupin.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports of the asset ledger through HTTP and GraphQL, in order on a store of their own:
 * a clean file, the same file again, a corrected one, other owners, an error of every
 * kind, an officer's rows out of scope, a cancel, a commit killed half-way and taken up
 * by the start-up recovery, and the asset export imported back unchanged. Two rows per
 * batch, so that a file of three rows is committed in two batches, with the dashboards'
 * counting planned ahead as in a large commit.
 */
@TestPropertySource(properties = { "app.test.store=imports", "app.ledger.import.batch-size=2",
		"app.ledger.import.plan-counting-from=1" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerImportIT extends WritingIntegrationTest {

	/**
	 * What an import keeps of itself, refused or not, and the county gates whose versions
	 * its commit counts up.
	 */
	static final List<String> IMPORT_RECORDS = List.of("ImportJob", "ImportReportLine", "RegisterGate");

	static final String HEADER = "登记编号,资产名称,资产类型,资产类别,原值(元),建成日期,资产状态,所在地代码,所在地,项目编号,"
			+ "产权主体代码,产权份额(%),确权证书号,管护主体代码,管护责任人编号,管护责任";

	static final String ROW_1 = "ZC-IMP-0001,高堡镇光伏电站,PV_STATION,OPERATING,100000.50,2025-06-30,IN_USE,450102101202,,"
			+ "PRJ-450102-2021-01,N1450102XKLFEJ2XR0;N2450102E5UWQ9GANH,60.00;40.00,证-1;证-2,N1450102XKLFEJ2XR0,P000182,日常巡查";

	static final String ROW_2 = "ZC-IMP-0002,太江村到户果园,ORCHARD,ASSIGNED,8000.00,2024-03-01,,,兴宁区高堡镇太江村,,"
			+ "H45010210120101,100.00,,,,";

	static final String ROW_3 = "ZC-IMP-0003,新洞村道路,ROAD,PUBLIC_WELFARE,250000.00,2023-11-15,,,新洞村,,,,,,,";

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private DemoTokens tokens;

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private LedgerImports imports;

	@Autowired
	private ObjectMapper json;

	private ImportClient client;

	@BeforeEach
	void client() {
		this.client = new ImportClient(this.port, this.json);
	}

	@Test
	@Order(1)
	void aCleanFileIsCheckedThenCommittedWithItsValuesOwnersCustodyEventsAndRollups() {
		long assetsBefore = dashboardAssets("450102");
		EntityExchangeResult<byte[]> answer = upload(admin(), "资产台账.csv", csv(ROW_1, ROW_2, ROW_3), "");
		assertThat(answer.getStatus().value()).isEqualTo(202);
		Map<String, Object> accepted = body(answer);
		String id = (String) accepted.get("id");
		assertThat(answer.getResponseHeaders().getLocation()).hasToString("/ledgers/imports/" + id);
		Map<String, Object> job = await(admin(), id);
		assertThat(job).containsEntry("state", "VALIDATED")
			.containsEntry("rowsRead", 3)
			.containsEntry("rowsValid", 3)
			.containsEntry("rowsInvalid", 0)
			.containsEntry("rowsCreated", 3)
			.containsEntry("rowsWritten", 0)
			.containsEntry("fileName", "资产台账.csv")
			.containsEntry("actor", "importer-admin");
		assertThat(count("MATCH (a:Asset) WHERE a.registerNo STARTS WITH 'ZC-IMP-' RETURN count(a)")).isZero();

		GraphQlTester.Response committed = graphQl(Role.ADMIN, "sub=importer-admin")
			.document("mutation($id: ID!) { commitLedgerImport(id: $id) { id state } }")
			.variable("id", id)
			.execute();
		assertThat(committed.path("commitLedgerImport.state").entity(String.class).get()).isIn("COMMITTING",
				"COMMITTED");
		assertThat(await(admin(), id)).containsEntry("state", "COMMITTED")
			.containsEntry("rowsWritten", 3)
			.containsEntry("rowsCreated", 3);

		assertThat(this.neo4j.query("""
				MATCH (a:Asset) WHERE a.registerNo STARTS WITH 'ZC-IMP-'
				RETURN a.registerNo + ' ' + a.name + ' ' + a.type + ' ' + a.category + ' ' + a.originalValue + ' '
				  + toString(a.completionDate) + ' ' + a.status + ' ' + a.placeCode + ' '
				  + coalesce(head([(p:Project)-[:FORMED]->(a) | p.code]), '-') + ' '
				  + head([(a)-[:LOCATED_IN]->(l) | l.code]) AS line ORDER BY line""").fetchAs(String.class).all())
			.containsExactly(
					"ZC-IMP-0001 高堡镇光伏电站 PV_STATION OPERATING 10000050 2025-06-30 IN_USE 450102101202 PRJ-450102-2021-01 450102101202",
					"ZC-IMP-0002 太江村到户果园 ORCHARD ASSIGNED 800000 2024-03-01 IN_USE 450102101203 - 450102101203",
					"ZC-IMP-0003 新洞村道路 ROAD PUBLIC_WELFARE 25000000 2023-11-15 IN_USE 450102102201 - 450102102201");
		assertThat(this.neo4j
			.query("""
					MATCH (a:Asset)-[o:OWNED_BY]->(p) WHERE a.registerNo STARTS WITH 'ZC-IMP-'
					RETURN a.registerNo + ' ' + coalesce(p.creditCode, p.householdNo) + ' ' + o.share + ' '
					  + toString(o.validFrom) + ' ' + coalesce(o.certificateNo, '-') + ' ' + coalesce(toString(o.validTo), '-')
					  AS line ORDER BY line""")
			.fetchAs(String.class)
			.all()).containsExactly("ZC-IMP-0001 N1450102XKLFEJ2XR0 6000 2025-06-30 证-1 -",
					"ZC-IMP-0001 N2450102E5UWQ9GANH 4000 2025-06-30 证-2 -",
					"ZC-IMP-0002 H45010210120101 10000 2024-03-01 - -");
		assertThat(this.neo4j
			.query("""
					MATCH (a:Asset)-[:HAS_CUSTODY]->(c:Custody)-[:CUSTODIAN]->(o), (c)-[:RESPONSIBLE_PERSON]->(p)
					WHERE a.registerNo STARTS WITH 'ZC-IMP-'
					RETURN c.id + ' ' + o.creditCode + ' ' + p.personId + ' ' + c.duty + ' ' + toString(c.validFrom) AS line""")
			.fetchAs(String.class)
			.all()).containsExactly("CU-ZC-IMP-0001-1 N1450102XKLFEJ2XR0 P000182 日常巡查 2025-06-30");

		List<Map<String, Object>> events = events("ZC-IMP-");
		assertThat(events).hasSize(3);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event).containsEntry("operation", "REGISTER_ASSET").containsEntry("actor", "importer-admin");
			assertThat(after(event)).containsEntry("importId", id);
		});
		assertThat(events.stream().map((event) -> after(event).get("row")).toList()).containsExactly(2, 3, 4);
		Map<String, Object> first = after(events.get(0));
		assertThat(first).containsEntry("registerNo", "ZC-IMP-0001")
			.containsEntry("originalValue", "100000.50")
			.containsEntry("projectCode", "PRJ-450102-2021-01");
		assertThat(first.get("owners")).asList().hasSize(2);
		assertThat(first.get("custody")).isEqualTo(Map.of("id", "CU-ZC-IMP-0001-1", "custodianId", "N1450102XKLFEJ2XR0",
				"responsiblePersonId", "P000182", "duty", "日常巡查", "validFrom", "2025-06-30"));
		// Recounted once per county at the end: three more assets in 兴宁区.
		assertThat(dashboardAssets("450102")).isEqualTo(assetsBefore + 3);
	}

	@Test
	@Order(2)
	void theSameFileAgainChangesNothingAndACorrectedOneUpdatesWithAnEvent() {
		Map<String, Object> before = snapshot();
		String again = id(upload(admin(), "again.csv", csv(ROW_1, ROW_2, ROW_3), ""));
		assertThat(await(admin(), again)).containsEntry("state", "VALIDATED")
			.containsEntry("rowsUnchanged", 3)
			.containsEntry("rowsCreated", 0)
			.containsEntry("rowsUpdated", 0);
		commit(again);
		assertThat(await(admin(), again)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 0);
		assertThat(snapshot()).isEqualTo(before);

		String corrected = ROW_1.replace("高堡镇光伏电站", "高堡镇村级光伏电站")
			.replace("100000.50", "100000.80")
			.replace("P000182,日常巡查", "P000182,日常巡查、清洗组件");
		String id = id(upload(admin(), "corrected.csv", csv(corrected, ROW_2, ROW_3), "true"));
		assertThat(await(admin(), id)).containsEntry("state", "COMMITTED")
			.containsEntry("rowsUpdated", 1)
			.containsEntry("rowsUnchanged", 2)
			.containsEntry("rowsWritten", 1);
		List<Map<String, Object>> events = events("ZC-IMP-0001");
		Map<String, Object> update = events.get(events.size() - 1);
		assertThat(update).containsEntry("operation", "UPDATE_ASSET");
		assertThat(before(update)).isEqualTo(Map.of("name", "高堡镇光伏电站", "originalValue", "100000.50", "custody",
				Map.of("id", "CU-ZC-IMP-0001-1", "custodianId", "N1450102XKLFEJ2XR0", "responsiblePersonId", "P000182",
						"duty", "日常巡查", "validFrom", "2025-06-30")));
		assertThat(after(update)).containsEntry("name", "高堡镇村级光伏电站")
			.containsEntry("originalValue", "100000.80")
			.containsEntry("importId", id)
			.containsEntry("row", 2)
			.containsEntry("custody", Map.of("id", "CU-ZC-IMP-0001-2", "custodianId", "N1450102XKLFEJ2XR0",
					"responsiblePersonId", "P000182", "duty", "日常巡查、清洗组件", "validFrom", "2026-03-31"));
		assertThat(this.neo4j.query("""
				MATCH (a:Asset {registerNo: 'ZC-IMP-0001'})-[:HAS_CUSTODY]->(c)
				RETURN c.id + ' ' + toString(c.validFrom) + ' ' + coalesce(toString(c.validTo), '-') AS line
				ORDER BY line""").fetchAs(String.class).all()).containsExactly("CU-ZC-IMP-0001-1 2025-06-30 2026-03-31",
				"CU-ZC-IMP-0001-2 2026-03-31 -");
		assertThat(count("MATCH (a:Asset {registerNo: 'ZC-IMP-0001'}) RETURN a.originalValue")).isEqualTo(10000080);
	}

	@Test
	@Order(3)
	void otherOwnersPointAtTheOwnershipChangeLedgerAndTheCommitIsRefused() {
		Map<String, Object> before = snapshot();
		String row = ROW_2.replace("H45010210120101,100.00", "H45010210120102,100.00");
		String id = id(upload(admin(), "owners.csv", csv(row), ""));
		assertThat(await(admin(), id)).containsEntry("state", "INVALID").containsEntry("rowsInvalid", 1);
		assertThat(report(id)).containsExactly(List.of(2, "产权主体代码", "H45010210120102", "OWNERS_DIFFER",
				"产权主体或份额与登记不同；产权变更须写明变更日期，请用产权变更台账导入。 The owners or shares differ from the register"
						+ " (H45010210120101 100.00%); an ownership change needs its date: import it with the"
						+ " ownership-change ledger (产权变更台账), then this row again."));
		GraphQlTester.Response refused = graphQl(Role.ADMIN, "sub=importer-admin")
			.document("mutation($id: ID!) { commitLedgerImport(id: $id) { state } }")
			.variable("id", id)
			.execute();
		refused.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "CONFLICT")));
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	@Order(4)
	void aFileWithAnErrorOfEveryKindIsReportedRowByRowAndNothingIsWritten() {
		Map<String, Object> before = snapshot();
		String file = csv(
				// A date that is no date.
				"ZC-IMP-0101,坏日期,ROAD,PUBLIC_WELFARE,1.00,2024-13-01,,450102101201,,,,,,,,",
				// The same register number twice.
				"ZC-IMP-0102,重复甲,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450102101201,,,,,,,,",
				"ZC-IMP-0102,重复乙,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450102101201,,,,,,,,",
				// A village name held by several villages.
				"ZC-IMP-0103,重名村道路,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,,上场村,,,,,,,",
				// A place name nobody has.
				"ZC-IMP-0104,无名村道路,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,,无此村,,,,,,,",
				// Owners and shares that do not pair up.
				"ZC-IMP-0105,份额不齐,ORCHARD,ASSIGNED,1.00,2024-01-01,,450102101201,,,H45010210120101;H45010210120102,100.00,,,,",
				// The register's rules, one each: a category that does not fit the type,
				"ZC-IMP-0106,类别不符,ROAD,OPERATING,1.00,2024-01-01,,450102101201,,,,,,,,",
				// a completion after today,
				"ZC-IMP-0107,未来日期,ROAD,PUBLIC_WELFARE,1.00,2027-01-01,,450102101201,,,,,,,,",
				// a township's code, a code of no place,
				"ZC-IMP-0108,乡镇代码,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450102101,,,,,,,,",
				"ZC-IMP-0109,无此代码,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450102101299,,,,,,,,",
				// a project nobody has, an owner nobody is, shares short of 100,
				"ZC-IMP-0110,无此项目,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450102101201,,PRJ-NONE,,,,,,",
				"ZC-IMP-0111,无此产权主体,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450102101201,,,91450000NONEXIST00,100.00,,,,",
				"ZC-IMP-0112,份额不足,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450102101201,,,N1450102XKLFEJ2XR0,60.00,,,,",
				// a household as custodian, a responsible person nobody is, custody
				// without its duty.
				"ZC-IMP-0113,农户管护,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450102101201,,,,,,H45010210120101,P000182,看护",
				"ZC-IMP-0114,无此责任人,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450102101201,,,,,,N1450102XKLFEJ2XR0,P999999,看护",
				"ZC-IMP-0115,缺管护责任,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450102101201,,,,,,N1450102XKLFEJ2XR0,P000182,");
		String id = id(upload(admin(), "errors.csv", file, ""));
		assertThat(await(admin(), id)).containsEntry("state", "INVALID")
			.containsEntry("rowsRead", 16)
			.containsEntry("rowsInvalid", 15)
			.containsEntry("rowsValid", 1);
		List<List<Object>> report = report(id);
		// The register's rules: where, what code, and the start of the message (the
		// whole of each is RegisterRulesTests').
		assertThat(report.subList(5, report.size()).stream().map((line) -> line.subList(0, 4)).toList())
			.containsExactly(List.of(8, "资产类别", "OPERATING", "INVALID_ARGUMENT"),
					List.of(9, "建成日期", "2027-01-01", "INVALID_ARGUMENT"),
					List.of(10, "所在地代码", "450102101", "INVALID_ARGUMENT"),
					List.of(11, "所在地代码", "450102101299", "NOT_FOUND"), List.of(12, "项目编号", "PRJ-NONE", "NOT_FOUND"),
					List.of(13, "产权主体代码", "91450000NONEXIST00", "NOT_FOUND"),
					List.of(14, "产权主体代码", "N1450102XKLFEJ2XR0", "INVALID_ARGUMENT"),
					List.of(15, "管护主体代码", "H45010210120101", "INVALID_ARGUMENT"),
					List.of(16, "管护责任人编号", "P999999", "NOT_FOUND"),
					java.util.Arrays.asList(17, "管护责任", null, "INVALID_ARGUMENT"));
		assertThat(report.subList(5, report.size()).stream().map((line) -> ((String) line.get(4)).substring(0, 6)))
			.containsExactly("资产类型为R", "建成日期不能", "资产位于行政", "没有区划代码", "没有编号为P", "没有代码为9", "产权主体的份", "H45010", "没有编号为P",
					"管护责任不能");
		assertThat(report.subList(0, 5)).containsExactly(
				List.of(2, "建成日期", "2024-13-01", "INVALID_DATE",
						"“2024-13-01”不是日期, 请填写日期格式的单元格或 2019-07-26、2019/7/26、2019年7月26日。“2024-13-01” is not a date;"
								+ " enter a date cell or text such as 2019-07-26, 2019/7/26 or 2019年7月26日."),
				List.of(4, "登记编号", "ZC-IMP-0102", "DUPLICATE_KEY",
						"登记编号与第 3 行重复；每项资产在一个文件中只能出现一次。 The register number is also on row 3; give each asset once in a file."),
				List.of(5, "所在地", "上场村", "AMBIGUOUS_PLACE",
						"名为“上场村”的地方不止一个（450124101202、451028102203、451425102202）；请写上县、乡名或填写所在地代码。"
								+ " More than one place is named 上场村 (450124101202, 451028102203, 451425102202); put the"
								+ " county and township names in front, or give its code."),
				List.of(6, "所在地", "无此村", "UNKNOWN_PLACE",
						"找不到名为“无此村”的村或县；请填写所在地代码。 No village or county is named 无此村; give its code in 所在地代码 (placeCode)."),
				List.of(7, "产权份额(%)", "100.00", "INVALID_ARGUMENT",
						"产权主体代码、产权份额和确权证书号须逐项对应（用“;”分隔，个数相同）。 Owner ids (2), shares (1) and certificate"
								+ " numbers (0) must match item by item, separated by ';'."));
		GraphQlTester.Response job = this.graphQl.documentName("ledgerImport").variable("id", id).execute();
		assertThat(job.path("ledgerImport.codeCounts").entityList(Map.class).get()).containsExactly(
				Map.of("code", "AMBIGUOUS_PLACE", "count", 1), Map.of("code", "DUPLICATE_KEY", "count", 1),
				Map.of("code", "INVALID_ARGUMENT", "count", 7), Map.of("code", "INVALID_DATE", "count", 1),
				Map.of("code", "NOT_FOUND", "count", 4), Map.of("code", "UNKNOWN_PLACE", "count", 1));
		assertThat(job.path("ledgerImportReport.totalCount").entity(Integer.class).get()).isEqualTo(15);
		// The same report without its total: the same lines, and no count.
		List<Map> lines = job.path("ledgerImportReport.edges[*].node").entityList(Map.class).get();
		this.graphQl.document("""
				query ($id: ID!) { ledgerImportReport(id: $id, first: 50) {
				    edges { node { row header value code message } } } }""")
			.variable("id", id)
			.execute()
			.path("ledgerImportReport.totalCount")
			.pathDoesNotExist()
			.path("ledgerImportReport.edges[*].node")
			.entityList(Map.class)
			.hasSize(15)
			.containsExactly(lines.toArray(Map[]::new));
		// Every job of this store so far, this one among them, counted and listed.
		long jobs = this.neo4j.query("MATCH (j:ImportJob) RETURN count(j)").fetchAs(Long.class).one().orElseThrow();
		this.graphQl.document("{ ledgerImports(first: 100) { totalCount edges { node { id } } } }")
			.execute()
			.path("ledgerImports.totalCount")
			.entity(Long.class)
			.isEqualTo(jobs)
			.path("ledgerImports.edges[*].node.id")
			.entityList(String.class)
			.hasSize((int) jobs)
			.contains(id);
		// The upload handed back with its faults marked: the error column of row 4.
		byte[] marked = this.client.download(admin(), "/ledgers/imports/" + id + "/report.xlsx");
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(marked))) {
			org.apache.poi.ss.usermodel.Row header = workbook.getSheetAt(0).getRow(0);
			int errors = header.getLastCellNum() - 1;
			assertThat(header.getCell(errors).getStringCellValue()).isEqualTo(ReportWorkbook.ERRORS);
			assertThat(workbook.getSheetAt(0).getRow(3).getCell(errors).getStringCellValue()).contains("登记编号与第 3 行重复");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void theReportAsCsvHandsASpreadsheetNoFormulaFromTheUpload() {
		String id = id(upload(admin(), "formula.csv",
				csv("ZC-IMP-0301,公式原值,ROAD,PUBLIC_WELFARE,=1+1,@SUM(1),,450102101201,,,,,,,,"), ""));
		assertThat(await(admin(), id)).containsEntry("state", "INVALID");
		byte[] body = this.client.download(admin(), "/ledgers/imports/" + id + "/report.csv");
		assertThat(LedgerHttp.csv(body)).containsExactly(List.of("行号", "列", "值", "代码", "说明"),
				List.of("2", "原值(元)", "'=1+1", "INVALID_AMOUNT",
						"“=1+1”不是金额, 请填写数字, 如 1234.50。“=1+1” is not an amount; enter a number such as 1234.50."),
				List.of("2", "建成日期", "'@SUM(1)", "INVALID_DATE",
						"“@SUM(1)”不是日期, 请填写日期格式的单元格或 2019-07-26、2019/7/26、2019年7月26日。“@SUM(1)” is not a date;"
								+ " enter a date cell or text such as 2019-07-26, 2019/7/26 or 2019年7月26日."));
		// Kept as written, where no spreadsheet runs it.
		assertThat(report(id)).extracting((line) -> line.get(2)).containsExactly("=1+1", "@SUM(1)");
	}

	@Test
	@Order(5)
	void anOfficersRowsOutsideItsPlaceAreReportedAndItsOwnAreNot() {
		String officer = this.tokens.issue("importer-officer", List.of(Role.OFFICER), "450102", null, false);
		String file = csv("ZC-IMP-0201,兴宁区内道路,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450102101204,,,,,,,,",
				"ZC-IMP-0202,区外道路,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450124101202,,,,,,,,",
				// By name, a village of that name is found only within the officer's
				// place.
				"ZC-IMP-0203,花溪村道路,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,,花溪村,,,,,,,");
		String id = id(upload(officer, "officer.csv", file, ""));
		Map<String, Object> job = await(officer, id);
		assertThat(job).containsEntry("state", "INVALID").containsEntry("rowsInvalid", 1).containsEntry("rowsValid", 2);
		List<List<Object>> report = report(id);
		assertThat(report).hasSize(1);
		assertThat(report.get(0)).startsWith(3, "所在地代码", "450124101202", "FORBIDDEN");
		assertThat((String) report.get(0).get(4))
			.startsWith("你无权修改位于450124101202的资产：你的地区范围是450102。 You may not change assets at 450124101202");
		// Another officer does not see the job.
		String other = this.tokens.issue("importer-other", List.of(Role.OFFICER), "52", null, false);
		assertThat(http(other).get()
			.uri("/ledgers/imports/" + id)
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.value()).isEqualTo(404);
	}

	@Test
	@Order(6)
	void anImportIsCancelledBeforeCommitAndThenCannotBeCommitted() {
		String id = id(upload(admin(), "cancel.csv",
				csv("ZC-IMP-0301,取消的道路,ROAD,PUBLIC_WELFARE,1.00,2024-01-01,,450102101201,,,,,,,,"), ""));
		assertThat(await(admin(), id)).containsEntry("state", "VALIDATED");
		GraphQlTester.Response cancelled = graphQl(Role.ADMIN, "sub=importer-admin")
			.document("mutation($id: ID!) { cancelLedgerImport(id: $id) { state } }")
			.variable("id", id)
			.execute();
		assertThat(cancelled.path("cancelLedgerImport.state").entity(String.class).get()).isEqualTo("CANCELLED");
		graphQl(Role.ADMIN, "sub=importer-admin")
			.document("mutation($id: ID!) { commitLedgerImport(id: $id) { state } }")
			.variable("id", id)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "CONFLICT")));
		assertThat(count("MATCH (a:Asset {registerNo: 'ZC-IMP-0301'}) RETURN count(a)")).isZero();
	}

	@Test
	@Order(7)
	void aCommitKilledHalfWayHoldsItsCountyAndTheStartUpRecoveryWritesTheRest() {
		String file = csv(IntStream.rangeClosed(1, 5)
			.mapToObj((i) -> "ZC-IMP-040" + i + ",中断" + i + ",ROAD,PUBLIC_WELFARE," + i
					+ ".00,2024-01-01,,450102101201,,,,,,,,")
			.toArray(String[]::new));
		String id = id(upload(admin(), "killed.csv", file, ""));
		assertThat(await(admin(), id)).containsEntry("state", "VALIDATED");
		// Batches of two rows: the first is written, the second dies in its transaction.
		this.imports.killAfterRows = 3;
		try {
			commit(id);
			assertThat(awaitState(admin(), id, "COMMITTING")).containsEntry("state", "COMMITTING");
			waitForWorker();
		}
		finally {
			this.imports.killAfterRows = -1;
		}
		assertThat(count("MATCH (a:Asset) WHERE a.registerNo STARTS WITH 'ZC-IMP-04' RETURN count(a)")).isEqualTo(2);
		assertThat(body(http(admin()).get().uri("/ledgers/imports/" + id).exchange().expectBody().returnResult()))
			.containsEntry("state", "COMMITTING")
			.containsEntry("rowsWritten", 2);
		// Until the rest is written, the county's register takes no other change.
		GraphQlTester.Response held = graphQl(Role.ADMIN, "sub=clerk").document("""
				mutation { changeAssetStatus(input: {registerNo: "ZC-IMP-0001", status: IDLE, since: "2026-01-05"}) {
				  asset { registerNo } } }""").execute();
		held.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "CONFLICT");
			assertThat(error.getMessage()).startsWith("县级代码 450102 的台账正在导入（导入编号 " + id + "）");
		}));
		this.imports.recover();
		assertThat(await(admin(), id)).containsEntry("state", "COMMITTED")
			.containsEntry("rowsWritten", 5)
			.containsEntry("rowsCreated", 5);
		assertThat(count("MATCH (a:Asset) WHERE a.registerNo STARTS WITH 'ZC-IMP-04' RETURN sum(a.originalValue)"))
			.isEqualTo(1500);
		assertThat(events("ZC-IMP-04")).extracting((event) -> after(event).get("row"))
			.containsExactlyInAnyOrder(2, 3, 4, 5, 6);
		assertThat(count("MATCH (g:RegisterGate) WHERE g.importId IS NOT NULL RETURN count(g)")).isZero();
	}

	@Test
	@Order(7)
	void aRegisterChangedSinceTheDryRunIsCheckedAgainBeforeAnythingIsWritten() {
		String row = "ZC-IMP-0501,复核甲,ROAD,PUBLIC_WELFARE,5.00,2024-01-01,,450102101201,,,H45010210120101,100.00,,,,";
		String id = id(upload(admin(), "changed.csv", csv(row, row.replace("0501,复核甲", "0502,复核乙")), ""));
		assertThat(await(admin(), id)).containsEntry("state", "VALIDATED");
		// A clerk registers one of the file's assets meanwhile, with another owner.
		graphQl(Role.ADMIN, "sub=clerk").document("""
				mutation { registerAsset(input: {registerNo: "ZC-IMP-0502", name: "复核乙", type: ROAD,
				  category: PUBLIC_WELFARE, originalValue: "5.00", completionDate: "2024-01-01",
				  placeCode: "450102101201", owners: [{ownerId: "H45010210120102", share: "100"}]}) {
				  asset { registerNo } } }""").execute().errors().verify();
		Map<String, Object> before = snapshot();
		commit(id);
		assertThat(awaitState(admin(), id, "INVALID")).containsEntry("rowsWritten", 0).containsEntry("rowsInvalid", 1);
		assertThat(report(id)).extracting((line) -> line.subList(0, 4))
			.containsExactly(List.of(3, "产权主体代码", "H45010210120101", "OWNERS_DIFFER"));
		assertThat(snapshot()).isEqualTo(before);
		assertThat(count("MATCH (g:RegisterGate) WHERE g.importId IS NOT NULL RETURN count(g)")).isZero();
	}

	@Test
	@Order(8)
	void theAssetExportOfAVillageImportedBackChangesNothing() {
		Map<String, Object> before = snapshot();
		byte[] exported = this.client.download(admin(), "/ledgers/assets.csv?placeCode=450102101201");
		String id = id(upload(admin(), "export.csv", new String(exported, StandardCharsets.UTF_8), ""));
		Map<String, Object> job = await(admin(), id);
		assertThat(report(id)).isEmpty();
		assertThat(job).containsEntry("state", "VALIDATED")
			.containsEntry("rowsCreated", 0)
			.containsEntry("rowsUpdated", 0)
			.containsEntry("rowsUnchanged", job.get("rowsRead"));
		assertThat((Integer) job.get("rowsRead")).isGreaterThanOrEqualTo(4);
		commit(id);
		assertThat(await(admin(), id)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 0);
		assertThat(snapshot()).isEqualTo(before);
	}

	private String admin() {
		return this.tokens.issue("importer-admin", List.of(Role.ADMIN), null, null, false);
	}

	private HttpGraphQlTester graphQl(Role role, String... claims) {
		return as(role, claims);
	}

	private void commit(String id) {
		this.client.commit(graphQl(Role.ADMIN, "sub=importer-admin"), id);
	}

	private List<List<Object>> report(String id) {
		return this.client.report(this.graphQl, id);
	}

	private EntityExchangeResult<byte[]> upload(String token, String name, String content, String commit) {
		return this.client.upload(token, "assets", name, content.getBytes(StandardCharsets.UTF_8), "text/csv", commit);
	}

	private String id(EntityExchangeResult<byte[]> answer) {
		return this.client.id(answer);
	}

	private Map<String, Object> await(String token, String id) {
		return this.client.await(token, id);
	}

	private Map<String, Object> awaitState(String token, String id, String state) {
		return this.client.awaitState(token, id, state);
	}

	/** Waits until the import worker has run everything asked of it so far. */
	private void waitForWorker() {
		this.imports.drain();
	}

	private Map<String, Object> body(EntityExchangeResult<byte[]> answer) {
		return this.client.body(answer);
	}

	private WebTestClient http(String token) {
		return this.client.http(token);
	}

	private long dashboardAssets(String place) {
		return this.graphQl.document("query($p: ID!) { dashboard(placeCode: $p) { assetCount } }")
			.variable("p", place)
			.execute()
			.path("dashboard.assetCount")
			.entity(Long.class)
			.get();
	}

	private List<Map<String, Object>> events(String prefix) {
		return this.neo4j.query("""
				MATCH (e:ChangeEvent)-[:CHANGED]->(a:Asset) WHERE a.registerNo STARTS WITH $prefix
				RETURN e {.operation, .actor, .before, .after} AS event ORDER BY e.at, a.registerNo""")
			.bind(prefix)
			.to("prefix")
			.fetchAs(Map.class)
			.mappedBy((types, record) -> record.get("event").asMap())
			.all()
			.stream()
			.map((event) -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> typed = (Map<String, Object>) event;
				return typed;
			})
			.toList();
	}

	private Map<String, Object> after(Map<String, Object> event) {
		return parse((String) event.get("after"));
	}

	private Map<String, Object> before(Map<String, Object> event) {
		return parse((String) event.get("before"));
	}

	private Map<String, Object> parse(String text) {
		return this.client.parse(text);
	}

	private long count(String cypher) {
		return this.neo4j.query(cypher).fetchAs(Long.class).one().orElse(0L);
	}

	/** Everything but the import jobs and their reports. */
	private Map<String, Object> snapshot() {
		return graphSnapshot(IMPORT_RECORDS);
	}

	static String csv(String... rows) {
		return HEADER + "\n" + String.join("\n", rows) + "\n";
	}

}
