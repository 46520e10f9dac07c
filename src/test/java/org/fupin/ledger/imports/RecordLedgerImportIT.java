package org.fupin.ledger.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.BlockedTransactions;
import org.fupin.WritingIntegrationTest;
import org.fupin.dashboard.RawCounts;
import org.fupin.ledger.LedgerColumn;
import org.fupin.ledger.LedgerForm;
import org.fupin.security.DemoTokens;
import org.fupin.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledgers of projects, organisations and households imported through HTTP and
 * GraphQL: each template read back, a clean file of each (exact values and change events
 * afterwards), the same file again and a corrected one, a file with one error of every
 * rule (the exact report, the store unchanged), an officer's rows in and out of its
 * place, and a household's personal data masked in the report, the marked workbook and
 * the events. Subjects are new records of 那坡县 (451026), which no other writing test
 * touches.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordLedgerImportIT extends WritingIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private DemoTokens tokens;

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private DatabaseManagementService dbms;

	private ImportClient client;

	@BeforeEach
	void client() {
		this.client = new ImportClient(this.port, this.json);
	}

	@Test
	@Order(1)
	void eachTemplateReadsBackAsItsExampleRowThatPassesTheRules() {
		Map<LedgerForm, String> expected = Map.of(LedgerForm.PROJECTS, "rowsCreated", LedgerForm.ORGANISATIONS,
				"rowsUnchanged", LedgerForm.HOUSEHOLDS, "rowsUnchanged");
		for (LedgerForm form : List.of(LedgerForm.PROJECTS, LedgerForm.ORGANISATIONS, LedgerForm.HOUSEHOLDS)) {
			byte[] template = this.client.download(admin(), "/ledgers/" + form.slug() + "/template.xlsx");
			String id = upload(admin(), form, form.title() + ".xlsx", template);
			Map<String, Object> job = await(admin(), id);
			assertThat(report(id)).as(form.slug()).isEmpty();
			assertThat(job).as(form.slug())
				.containsEntry("state", "VALIDATED")
				.containsEntry("form", form.name())
				.containsEntry("rowsRead", 1)
				.containsEntry("rowsValid", 1)
				.containsEntry(expected.get(form), 1);
		}
	}

	// 项目台账

	static final String PROJECTS_CLEAN = String.join("\n",
			"PRJ-451026-2025-91,2025年那坡县梅岭村产业路项目,2025,451026,,,F-451026-2024-CL,,,,,380000.00",
			"PRJ-451026-2025-91,2025年那坡县梅岭村产业路项目,2025,451026,,,F-451026-2025-IMP1,2025年那坡县本级衔接资金,COUNTY,2025,451026,120000.50",
			"PRJ-451026-2025-92,2025年那坡县长岭村车间项目,2025,,那坡县,EV-91451031CFCCJ0BWT4-451026101202,F-451026-2025-IMP1,,,,,50000.00");

	@Test
	@Order(2)
	void aCleanProjectLedgerCreatesProjectsFundSourcesAndAmountsWithEvents() {
		String id = upload(admin(), LedgerForm.PROJECTS, "项目台账.csv", csv(LedgerForm.PROJECTS, PROJECTS_CLEAN));
		assertThat(await(admin(), id)).containsEntry("state", "VALIDATED")
			.containsEntry("rowsRead", 3)
			.containsEntry("rowsCreated", 3)
			.containsEntry("rowsWritten", 0);
		assertThat(count("MATCH (p:Project) WHERE p.code STARTS WITH 'PRJ-451026-2025-9' RETURN count(p)")).isZero();
		commit(id);
		assertThat(await(admin(), id)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 3);

		assertThat(strings("""
				MATCH (p:Project) WHERE p.code STARTS WITH 'PRJ-451026-2025-9'
				RETURN p.code + '|' + p.name + '|' + p.year + '|' + p.illustrative + '|'
				  + head([(p)-[:LOCATED_IN]->(c:County) | c.code]) + '|'
				  + coalesce(head([(p)-[:THROUGH]->(x:Pairing) | x.id]), '-') AS line ORDER BY line"""))
			.containsExactly("PRJ-451026-2025-91|2025年那坡县梅岭村产业路项目|2025|false|451026|-",
					"PRJ-451026-2025-92|2025年那坡县长岭村车间项目|2025|false|451026|EV-91451031CFCCJ0BWT4-451026101202");
		assertThat(strings("""
				MATCH (f:FundSource {code: 'F-451026-2025-IMP1'})
				RETURN f.code + '|' + f.name + '|' + f.kind + '|' + f.year + '|' + f.illustrative + '|'
				  + head([(f)-[:PROVIDED_BY]->(p) | p.code])"""))
			.containsExactly("F-451026-2025-IMP1|2025年那坡县本级衔接资金|COUNTY|2025|false|451026");
		assertThat(funding()).containsExactly("F-451026-2024-CL|PRJ-451026-2025-91|38000000",
				"F-451026-2025-IMP1|PRJ-451026-2025-91|12000050", "F-451026-2025-IMP1|PRJ-451026-2025-92|5000000");

		List<Map<String, Object>> events = events("Project", "code", id);
		assertThat(events).extracting((e) -> e.get("operation") + "|" + e.get("actor") + "|" + e.get("subjectId"))
			.containsExactly("RECORD_PROJECT_FUNDING|entities-admin|PRJ-451026-2025-91",
					"RECORD_PROJECT_FUNDING|entities-admin|PRJ-451026-2025-91",
					"RECORD_PROJECT_FUNDING|entities-admin|PRJ-451026-2025-92");
		assertThat(events.get(0).get("before")).isNull();
		assertThat(events.get(0).get("after"))
			.isEqualTo(Map.of("fundCode", "F-451026-2024-CL", "name", "2025年那坡县梅岭村产业路项目", "year", 2025, "countyCode",
					"451026", "amount", "380000.00", "importId", id, "row", 2));
		assertThat(events.get(1).get("after")).isEqualTo(Map.of(
				"fundCode", "F-451026-2025-IMP1", "fundSource", Map.of("code", "F-451026-2025-IMP1", "name",
						"2025年那坡县本级衔接资金", "kind", "COUNTY", "year", 2025, "providerCode", "451026"),
				"amount", "120000.50", "importId", id, "row", 3));
	}

	@Test
	@Order(3)
	void theSameProjectLedgerAgainChangesNothingAndACorrectedOneUpdatesWithEvents() {
		Map<String, Object> before = snapshot();
		String again = upload(admin(), LedgerForm.PROJECTS, "项目台账.csv", csv(LedgerForm.PROJECTS, PROJECTS_CLEAN));
		assertThat(await(admin(), again)).containsEntry("state", "VALIDATED")
			.containsEntry("rowsUnchanged", 3)
			.containsEntry("rowsCreated", 0)
			.containsEntry("rowsUpdated", 0);
		commit(again);
		assertThat(await(admin(), again)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 0);
		assertThat(snapshot()).isEqualTo(before);

		String corrected = upload(admin(), LedgerForm.PROJECTS, "项目台账-更正.csv", csv(LedgerForm.PROJECTS,
				PROJECTS_CLEAN.replace("380000.00", "390000.00").replace("长岭村车间项目", "长岭村就业帮扶车间项目")));
		assertThat(await(admin(), corrected)).containsEntry("state", "VALIDATED")
			.containsEntry("rowsUpdated", 2)
			.containsEntry("rowsUnchanged", 1);
		commit(corrected);
		assertThat(await(admin(), corrected)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 2);
		assertThat(funding()).containsExactly("F-451026-2024-CL|PRJ-451026-2025-91|39000000",
				"F-451026-2025-IMP1|PRJ-451026-2025-91|12000050", "F-451026-2025-IMP1|PRJ-451026-2025-92|5000000");
		assertThat(strings("MATCH (p:Project {code: 'PRJ-451026-2025-92'}) RETURN p.name"))
			.containsExactly("2025年那坡县长岭村就业帮扶车间项目");
		List<Map<String, Object>> events = events("Project", "code", corrected);
		assertThat(events).extracting((e) -> e.get("operation") + "|" + e.get("subjectId"))
			.containsExactly("UPDATE_PROJECT|PRJ-451026-2025-91", "UPDATE_PROJECT|PRJ-451026-2025-92");
		assertThat(events.get(0).get("before")).isEqualTo(Map.of("amount", "380000.00"));
		assertThat(events.get(0).get("after"))
			.isEqualTo(Map.of("fundCode", "F-451026-2024-CL", "amount", "390000.00", "importId", corrected, "row", 2));
		assertThat(events.get(1).get("before")).isEqualTo(Map.of("name", "2025年那坡县长岭村车间项目"));
		assertThat(events.get(1).get("after")).isEqualTo(Map.of("fundCode", "F-451026-2025-IMP1", "name",
				"2025年那坡县长岭村就业帮扶车间项目", "importId", corrected, "row", 4));
	}

	@Test
	@Order(4)
	void aProjectLedgerWithAnErrorOfEveryRuleIsReportedAndWritesNothing() {
		Map<String, Object> before = snapshot();
		String id = upload(admin(), LedgerForm.PROJECTS, "项目台账-错误.csv",
				csv(LedgerForm.PROJECTS, ",无编号项目,2025,451026,,,F-451026-2024-CL,,,,,1.00",
						"PRJ-ERR-03,,2025,451026,,,F-451026-2024-CL,,,,,1.00",
						"PRJ-ERR-04,年度错项目,2012,451026,,,F-451026-2024-CL,,,,,1.00",
						"PRJ-ERR-05,县代码错项目,2025,4510,,,F-451026-2024-CL,,,,,1.00",
						"PRJ-ERR-06,无此县项目,2025,451099,,,F-451026-2024-CL,,,,,1.00",
						"PRJ-ERR-07,无此结对项目,2025,451026,,EV-NONE,F-451026-2024-CL,,,,,1.00",
						"PRJ-ERR-08,新资金缺项,2025,451026,,,F-NEW-08,新资金,,,,1.00",
						"PRJ-ERR-09,资金年度错,2025,451026,,,F-NEW-09,新资金,COUNTY,2031,,1.00",
						"PRJ-ERR-10,无此提供方,2025,451026,,,F-NEW-10,新资金,COUNTY,2025,451099,1.00",
						"PRJ-ERR-11,缺金额,2025,451026,,,F-451026-2024-CL,,,,,",
						"PRJ-ERR-12,金额错,2025,451026,,,F-451026-2024-CL,,,,,abc",
						"PRJ-ERR-13,无此县名,2025,,无此县,,F-451026-2024-CL,,,,,1.00",
						"PRJ-ERR-14,冲突项目,2025,451026,,,F-451026-2024-CL,,,,,1.00",
						"PRJ-ERR-14,冲突项目改名,2025,451026,,,F-451026-2021-CL,,,,,1.00",
						"PRJ-ERR-14,冲突项目,2025,451026,,,F-451026-2024-CL,,,,,2.00"));
		assertThat(await(admin(), id)).containsEntry("state", "INVALID")
			.containsEntry("rowsRead", 15)
			.containsEntry("rowsInvalid", 14)
			.containsEntry("rowsValid", 1);
		List<List<Object>> report = report(id);
		assertThat(report).extracting(RecordLedgerImportIT::shortLine)
			.containsExactly("2|项目编号||INVALID_ARGUMENT", "3|项目名称||INVALID_ARGUMENT", "4|项目年度|2012|INVALID_ARGUMENT",
					"5|所在县代码|4510|INVALID_CODE", "6|所在县代码|451099|NOT_FOUND", "7|结对编号|EV-NONE|NOT_FOUND",
					"8|资金来源编号|F-NEW-08|NOT_FOUND", "9|资金年度|2031|INVALID_ARGUMENT", "10|资金提供方代码|451099|NOT_FOUND",
					"11|投入金额(元)||INVALID_ARGUMENT", "12|投入金额(元)|abc|INVALID_AMOUNT", "13|所在县|无此县|UNKNOWN_PLACE",
					"15|项目名称|冲突项目改名|CONFLICT", "16|资金来源编号|F-451026-2024-CL|DUPLICATE_KEY");
		assertThat(report.get(12).get(4)).isEqualTo("项目名称与第 14 行（同一项目编号）不同：“冲突项目”；一个项目的各行须填写相同的项目信息。"
				+ " The project's name differs from row 14 of the same project (冲突项目); every row of a project repeats its columns.");
		assertThat(report.get(13).get(4)).isEqualTo("项目编号、资金来源编号与第 14 行重复；每一项资金投入在一个文件中只能出现一次。"
				+ " The code and fundCode are also on row 14; give each project's fund source once in a file.");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	@Order(4)
	void aProjectHasAtMostAHundredFundSources() {
		Map<String, Object> before = snapshot();
		List<String> rows = new ArrayList<>();
		// Nine projects at the limit, then one that reaches it in the file's first batch
		// of
		// 1,000 rows (app.ledger.import.batch-size) and passes it in the second.
		for (int project = 2; project <= 10; project++) {
			for (int i = 1; i <= 100; i++) {
				rows.add("PRJ-CAP-%02d,那坡县多资金项目%d,2025,451026,,,F-CAP-%02d-%03d,资金%d,COUNTY,2025,,1.00"
					.formatted(project, project, project, i, i));
			}
		}
		for (int i = 1; i <= 101; i++) {
			rows.add("PRJ-CAP-01,那坡县多资金项目,2025,451026,,,F-CAP-%03d,资金%d,COUNTY,2025,,1.00".formatted(i, i));
		}
		// A fund source the project has already: no more than before.
		rows.add("PRJ-CAP-01,那坡县多资金项目,2025,451026,,,F-CAP-001,,,,,1.00");
		String id = upload(admin(), LedgerForm.PROJECTS, "项目台账-资金来源.csv",
				csv(LedgerForm.PROJECTS, rows.toArray(String[]::new)));
		assertThat(await(admin(), id)).containsEntry("state", "INVALID")
			.containsEntry("rowsRead", 1002)
			.containsEntry("rowsInvalid", 2)
			.containsEntry("rowsValid", 1000);
		List<List<Object>> report = report(id);
		assertThat(report).extracting(RecordLedgerImportIT::shortLine)
			.containsExactly("1002|资金来源编号|F-CAP-101|INVALID_ARGUMENT", "1003|资金来源编号|F-CAP-001|DUPLICATE_KEY");
		assertThat(report.get(0).get(4))
			.isEqualTo("项目PRJ-CAP-01在登记簿和本文件前面各行中已有100个资金来源，一个项目最多100个；本行的资金来源F-CAP-101会再多一个。"
					+ " Project PRJ-CAP-01 has 100 fund sources in the register and the rows above, the most a project"
					+ " may have (100); this row's fund source F-CAP-101 would be one more.");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	@Order(4)
	void aProjectAnotherFileCreatesMeanwhileIsReadAsStoredNotCreatedTwice() throws Exception {
		String code = "PRJ-451026-2025-81";
		String id = upload(admin(), LedgerForm.PROJECTS, "项目台账-水池.csv",
				csv(LedgerForm.PROJECTS, code + ",2025年那坡县弄文村水池项目,2025,451026,,,F-451026-2024-CL,,,,,10000.00"));
		assertThat(await(admin(), id)).containsEntry("state", "VALIDATED").containsEntry("rowsCreated", 1);

		// Another file's commit creates the same project and has not committed yet.
		Map<String, Object> job = BlockedTransactions
			.runBehindLock(this.dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME), (other) -> {
				other.execute("""
						MATCH (c:County {code: '451026'})
						MERGE (p:Project {code: $code})
						SET p.name = '2025年那坡县另一份台账的项目', p.year = 2025, p.illustrative = false
						MERGE (p)-[:LOCATED_IN]->(c)""", Map.of("code", code));
			}, 1, () -> {
				commit(id);
				return await(admin(), id);
			});

		assertThat(job).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 1);
		assertThat(count("MATCH (p:Project {code: '%s'}) RETURN count(p)".formatted(code))).isOne();
		assertThat(strings("MATCH (p:Project {code: '%s'}) RETURN p.name".formatted(code)))
			.containsExactly("2025年那坡县弄文村水池项目");
		// The change it made to the other file's project is recorded as a change.
		List<Map<String, Object>> events = events("Project", "code", id);
		assertThat(events).extracting((e) -> e.get("operation") + "|" + e.get("subjectId"))
			.containsExactly("RECORD_PROJECT_FUNDING|" + code);
		assertThat(events.get(0).get("before")).isEqualTo(Map.of("name", "2025年那坡县另一份台账的项目"));
	}

	// 组织台账

	static final String ORGANISATIONS_CLEAN = String.join("\n",
			"91451026MA5ENT001L,那坡县梅岭农产品有限公司,ENTERPRISE,PRIVATE,,岩坡村",
			"93451026MA5CPR002W,那坡县红湾种养专业合作社,COOPERATIVE,,451026101203,红湾村",
			"52451026MA5XHY003Q,那坡县乡村振兴促进会,SOCIAL_ORGANISATION,,,那坡县");

	@Test
	@Order(5)
	void aCleanOrganisationLedgerRegistersThenTheSameChangesNothingAndACorrectedOneUpdates() {
		String id = upload(admin(), LedgerForm.ORGANISATIONS, "组织台账.csv",
				csv(LedgerForm.ORGANISATIONS, ORGANISATIONS_CLEAN));
		assertThat(await(admin(), id)).containsEntry("state", "VALIDATED").containsEntry("rowsCreated", 3);
		commit(id);
		assertThat(await(admin(), id)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 3);
		assertThat(organisations()).containsExactly(
				"52451026MA5XHY003Q|那坡县乡村振兴促进会|SOCIAL_ORGANISATION|-|false|[451026]|Organisation,SocialOrganisation",
				"91451026MA5ENT001L|那坡县梅岭农产品有限公司|ENTERPRISE|PRIVATE|false|[451026102204]|Enterprise,Organisation",
				"93451026MA5CPR002W|那坡县红湾种养专业合作社|COOPERATIVE|-|false|[451026101203]|Cooperative,Organisation");
		List<Map<String, Object>> created = events("Organisation", "creditCode", id);
		assertThat(created).extracting((e) -> e.get("operation") + "|" + e.get("subjectId"))
			.containsExactly("REGISTER_ORGANISATION|91451026MA5ENT001L", "REGISTER_ORGANISATION|93451026MA5CPR002W",
					"REGISTER_ORGANISATION|52451026MA5XHY003Q");
		Map<String, Object> first = new HashMap<>();
		first.put("creditCode", "91451026MA5ENT001L");
		first.put("name", "那坡县梅岭农产品有限公司");
		first.put("kind", "ENTERPRISE");
		first.put("enterpriseType", "PRIVATE");
		first.put("placeCode", "451026102204");
		first.put("importId", id);
		first.put("row", 2);
		assertThat(created.get(0).get("after")).isEqualTo(first);

		Map<String, Object> before = snapshot();
		String again = upload(admin(), LedgerForm.ORGANISATIONS, "组织台账.csv",
				csv(LedgerForm.ORGANISATIONS, ORGANISATIONS_CLEAN));
		assertThat(await(admin(), again)).containsEntry("state", "VALIDATED").containsEntry("rowsUnchanged", 3);
		commit(again);
		assertThat(await(admin(), again)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 0);
		assertThat(snapshot()).isEqualTo(before);

		String corrected = upload(admin(), LedgerForm.ORGANISATIONS, "组织台账-更正.csv",
				csv(LedgerForm.ORGANISATIONS, ORGANISATIONS_CLEAN.replace(",PRIVATE,,岩坡村", ",PRIVATE,451026103202,")
					.replace("COOPERATIVE,,451026101203", "ENTERPRISE,PRIVATE,451026101203")));
		assertThat(await(admin(), corrected)).containsEntry("state", "VALIDATED")
			.containsEntry("rowsUpdated", 2)
			.containsEntry("rowsUnchanged", 1);
		commit(corrected);
		assertThat(await(admin(), corrected)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 2);
		assertThat(organisations()).containsExactly(
				"52451026MA5XHY003Q|那坡县乡村振兴促进会|SOCIAL_ORGANISATION|-|false|[451026]|Organisation,SocialOrganisation",
				"91451026MA5ENT001L|那坡县梅岭农产品有限公司|ENTERPRISE|PRIVATE|false|[451026103202]|Enterprise,Organisation",
				"93451026MA5CPR002W|那坡县红湾种养专业合作社|ENTERPRISE|PRIVATE|false|[451026101203]|Enterprise,Organisation");
		List<Map<String, Object>> updated = events("Organisation", "creditCode", corrected);
		assertThat(updated).extracting((e) -> e.get("operation") + "|" + e.get("subjectId"))
			.containsExactly("UPDATE_ORGANISATION|91451026MA5ENT001L", "UPDATE_ORGANISATION|93451026MA5CPR002W");
		assertThat(updated.get(0).get("before")).isEqualTo(Map.of("placeCode", "451026102204"));
		assertThat(updated.get(0).get("after"))
			.isEqualTo(Map.of("placeCode", "451026103202", "importId", corrected, "row", 2));
		Map<String, Object> kindBefore = new HashMap<>();
		kindBefore.put("kind", "COOPERATIVE");
		kindBefore.put("enterpriseType", null);
		assertThat(updated.get(1).get("before")).isEqualTo(kindBefore);
		assertThat(updated.get(1).get("after"))
			.isEqualTo(Map.of("kind", "ENTERPRISE", "enterpriseType", "PRIVATE", "importId", corrected, "row", 3));
	}

	@Test
	@Order(6)
	void anOrganisationLedgerWithAnErrorOfEveryRuleIsReportedAndWritesNothing() {
		Map<String, Object> before = snapshot();
		String id = upload(admin(), LedgerForm.ORGANISATIONS, "组织台账-错误.csv", csv(LedgerForm.ORGANISATIONS,
				",无代码组织,COOPERATIVE,,451026101201,", "91451026MA5ENT00,短代码,ENTERPRISE,PRIVATE,451026101201,",
				"91451026MA5ENT001A,校验码错,ENTERPRISE,PRIVATE,451026101201,",
				"91451026MA5ENT004X,,ENTERPRISE,PRIVATE,451026101201,", "93451026MA5CPR0069,缺类型组织,,,451026101201,",
				"93451026MA5CPR007C,缺企业类型,ENTERPRISE,,451026101201,",
				"93451026MA5CPR008F,合作社带类型,COOPERATIVE,PRIVATE,451026101201,", "93451026MA5CPR009J,缺所在地,COOPERATIVE,,,",
				"93451026MA5CPR010P,所在地代码错,COOPERATIVE,,45102X,", "93451026MA5CPR011T,无此地,COOPERATIVE,,451026999999,",
				"93451026MA5CPR012X,无此村名,COOPERATIVE,,,无此村", "93451026MA5CPR0131,重名村,COOPERATIVE,,,梅岭村",
				"93451026MA5CPR0144,类型错,FARM,,451026101201,", "93451026MA5CPR0069,重复,COOPERATIVE,,451026101201,"));
		assertThat(await(admin(), id)).containsEntry("state", "INVALID")
			.containsEntry("rowsRead", 14)
			.containsEntry("rowsInvalid", 14);
		List<List<Object>> report = report(id);
		assertThat(report).extracting(RecordLedgerImportIT::shortLine)
			.containsExactly("2|统一社会信用代码||INVALID_ARGUMENT", "3|统一社会信用代码|91451026MA5ENT00|INVALID_CODE",
					"4|统一社会信用代码|91451026MA5ENT001A|INVALID_CODE", "5|名称||INVALID_ARGUMENT", "6|组织类型||INVALID_ARGUMENT",
					"7|企业类型||INVALID_ARGUMENT", "8|企业类型|PRIVATE|INVALID_ARGUMENT", "9|所在地代码||INVALID_ARGUMENT",
					"10|所在地代码|45102X|INVALID_CODE", "11|所在地代码|451026999999|NOT_FOUND", "12|所在地|无此村|UNKNOWN_PLACE",
					"13|所在地|梅岭村|AMBIGUOUS_PLACE", "14|组织类型|FARM|INVALID_VALUE",
					"15|统一社会信用代码|93451026MA5CPR0069|DUPLICATE_KEY");
		assertThat(report.get(2).get(4)).isEqualTo("统一社会信用代码“91451026MA5ENT001A”的校验码应为L，不是A；请核对代码。"
				+ " The check character of the credit code '91451026MA5ENT001A' is L, not A (GB 32100-2015); check the code.");
		assertThat((String) report.get(11).get(4)).startsWith("名为“梅岭村”的村或县不止一个（");
		assertThat(snapshot()).isEqualTo(before);
	}

	// 农户台账

	static final String HOUSEHOLDS_CLEAN = String.join("\n", "H4510269910001,赵荣华,451026198001010011,4,是,451026101201,",
			"H4510269910002,郑小霞,451026198512120028,3,,,岩坡村",
			"H4510269910003,叶芳,451026199005050031,1,否,451026103202,云关村");

	@Test
	@Order(7)
	void aCleanHouseholdLedgerRegistersThenTheSameChangesNothingAndACorrectedOneUpdatesMasked() {
		String id = upload(admin(), LedgerForm.HOUSEHOLDS, "农户台账.csv", csv(LedgerForm.HOUSEHOLDS, HOUSEHOLDS_CLEAN));
		assertThat(await(admin(), id)).containsEntry("state", "VALIDATED").containsEntry("rowsCreated", 3);
		commit(id);
		assertThat(await(admin(), id)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 3);
		assertThat(households()).containsExactly("H4510269910001|赵荣华|451026198001010011|4|true|false|[451026101201]",
				"H4510269910002|郑小霞|451026198512120028|3|false|false|[451026102204]",
				"H4510269910003|叶芳|451026199005050031|1|false|false|[451026103202]");
		List<Map<String, Object>> created = events("Household", "householdNo", id);
		assertThat(created).extracting((e) -> e.get("operation") + "|" + e.get("subjectId"))
			.containsExactly("REGISTER_HOUSEHOLD|H4510269910001", "REGISTER_HOUSEHOLD|H4510269910002",
					"REGISTER_HOUSEHOLD|H4510269910003");
		assertThat(created.get(0).get("after"))
			.isEqualTo(Map.of("householdNo", "H4510269910001", "headName", "赵**", "idNumber", "4510**********0011",
					"size", 4, "formerlyPoor", true, "villageCode", "451026101201", "importId", id, "row", 2));

		Map<String, Object> before = snapshot();
		String again = upload(admin(), LedgerForm.HOUSEHOLDS, "农户台账.csv", csv(LedgerForm.HOUSEHOLDS, HOUSEHOLDS_CLEAN));
		assertThat(await(admin(), again)).containsEntry("state", "VALIDATED").containsEntry("rowsUnchanged", 3);
		commit(again);
		assertThat(await(admin(), again)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 0);
		assertThat(snapshot()).isEqualTo(before);

		String corrected = upload(admin(), LedgerForm.HOUSEHOLDS, "农户台账-更正.csv", csv(LedgerForm.HOUSEHOLDS,
				HOUSEHOLDS_CLEAN.replace("郑小霞", "郑霞").replace("1,否,451026103202,云关村", "1,是,451026103203,")));
		assertThat(await(admin(), corrected)).containsEntry("state", "VALIDATED")
			.containsEntry("rowsUpdated", 2)
			.containsEntry("rowsUnchanged", 1);
		commit(corrected);
		assertThat(await(admin(), corrected)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 2);
		assertThat(households()).containsExactly("H4510269910001|赵荣华|451026198001010011|4|true|false|[451026101201]",
				"H4510269910002|郑霞|451026198512120028|3|false|false|[451026102204]",
				"H4510269910003|叶芳|451026199005050031|1|true|false|[451026103203]");
		List<Map<String, Object>> updated = events("Household", "householdNo", corrected);
		assertThat(updated).extracting((e) -> e.get("operation") + "|" + e.get("subjectId"))
			.containsExactly("UPDATE_HOUSEHOLD|H4510269910002", "UPDATE_HOUSEHOLD|H4510269910003");
		assertThat(updated.get(0).get("before")).isEqualTo(Map.of("headName", "郑**"));
		assertThat(updated.get(0).get("after")).isEqualTo(Map.of("headName", "郑*", "importId", corrected, "row", 3));
		assertThat(updated.get(1).get("before"))
			.isEqualTo(Map.of("formerlyPoor", false, "villageCode", "451026103202"));
		assertThat(updated.get(1).get("after"))
			.isEqualTo(Map.of("formerlyPoor", true, "villageCode", "451026103203", "importId", corrected, "row", 4));
	}

	@Test
	@Order(8)
	void aHouseholdLedgerWithAnErrorOfEveryRuleIsReportedMaskedAndWritesNothing() throws Exception {
		Map<String, Object> before = snapshot();
		String file = csv(LedgerForm.HOUSEHOLDS, ",无户号,451026198001010011,3,否,451026101201,",
				"X4510261,户号错,451026198001010011,3,否,451026101201,",
				"H4510269900001,,451026198001010011,3,否,451026101201,", "H4510269900002,张三,,3,否,451026101201,",
				"H4510269900003,张三丰,4510261980010100,3,否,451026101201,",
				"H4510269900004,李四,451026198001010012,3,否,451026101201,",
				"H4510269900005,王五,451026198001010011,,否,451026101201,",
				"H4510269900006,王六,451026198001010011,0,否,451026101201,",
				"H4510269900007,赵七,451026198001010011,3,也许,451026101201,",
				"H4510269900008,钱八,451026198001010011,3,否,451026,",
				"H4510269900009,孙九,451026198001010011,3,否,451026999999,",
				"H4510269900010,周十,451026198001010011,3,否,,无此村",
				"H4510269900009,孙九,451026198001010011,3,否,451026101201,",
				"H4510269900011,吴一,451026198001010011,三,否,451026101201,");
		String id = upload(admin(), LedgerForm.HOUSEHOLDS, "农户台账-错误.csv", file);
		assertThat(await(admin(), id)).containsEntry("state", "INVALID")
			.containsEntry("rowsRead", 14)
			.containsEntry("rowsInvalid", 14);
		List<List<Object>> report = report(id);
		assertThat(report).extracting(RecordLedgerImportIT::shortLine)
			.containsExactly("2|户编号||INVALID_ARGUMENT", "3|户编号|X4510261|INVALID_CODE", "4|户主姓名||INVALID_ARGUMENT",
					"5|身份证号||INVALID_ARGUMENT", "6|身份证号|4510********0100|INVALID_CODE",
					"7|身份证号|4510**********0012|INVALID_CODE", "8|家庭人口||INVALID_ARGUMENT", "9|家庭人口|0|INVALID_ARGUMENT",
					"10|脱贫户|也许|INVALID_VALUE", "11|所在村代码|451026|INVALID_CODE", "12|所在村代码|451026999999|NOT_FOUND",
					"13|所在村|无此村|UNKNOWN_PLACE", "14|户编号|H4510269900009|DUPLICATE_KEY", "15|家庭人口|三|INVALID_INTEGER");
		assertThat(report.get(5).get(4)).isEqualTo(
				"身份证号的校验码不符（GB 11643）；请核对号码。 The check digit of the resident ID number does not match (GB 11643); check the number.");
		// No ID number or name of the file is kept in clear in the report.
		String kept = report.stream().map(Object::toString).collect(Collectors.joining("\n"));
		for (String personal : List.of("451026198001010011", "4510261980010100", "451026198001010012", "张三", "李四", "王五",
				"孙九")) {
			assertThat(kept).as(personal).doesNotContain(personal);
		}
		// The marked workbook shows the upload with the same cells masked.
		try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(
				this.client.download(admin(), "/ledgers/imports/" + id + "/report.xlsx")))) {
			List<List<String>> shown = shown(workbook.getSheetAt(0));
			assertThat(shown.get(0).subList(0, 7)).containsExactly("户编号", "户主姓名", "身份证号", "家庭人口", "脱贫户", "所在村代码",
					"所在村");
			assertThat(shown.get(6).subList(0, 4)).containsExactly("H4510269900004", "李*", "4510**********0012", "3");
			assertThat(shown.get(5).subList(0, 3)).containsExactly("H4510269900003", "张**", "4510********0100");
			String all = shown.stream().flatMap(List::stream).collect(Collectors.joining("\n"));
			for (String personal : List.of("451026198001010011", "451026198001010012", "张三丰", "李四")) {
				assertThat(all).as(personal).doesNotContain(personal);
			}
		}
		assertThat(snapshot()).isEqualTo(before);
	}

	// 权限

	@Test
	@Order(9)
	void anOfficersRowsOutsideItsPlaceAreForbiddenLinesAndItsOwnAreNot() {
		String officer = this.tokens.issue("entities-officer", List.of(Role.OFFICER), "451026", null, false);
		String projects = upload(officer, LedgerForm.PROJECTS, "officer-projects.csv",
				csv(LedgerForm.PROJECTS, "PRJ-451026-2025-93,那坡县项目,2025,451026,,,F-451026-2024-CL,,,,,1.00",
						"PRJ-451024-2025-94,区外项目,2025,451024,,,F-451026-2024-CL,,,,,1.00"));
		assertThat(await(officer, projects)).containsEntry("state", "INVALID")
			.containsEntry("rowsValid", 1)
			.containsEntry("rowsInvalid", 1);
		List<List<Object>> projectReport = report(projects);
		assertThat(projectReport).extracting(RecordLedgerImportIT::shortLine)
			.containsExactly("3|所在县代码|451024|FORBIDDEN");
		assertThat(projectReport.get(0).get(4))
			.isEqualTo("你无权修改位于451024的项目：你的地区范围是451026。 You may not change projects at 451024: "
					+ "your token (entities-officer) has roles [OFFICER], place 451026.");

		String organisations = upload(officer, LedgerForm.ORGANISATIONS, "officer-organisations.csv",
				csv(LedgerForm.ORGANISATIONS, "91451026MA5ENT004X,那坡县企业,ENTERPRISE,PRIVATE,451026101201,",
						"91451024MA5ENT0054,区外企业,ENTERPRISE,PRIVATE,451024101201,",
						"93451026MA5CPR0069,区外村名,COOPERATIVE,,,金口村"));
		assertThat(await(officer, organisations)).containsEntry("state", "INVALID")
			.containsEntry("rowsValid", 1)
			.containsEntry("rowsInvalid", 2);
		List<List<Object>> organisationReport = report(organisations);
		assertThat(organisationReport).extracting(RecordLedgerImportIT::shortLine)
			.containsExactly("3|所在地代码|451024101201|FORBIDDEN", "4|所在地|金口村|UNKNOWN_PLACE");
		assertThat(organisationReport.get(1).get(4)).isEqualTo("找不到名为“金口村”的村或县（在您的管辖范围内）；请填写所在地代码。"
				+ " No village or county in your scope is named 金口村; give its code in 所在地代码 (placeCode).");

		String households = upload(officer, LedgerForm.HOUSEHOLDS, "officer-households.csv",
				csv(LedgerForm.HOUSEHOLDS, "H4510269920001,林一,451026198001010011,2,否,451026101201,",
						"H4510249920002,林二,451024197007070042,2,否,451024101201,",
						"H45102410120101,陆林超,451024000000000015,6,否,451026101201,"));
		assertThat(await(officer, households)).containsEntry("state", "INVALID")
			.containsEntry("rowsValid", 1)
			.containsEntry("rowsInvalid", 2);
		List<List<Object>> householdReport = report(households);
		assertThat(householdReport).extracting(RecordLedgerImportIT::shortLine)
			.containsExactly("3|所在村代码|451024101201|FORBIDDEN", "4|所在村代码|451026101201|FORBIDDEN");
		assertThat(householdReport.get(1).get(4)).isEqualTo("此农户现位于451024101201，不在你的地区范围内，不能移动或修改。"
				+ " The household lies at 451024101201 now, outside your scope (your token (entities-officer) has roles"
				+ " [OFFICER], place 451026); you may not move or change it.");

		// An auditor reads imports but may not upload one.
		String auditor = this.tokens.issue("entities-auditor", List.of(Role.AUDITOR), null, null, true);
		EntityExchangeResult<byte[]> refused = post(auditor, LedgerForm.HOUSEHOLDS, "auditor.csv",
				csv(LedgerForm.HOUSEHOLDS, HOUSEHOLDS_CLEAN).getBytes(StandardCharsets.UTF_8));
		assertThat(refused.getStatus().value()).isEqualTo(403);
	}

	private static String shortLine(List<Object> line) {
		return line.get(0) + "|" + line.get(1) + "|" + ((line.get(2) != null) ? line.get(2) : "") + "|" + line.get(3);
	}

	private List<String> funding() {
		return strings("""
				MATCH (f:FundSource)-[r:FUNDED]->(p:Project) WHERE p.code STARTS WITH 'PRJ-451026-2025-9'
				RETURN f.code + '|' + p.code + '|' + r.amount AS line ORDER BY line""");
	}

	private List<String> organisations() {
		return strings("""
				MATCH (o:Organisation) WHERE o.creditCode IN
				  ['91451026MA5ENT001L', '93451026MA5CPR002W', '52451026MA5XHY003Q']
				RETURN o.creditCode + '|' + o.name + '|' + o.kind + '|' + coalesce(o.enterpriseType, '-') + '|'
				  + o.illustrative + '|' + %s + '|'
				  + reduce(s = '', x IN COLLECT { UNWIND labels(o) AS y RETURN y ORDER BY y }
				           | s + CASE s WHEN '' THEN '' ELSE ',' END + x) AS line
				ORDER BY line""".formatted(linked("o")));
	}

	/** Cypher of the codes {@code node} is LOCATED_IN, as [a, b]. */
	private static String linked(String node) {
		return "'[' + reduce(s = '', c IN COLLECT { MATCH (%s)-[:LOCATED_IN]->(l) RETURN l.code ORDER BY l.code }"
			.formatted(node) + " | s + CASE s WHEN '' THEN '' ELSE ', ' END + c) + ']'";
	}

	private List<String> households() {
		return strings("""
				MATCH (h:Household) WHERE h.householdNo STARTS WITH 'H451026991'
				RETURN h.householdNo + '|' + h.headName + '|' + h.idNumber + '|' + h.size + '|' + h.formerlyPoor + '|'
				  + h.illustrative + '|' + %s AS line ORDER BY line""".formatted(linked("h")));
	}

	/**
	 * The change events of an import on nodes of {@code label}, in row order: operation,
	 * actor, subject and parsed before and after.
	 */
	private List<Map<String, Object>> events(String label, String key, String importId) {
		List<Map<String, Object>> events = new ArrayList<>();
		this.neo4j.query("""
				MATCH (e:ChangeEvent)-[:CHANGED]->(n:%s) WHERE e.after CONTAINS $importId
				RETURN e.operation AS operation, e.actor AS actor, n.%s AS subjectId, e.before AS before,
				  e.after AS after""".formatted(label, key))
			.bind(importId)
			.to("importId")
			.fetch()
			.all()
			.forEach((row) -> {
				Map<String, Object> event = new HashMap<>(row);
				event.put("before", parse((String) row.get("before")));
				event.put("after", parse((String) row.get("after")));
				events.add(event);
			});
		events.sort((a, b) -> Integer.compare((Integer) ((Map<?, ?>) a.get("after")).get("row"),
				(Integer) ((Map<?, ?>) b.get("after")).get("row")));
		return events;
	}

	private Map<String, Object> parse(String text) {
		return this.client.parse(text);
	}

	/**
	 * What the dashboards count of an organisation changes with its enterprise type (the
	 * audit rule of asset loss) and its place (where its pairings count): a ledger that
	 * changes either recounts them, to the province and the country.
	 */
	@Test
	@Order(10)
	void anOrganisationsTypeOrPlaceChangedByLedgerIsRecountedInTheDashboards() {
		RawCounts raw = new RawCounts(this.neo4j, this.graphQl);
		// An operating asset passes to a state-owned enterprise without an approval: no
		// loss, until the ledger says the enterprise is private.
		this.graphQl.documentName("transferOwnership")
			.variable("input",
					Map.of("registerNo", "ZC-640303101201-0001", "date", "2025-06-01", "owners",
							List.of(Map.of("ownerId", "91640303BAR5DG0RJA", "share", "100.00"))))
			.execute()
			.errors()
			.verify();
		updateOrganisation("91640303BAR5DG0RJA,红寺堡城乡建设投资有限公司,ENTERPRISE,PRIVATE,640303,");
		for (String place : List.of("640303", "64", "")) {
			raw.assertDashboardMatches(place);
		}
		// A helper of one 万企兴万村 pairing moves from 北京 to 天津, and its pairing is
		// listed among 天津's.
		Map<String, Object> helped = this.neo4j.query("""
				MATCH (p:Pairing)-[:HELPER]->(:Organisation {creditCode: '911100005XXL97PFQY'})
				MATCH (p)-[:RECIPIENT]->(r:Village)
				RETURN p.id AS id, r.code AS village""").fetch().one().orElseThrow();
		String id = (String) helped.get("id");
		String village = (String) helped.get("village");
		assertThat(pairingIds("11", village)).containsExactly(id);
		updateOrganisation("911100005XXL97PFQY,北京沃土电子商务有限公司,ENTERPRISE,PRIVATE,12,");
		for (String place : List.of("11", "12", "")) {
			raw.assertDashboardMatches(place);
		}
		assertThat(pairingIds("12", village)).containsExactly(id);
		assertThat(pairingIds("11", village)).isEmpty();
	}

	/** Imports and commits an organisation ledger of this one row, which updates. */
	private void updateOrganisation(String row) {
		String id = upload(admin(), LedgerForm.ORGANISATIONS, "组织台账.csv", csv(LedgerForm.ORGANISATIONS, row));
		assertThat(await(admin(), id)).containsEntry("state", "VALIDATED").containsEntry("rowsUpdated", 1);
		commit(id);
		assertThat(await(admin(), id)).containsEntry("state", "COMMITTED");
	}

	private String admin() {
		return this.tokens.issue("entities-admin", List.of(Role.ADMIN), null, null, false);
	}

	private void commit(String id) {
		this.client.commit(as(Role.ADMIN, "sub=entities-admin"), id);
	}

	private List<List<Object>> report(String id) {
		return this.client.report(this.graphQl, id);
	}

	private EntityExchangeResult<byte[]> post(String token, LedgerForm form, String name, byte[] content) {
		return this.client.upload(token, form.slug(), name, content, MediaType.APPLICATION_OCTET_STREAM_VALUE, "");
	}

	private String upload(String token, LedgerForm form, String name, String content) {
		return upload(token, form, name, content.getBytes(StandardCharsets.UTF_8));
	}

	private String upload(String token, LedgerForm form, String name, byte[] content) {
		return this.client.id(post(token, form, name, content));
	}

	private Map<String, Object> await(String token, String id) {
		return this.client.await(token, id);
	}

	private Map<String, Object> body(byte[] content) {
		return this.client.body(content);
	}

	private WebTestClient http(String token) {
		return this.client.http(token);
	}

	private List<String> strings(String cypher) {
		return List.copyOf(this.neo4j.query(cypher).fetchAs(String.class).all());
	}

	/**
	 * The ids of the pairings helped from {@code helper} to {@code recipient}, through
	 * the API.
	 */
	private List<String> pairingIds(String helper, String recipient) {
		return this.graphQl.documentName("pairings")
			.variable("filter", Map.of("helperId", helper, "recipientId", recipient))
			.variable("first", 100)
			.execute()
			.path("pairings.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private long count(String cypher) {
		return this.neo4j.query(cypher).fetchAs(Long.class).one().orElse(0L);
	}

	/** Everything but the import jobs and their reports. */
	private Map<String, Object> snapshot() {
		return graphSnapshot(LedgerImportIT.IMPORT_RECORDS);
	}

	/** A CSV file of {@code form}: its header, then {@code rows}. */
	static String csv(LedgerForm form, String... rows) {
		String header = form.columns().stream().map(LedgerColumn::header).collect(Collectors.joining(","));
		return header + "\n" + String.join("\n", rows) + "\n";
	}

	/** Every row of a sheet as the text Excel shows, as wide as the header row. */
	private static List<List<String>> shown(Sheet sheet) {
		DataFormatter formatter = new DataFormatter();
		List<List<String>> rows = new ArrayList<>();
		int width = sheet.getRow(0).getLastCellNum();
		for (Row row : sheet) {
			List<String> cells = new ArrayList<>();
			for (int i = 0; i < width; i++) {
				cells.add((row.getCell(i) != null) ? formatter.formatCellValue(row.getCell(i)) : "");
			}
			rows.add(cells);
		}
		return rows;
	}

}
