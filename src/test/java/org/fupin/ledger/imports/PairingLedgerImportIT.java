package org.fupin.ledger.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.fupin.WritingIntegrationTest;
import org.fupin.ledger.LedgerColumn;
import org.fupin.ledger.LedgerForm;
import org.fupin.security.DemoTokens;
import org.fupin.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pairing ledgers through HTTP and GraphQL: the pairing ledger (结对帮扶台账), the resident
 * cadre ledger (驻村干部台账) and the pairing results ledger (结对成效台账). For each: its template
 * comes back in, a clean file is checked and committed with exact values and a change
 * event per row, the same file again changes nothing, a corrected one updates, a file
 * breaking each rule once is reported row by row and writes nothing, and each role is
 * held to its scope. Subjects: pairings to 上林县 (450125) and its villages, and the seed
 * pairings CP-4406-451425, CP-4419-450226 and DA-91110000AG822488E5-513331. Its errors
 * name seed pairings the pairing mutation tests change too (CP-4404-450124, EW-44-45), so
 * it has a store of its own.
 */
@TestPropertySource(properties = "app.test.store=pairing-imports")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PairingLedgerImportIT extends WritingIntegrationTest {

	private static final String EV = "EV-91441900TWXLM6C1JW-450125101201";

	private static final String DA = "DA-91110000AG822488E5-513331";

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private DemoTokens tokens;

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private ObjectMapper json;

	private ImportClient client;

	@BeforeEach
	void client() {
		this.client = new ImportClient(this.port, this.json);
	}

	@Test
	@Order(1)
	void eachTemplateComesBackInWithItsExampleRowValid() {
		for (LedgerForm form : List.of(LedgerForm.PAIRINGS, LedgerForm.CADRES, LedgerForm.PAIRING_RESULTS)) {
			byte[] template = this.client.download(admin(), "/ledgers/" + form.slug() + "/template.xlsx");
			String id = id(upload(admin(), form, form.title() + "模板.xlsx", template,
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
			Map<String, Object> job = await(admin(), id);
			assertThat(report(id)).as(form.slug()).isEmpty();
			assertThat(job).as(form.slug())
				.containsEntry("state", "VALIDATED")
				.containsEntry("rowsRead", 1)
				.containsEntry("rowsValid", 1);
		}
	}

	// 结对帮扶台账

	static final String PAIRINGS_CLEAN = rows(",EAST_WEST,PROVINCE_PAIR,35,,45,,,2025-03-01,,,,是,闽桂协作试点",
			",EAST_WEST,COUNTY_PAIR,3501,福州市,450125,上林县,,2025-04-01,,,1200000.00,,",
			",万企兴万村,PUBLIC_WELFARE,91441900TWXLM6C1JW,东莞汇通食品有限公司,450125101201,高坡村,,2025-03-01,2030-12-31,,"
					+ "500000.50,否,",
			",DESIGNATED_ASSISTANCE,INDUSTRY,91110000AG822488E5,,450125,,,2025-05-01,,,80000000.00,,");

	@Test
	@Order(2)
	void aCleanPairingFileCreatesAProvincesPairAndTheCountyPairUnderIt() {
		Map<String, String> dashboard = pairingsByProgram("450125");
		String id = id(upload(admin(), LedgerForm.PAIRINGS, PAIRINGS_CLEAN));
		assertThat(await(admin(), id)).containsEntry("state", "VALIDATED")
			.containsEntry("rowsRead", 4)
			.containsEntry("rowsValid", 4)
			.containsEntry("rowsCreated", 4)
			.containsEntry("rowsWritten", 0);
		assertThat(count("MATCH (p:Pairing) WHERE p.id IN ['EW-35-45', 'CP-3501-450125'] RETURN count(p)")).isZero();
		commit(id);
		assertThat(await(admin(), id)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 4);
		assertThat(pairings("EW-35-45", "CP-3501-450125", EV, "DA-91110000AG822488E5-450125")).containsExactly(
				"CP-3501-450125|EAST_WEST|COUNTY_PAIR|3501|450125|EW-35-45|2025-04-01||ACTIVE|120000000|false|",
				"DA-91110000AG822488E5-450125|DESIGNATED_ASSISTANCE|INDUSTRY|91110000AG822488E5|450125||2025-05-01||"
						+ "ACTIVE|8000000000|false|",
				"EV-91441900TWXLM6C1JW-450125101201|ENTERPRISE_VILLAGE|PUBLIC_WELFARE|91441900TWXLM6C1JW|450125101201||"
						+ "2025-03-01|2030-12-31|ACTIVE|50000050|false|",
				"EW-35-45|EAST_WEST|PROVINCE_PAIR|35|45||2025-03-01||ACTIVE||true|闽桂协作试点");
		assertThat(events(id)).containsExactly("CREATE_PAIRING|EW-35-45|importer-admin|2",
				"CREATE_PAIRING|CP-3501-450125|importer-admin|3", "CREATE_PAIRING|" + EV + "|importer-admin|4",
				"CREATE_PAIRING|DA-91110000AG822488E5-450125|importer-admin|5");
		Map<String, Object> after = parse(this.neo4j.query("""
				MATCH (e:ChangeEvent {operation: 'CREATE_PAIRING', subjectId: $id}) RETURN e.after""")
			.bind(EV)
			.to("id")
			.fetchAs(String.class)
			.one()
			.orElseThrow());
		// The dashboard of 上林县 counts the three pairings with a party in it.
		Map<String, String> now = pairingsByProgram("450125");
		assertThat(now).containsEntry("EAST_WEST", plus(dashboard.get("EAST_WEST"), 1, "1200000.00"))
			.containsEntry("ENTERPRISE_VILLAGE", plus(dashboard.get("ENTERPRISE_VILLAGE"), 1, "500000.50"))
			.containsEntry("DESIGNATED_ASSISTANCE", plus(dashboard.get("DESIGNATED_ASSISTANCE"), 1, "80000000.00"));
		assertThat(after).containsEntry("investment", "500000.50")
			.containsEntry("helperId", "91441900TWXLM6C1JW")
			.containsEntry("recipientId", "450125101201")
			.containsEntry("importId", id)
			.containsEntry("row", 4);
	}

	@Test
	@Order(3)
	void thePairingFileAgainChangesNothingAndACorrectedOneAmendsWithAnEvent() {
		Map<String, Object> before = snapshot();
		String again = id(upload(admin(), LedgerForm.PAIRINGS, PAIRINGS_CLEAN));
		assertThat(await(admin(), again)).containsEntry("state", "VALIDATED")
			.containsEntry("rowsUnchanged", 4)
			.containsEntry("rowsCreated", 0)
			.containsEntry("rowsUpdated", 0);
		commit(again);
		assertThat(await(admin(), again)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 0);
		assertThat(snapshot()).isEqualTo(before);

		// As exported: with its id; the investment and the planned end change.
		String corrected = id(upload(admin(), LedgerForm.PAIRINGS, rows(
				EV + ",ENTERPRISE_VILLAGE,PUBLIC_WELFARE,91441900TWXLM6C1JW,,450125101201,,,2025-03-01,"
						+ "2031-06-30,ACTIVE,600000.00,,",
				"CP-3501-450125,EAST_WEST,COUNTY_PAIR,3501,,450125,,EW-35-45,2025-04-01,,ACTIVE,1200000.00,,")));
		assertThat(await(admin(), corrected)).containsEntry("state", "VALIDATED")
			.containsEntry("rowsUpdated", 1)
			.containsEntry("rowsUnchanged", 1);
		commit(corrected);
		assertThat(await(admin(), corrected)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 1);
		assertThat(pairings(EV)).containsExactly("EV-91441900TWXLM6C1JW-450125101201|ENTERPRISE_VILLAGE|PUBLIC_WELFARE|"
				+ "91441900TWXLM6C1JW|450125101201||2025-03-01|2031-06-30|ACTIVE|60000000|false|");
		assertThat(events(corrected)).containsExactly("AMEND_PAIRING|" + EV + "|importer-admin|2");
		Map<String, Object> event = this.neo4j
			.query("""
					MATCH (e:ChangeEvent {operation: 'AMEND_PAIRING', subjectId: $id}) RETURN e.before AS before, e.after AS after""")
			.bind(EV)
			.to("id")
			.fetch()
			.one()
			.orElseThrow();
		assertThat(parse((String) event.get("before")))
			.isEqualTo(Map.of("endDate", "2030-12-31", "investment", "500000.50"));
		assertThat(parse((String) event.get("after")))
			.isEqualTo(Map.of("endDate", "2031-06-30", "investment", "600000.00", "importId", corrected, "row", 2));
	}

	@Test
	@Order(4)
	void aPairingFileWithAnErrorOfEveryRuleIsReportedAndWritesNothing() {
		Map<String, Object> before = snapshot();
		String id = id(upload(admin(), LedgerForm.PAIRINGS, rows(
				",ENTERPRISE_VILLAGE,PUBLIC_WELFARE,91440000AAAAAAAAAA,,450125101202,,,2025-03-01,,,,,",
				",ENTERPRISE_VILLAGE,PUBLIC_WELFARE,91441900TWXLM6C1JW,,H45010210120101,,,2025-03-01,,,,,",
				",DESIGNATED_ASSISTANCE,INDUSTRY,450125,,450125,,,2025-03-01,,,,,",
				",ENTERPRISE_VILLAGE,COUNTY_PAIR,91441900TWXLM6C1JW,,450125101202,,,2025-03-01,,,,,",
				",ENTERPRISE_VILLAGE,PUBLIC_WELFARE,91441900TWXLM6C1JW,,450125101203,,,2025-03-01,,,,是,",
				",ENTERPRISE_VILLAGE,PUBLIC_WELFARE,91441900TWXLM6C1JW,,450125101204,,,2025-03-01,,,,,试点",
				",ENTERPRISE_VILLAGE,PUBLIC_WELFARE,91441900TWXLM6C1JW,,450125101202,,,2025-03-02,2025-01-01,,,,",
				",ENTERPRISE_VILLAGE,PUBLIC_WELFARE,91110000AG822488E5,,450125101202,,,2025-03-01,,,,,",
				",EAST_WEST,COUNTY_PAIR,3506,,520324,,,2025-03-01,,,,,",
				",EAST_WEST,COUNTY_PAIR,4404,,450124,,,2025-01-01,,,,,",
				",EAST_WEST,PROVINCE_PAIR,32,,45,,,2025-03-01,,,,,",
				",DESIGNATED_ASSISTANCE,INDUSTRY,91110000AG822488E5,,450123,,DA-NONE,2025-03-01,,,,,",
				"EV-NONE,ENTERPRISE_VILLAGE,PUBLIC_WELFARE,91441900TWXLM6C1JW,,450125101204,,,2025-04-01,,,,,",
				"CP-4404-450124,EAST_WEST,COUNTY_PAIR,4404,,450124,,,2021-05-21,2025-01-01,,,,",
				",EAST_WEST,PROVINCE_PAIR,4403,,450225,,,2021-08-24,,,,,",
				",ENTERPRISE_VILLAGE,PUBLIC_WELFARE,91441900TWXLM6C1JW,,450125101203,,,2025-05-01,,,,也许,",
				",ENTERPRISE_VILLAGE,PUBLIC_WELFARE,91441900TWXLM6C1JW,,H45010210120101,,,2025-03-01,,,,,")));
		Map<String, Object> job = await(admin(), id);
		assertThat(job).containsEntry("state", "INVALID")
			.containsEntry("rowsRead", 17)
			.containsEntry("rowsInvalid", 17);
		List<List<Object>> report = report(id);
		assertThat(report.stream().map((line) -> line.subList(0, 4).toString()).toList()).containsExactly(
				"[2, 帮扶方代码, 91440000AAAAAAAAAA, NOT_FOUND]", "[3, 受援方代码, H45010210120101, INVALID_ARGUMENT]",
				"[4, 受援方代码, 450125, INVALID_ARGUMENT]", "[5, 结对层级, COUNTY_PAIR, INVALID_ARGUMENT]",
				"[6, 例外原因, null, INVALID_ARGUMENT]", "[7, 例外原因, 试点, INVALID_ARGUMENT]",
				"[8, 结束日期, 2025-01-01, INVALID_ARGUMENT]", "[9, 帮扶方代码, 91110000AG822488E5, INVALID_ARGUMENT]",
				"[10, 上级结对编号, null, CONFLICT]", "[11, 受援方代码, 450124, CONFLICT]", "[12, 例外, null, CONFLICT]",
				"[13, 上级结对编号, DA-NONE, NOT_FOUND]", "[14, 结对编号, EV-NONE, NOT_FOUND]",
				"[15, 结束日期, 2025-01-01, INVALID_ARGUMENT]", "[16, 结对层级, PROVINCE_PAIR, CONFLICT]",
				"[17, 例外, 也许, INVALID_ARGUMENT]", "[18, 帮扶类型, ENTERPRISE_VILLAGE, DUPLICATE_KEY]");
		// The guide's sample report (docs/ledgers.md).
		assertThat(report.get(8).get(4)).isEqualTo("县际结对须在其省际结对之下，而35与52之间没有有效的东西部协作结对；请先建立该结对。"
				+ " A county pair sits under its provinces' pair, and no active east-west pair links 35 to 52;"
				+ " create that pair first.");
		assertThat((String) report.get(10).get(4))
			.startsWith("省份45已有有效的东部协作省份（EW-44-45）；再结对须标为例外并说明原因，或填写中央安排依据。 Province 45 already has an "
					+ "active eastern partner (EW-44-45);");
		assertThat(report.get(14).get(4)).isEqualTo("结对CP-4403-450225已登记，台账只调整其投入资金和计划结束日期；修改kind请用 amendPairing。"
				+ " Pairing CP-4403-450225 is registered; a ledger changes only its investment and planned end:"
				+ " change kind with amendPairing.");
		assertThat(report.get(16).get(4)).isEqualTo("与第3行是同一条记录（帮扶类型、帮扶方代码、受援方代码、开始日期相同）；每条记录在文件中只填一次。"
				+ " Row 3 has the same program, helperId, recipientId, startDate; give each record once in a file.");
		assertThat(report.get(1).get(4)).isEqualTo("H45010210120101是农户；结对连接的是地方和组织，不是农户。"
				+ " input.recipientId is a household; pairings link places and organisations, not households.");
		assertThat(report.get(9).get(4)).isEqualTo("结对CP-4404-450124已在EAST_WEST项下把4404与450124结对且仍有效；请修改它，或先结束它再新建。"
				+ " Pairing CP-4404-450124 already links 4404 to 450124 under EAST_WEST and is active; amend it, "
				+ "or end it before creating a new one.");
		assertThat(snapshot()).isEqualTo(before);
	}

	// 驻村干部台账

	static final String CADRES_CLEAN = rows(
			"RC-11450103QALXDP05PY-450103101204,P100001,黄立新,FIRST_SECRETARY,11450103QALXDP05PY,,2025-09-01,",
			DA + ",P100001,,联络员,,,2025-10-01,", DA + ",P000001,,LIAISON,,,2021-08-18,2025-12-31");

	@Test
	@Order(5)
	void aCadreFileRegistersAPersonNamesThemByIdBelowAndEndsATerm() {
		String id = id(upload(admin(), LedgerForm.CADRES, CADRES_CLEAN));
		assertThat(await(admin(), id)).containsEntry("state", "VALIDATED")
			.containsEntry("rowsCreated", 2)
			.containsEntry("rowsUpdated", 1);
		commit(id);
		assertThat(await(admin(), id)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 3);
		assertThat(strings("""
				MATCH (p:Pairing)-[s:STAFFED_BY]->(x:Person) WHERE x.personId IN ['P100001', 'P000001']
				RETURN p.id + '|' + x.personId + '|' + s.role + '|' + toString(s.startDate) + '|'
				  + coalesce(toString(s.endDate), '') AS line ORDER BY line""")).containsExactly(
				DA + "|P000001|LIAISON|2021-08-18|2025-12-31", DA + "|P100001|LIAISON|2025-10-01|",
				"RC-11450103QALXDP05PY-450103101204|P100001|FIRST_SECRETARY|2025-09-01|");
		assertThat(strings("""
				MATCH (x:Person {personId: 'P100001'})-[:WORKS_FOR]->(o)
				RETURN x.name + '|' + x.role + '|' + o.creditCode + '|' + x.illustrative"""))
			.containsExactly("黄立新|FIRST_SECRETARY|11450103QALXDP05PY|false");
		assertThat(events(id)).containsExactly("STAFF_PAIRING|RC-11450103QALXDP05PY-450103101204|importer-admin|2",
				"STAFF_PAIRING|" + DA + "|importer-admin|3", "STAFF_PAIRING|" + DA + "|importer-admin|4");
		// The pairing's staff, a page at a time, by the start of each term.
		GraphQlTester.Response first = staff(DA, null);
		first.path("pairing.staff.totalCount").entity(Integer.class).isEqualTo(2);
		first.path("pairing.staff.edges[*].node")
			.entityList(Map.class)
			.containsExactly(Map.of("personId", "P000001", "role", "LIAISON", "startDate", "2021-08-18", "endDate",
					"2025-12-31"));
		first.path("pairing.staff.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		GraphQlTester.Response second = staff(DA,
				first.path("pairing.staff.pageInfo.endCursor").entity(String.class).get());
		second.path("pairing.staff.edges[*].node.personId").entityList(String.class).containsExactly("P100001");
		second.path("pairing.staff.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		Map<String, Object> before = snapshot();
		String again = id(upload(admin(), LedgerForm.CADRES, CADRES_CLEAN));
		assertThat(await(admin(), again)).containsEntry("state", "VALIDATED").containsEntry("rowsUnchanged", 3);
		commit(again);
		assertThat(await(admin(), again)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 0);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	@Order(6)
	void aCadreFileWithAnErrorOfEveryRuleIsReportedAndWritesNothing() {
		Map<String, Object> before = snapshot();
		String id = id(upload(admin(), LedgerForm.CADRES,
				rows("DA-NONE,P100009,甲某,LIAISON,,,2025-01-01,", DA + ",P100010,,LIAISON,,,2025-01-01,",
						DA + ",P000002,,FIRST_SECRETARY,,,2025-01-01,",
						DA + ",P100011,乙某,LIAISON,91440000AAAAAAAAAA,,2025-01-01,",
						DA + ",P100012,丙某,LIAISON,,,2025-01-01,2024-01-01", DA + ",P100013,丁某,LIAISON,,,2020-01-01,",
						DA + ",P000001,,LIAISON,,,2023-01-01,", DA + ",P000001,,LIAISON,,,2023-01-01,")));
		assertThat(await(admin(), id)).containsEntry("state", "INVALID").containsEntry("rowsInvalid", 8);
		List<List<Object>> report = report(id);
		assertThat(report.stream().map((line) -> line.subList(0, 4).toString()).toList()).containsExactly(
				"[2, 结对编号, DA-NONE, NOT_FOUND]", "[3, 姓名, null, INVALID_ARGUMENT]",
				"[4, 派驻身份, FIRST_SECRETARY, INVALID_ARGUMENT]", "[5, 选派单位代码, 91440000AAAAAAAAAA, NOT_FOUND]",
				"[6, 派驻结束日期, 2024-01-01, INVALID_ARGUMENT]", "[7, 派驻开始日期, 2020-01-01, INVALID_ARGUMENT]",
				"[8, 派驻开始日期, 2023-01-01, CONFLICT]", "[9, 结对编号, " + DA + ", DUPLICATE_KEY]");
		assertThat(report.get(6).get(4)).isEqualTo("人员P000001已于2021-08-18起派驻结对" + DA + "，与本行期限重叠。 Person P000001 "
				+ "already serves on pairing " + DA + " from 2021-08-18; the terms overlap.");
		assertThat(snapshot()).isEqualTo(before);
	}

	// 结对成效台账

	static final String RESULTS_CLEAN = rows("CP-4406-451425,2025,RURAL_LABOUR_EMPLOYED,1000,1080,2025年度协作成效报告,",
			"CP-4406-451425,2025,CONSUMPTION_PURCHASES,2000000.00,2150000.50,2025年度协作成效报告,",
			"CP-4406-451425,2024,RURAL_LABOUR_EMPLOYED,900,960,,复核后更正", "CP-4406-451425,2024,INDUSTRIAL_PARKS,1,1,,");

	@Test
	@Order(7)
	void aResultsFileRecordsNewFiguresAndCorrectsAChangedOneWithItsReason() {
		String id = id(upload(admin(), LedgerForm.PAIRING_RESULTS, RESULTS_CLEAN));
		assertThat(await(admin(), id)).containsEntry("state", "VALIDATED")
			.containsEntry("rowsCreated", 2)
			.containsEntry("rowsUpdated", 1)
			.containsEntry("rowsUnchanged", 1);
		commit(id);
		assertThat(await(admin(), id)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 3);
		assertThat(strings("""
				MATCH (r:PairingResult)-[:RESULT_OF]->(:Pairing {id: 'CP-4406-451425'})
				RETURN r.year + '|' + r.indicator + '|' + r.target + '|' + r.actual + '|' + coalesce(r.source, '') + '|'
				  + coalesce(r.correctionReason, '') + '|' + r.illustrative AS line ORDER BY line""")).containsExactly(
				"2024|INDUSTRIAL_PARKS|1|1|" + seedSource() + "||true",
				"2024|RURAL_LABOUR_EMPLOYED|900|960|" + seedSource() + "|复核后更正|true",
				"2025|CONSUMPTION_PURCHASES|200000000|215000050|2025年度协作成效报告||false",
				"2025|RURAL_LABOUR_EMPLOYED|1000|1080|2025年度协作成效报告||false");
		assertThat(events(id)).containsExactly("RECORD_PAIRING_RESULTS|CP-4406-451425|importer-admin|2",
				"RECORD_PAIRING_RESULTS|CP-4406-451425|importer-admin|3",
				"CORRECT_PAIRING_RESULTS|CP-4406-451425|importer-admin|4");
		// Through GraphQL, as the mutations' figures read.
		assertThat(this.graphQl.document("""
				{ pairing(id: "CP-4406-451425") { results(year: 2025) { figures { indicator targetAmount actualAmount
				  targetCount actualCount } } } }""")
			.execute()
			.path("pairing.results.figures[?(@.indicator == 'CONSUMPTION_PURCHASES')].actualAmount")
			.entityList(String.class)
			.get()).containsExactly("2150000.50");

		Map<String, Object> before = snapshot();
		String again = id(upload(admin(), LedgerForm.PAIRING_RESULTS, RESULTS_CLEAN));
		assertThat(await(admin(), again)).containsEntry("state", "VALIDATED").containsEntry("rowsUnchanged", 4);
		commit(again);
		assertThat(await(admin(), again)).containsEntry("state", "COMMITTED").containsEntry("rowsWritten", 0);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	@Order(8)
	void aResultsFileWithAnErrorOfEveryRuleIsReportedAndWritesNothing() {
		Map<String, Object> before = snapshot();
		String id = id(upload(admin(), LedgerForm.PAIRING_RESULTS,
				rows("CP-NONE,2025,RURAL_LABOUR_EMPLOYED,1,1,,", "CP-4419-450226,2019,RURAL_LABOUR_EMPLOYED,1,1,,",
						"CP-4419-450226,2025,JOBS,1,1,,", "CP-4419-450226,2025,FISCAL_AID,100.00,50.00,,",
						"CP-4419-450226,2025,RURAL_LABOUR_EMPLOYED,,,,",
						"CP-4419-450226,2025,ENTERPRISES_SETTLED,1.5,,,",
						"CP-4419-450226,2024,RURAL_LABOUR_EMPLOYED,1000,900,,",
						"CP-4419-450226,2025,RURAL_LABOUR_EMPLOYED,1,,,")));
		assertThat(await(admin(), id)).containsEntry("state", "INVALID").containsEntry("rowsInvalid", 8);
		List<List<Object>> report = report(id);
		assertThat(report.stream().map((line) -> line.subList(0, 4).toString()).toList()).containsExactly(
				"[2, 结对编号, CP-NONE, NOT_FOUND]", "[3, 年度, 2019, INVALID_ARGUMENT]", "[4, 指标, JOBS, INVALID_ARGUMENT]",
				"[5, 完成值, 50.00, INVALID_ARGUMENT]", "[6, 指标, RURAL_LABOUR_EMPLOYED, INVALID_ARGUMENT]",
				"[7, 目标值, 1.5, INVALID_ARGUMENT]", "[8, 更正原因, null, INVALID_ARGUMENT]",
				"[9, 结对编号, CP-4419-450226, DUPLICATE_KEY]");
		assertThat(report.get(6).get(4))
			.isEqualTo("更正已填报的数值须写明更正原因。 A correction says why the figures change: give input.reason.");
		assertThat(snapshot()).isEqualTo(before);
	}

	// Scope

	@Test
	@Order(9)
	void eachRoleIsHeldToItsProgramAndPlaceRowByRow() {
		// A coordinator of 万企兴万村 in 广西: its program's rows there, not another program's.
		String coordinator = this.tokens.issue("importer-coordinator", List.of(Role.COORDINATOR), "45",
				"ENTERPRISE_VILLAGE", false);
		String id = id(upload(coordinator, LedgerForm.PAIRINGS,
				rows(",ENTERPRISE_VILLAGE,EMPLOYMENT,91441900TWXLM6C1JW,,450125101203,,,2025-06-01,,,,,",
						",DESIGNATED_ASSISTANCE,INDUSTRY,91110000AG822488E5,,450123,,,2025-06-01,,,,,",
						",ENTERPRISE_VILLAGE,EMPLOYMENT,91441900TWXLM6C1JW,,513331,,,2025-06-01,,,,,")));
		assertThat(await(coordinator, id)).containsEntry("state", "INVALID")
			.containsEntry("rowsValid", 1)
			.containsEntry("rowsInvalid", 2);
		List<List<Object>> report = report(id);
		assertThat(report.stream().map((line) -> line.subList(0, 4).toString()).toList())
			.containsExactly("[3, 受援方代码, 450123, FORBIDDEN]", "[4, 受援方代码, 513331, FORBIDDEN]");
		assertThat((String) report.get(0).get(4)).startsWith("你无权修改受援方位于450123的DESIGNATED_ASSISTANCE结对：你的地区范围是45。");
		// Its results and cadres alike: a pairing of another program is out of scope.
		String results = id(upload(coordinator, LedgerForm.PAIRING_RESULTS,
				rows("EV-91441900TWXLM6C1JW-450103101202,2025,JOBS,80,,,",
						"CP-4419-450226,2025,RURAL_LABOUR_EMPLOYED,1000,,,")));
		assertThat(await(coordinator, results)).containsEntry("state", "INVALID").containsEntry("rowsValid", 1);
		assertThat(report(results).stream().map((line) -> line.subList(0, 4).toString()).toList())
			.containsExactly("[3, 结对编号, CP-4419-450226, FORBIDDEN]");
		String cadres = id(upload(coordinator, LedgerForm.CADRES, rows(DA + ",P000001,,LIAISON,,,2021-08-18,")));
		assertThat(await(coordinator, cadres)).containsEntry("state", "INVALID");
		assertThat(report(cadres).stream().map((line) -> line.subList(0, 4).toString()).toList())
			.containsExactly("[2, 结对编号, " + DA + ", FORBIDDEN]");
		// It may not import the asset ledger at all.
		EntityExchangeResult<byte[]> assets = upload(coordinator, "assets", "资产台账.csv",
				(LedgerImportIT.HEADER + "\n").getBytes(StandardCharsets.UTF_8), "text/csv");
		assertThat(assets.getStatus().value()).isEqualTo(403);

		// An officer of 上林县: every program's rows there, none elsewhere.
		String officer = this.tokens.issue("importer-officer-450125", List.of(Role.OFFICER), "450125", null, false);
		String own = id(upload(officer, LedgerForm.PAIRINGS,
				rows(",ENTERPRISE_VILLAGE,EMPLOYMENT,91441900TWXLM6C1JW,,450125101203,,,2025-06-01,,,,,",
						",ENTERPRISE_VILLAGE,EMPLOYMENT,91441900TWXLM6C1JW,,450123101201,,,2025-06-01,,,,,",
						"CP-3501-450125,EAST_WEST,COUNTY_PAIR,3501,,450125,,,2025-04-01,,,1200000.00,,")));
		assertThat(await(officer, own)).containsEntry("state", "INVALID")
			.containsEntry("rowsValid", 2)
			.containsEntry("rowsInvalid", 1);
		assertThat(report(own).stream().map((line) -> line.subList(0, 4).toString()).toList())
			.containsExactly("[3, 受援方代码, 450123101201, FORBIDDEN]");
		// Its own place's stored pairing is in scope; another's is not.
		String stored = id(upload(officer, LedgerForm.PAIRINGS,
				rows("CP-4404-450124,EAST_WEST,COUNTY_PAIR,4404,,450124,,,2021-05-21,,,,,")));
		assertThat(await(officer, stored)).containsEntry("state", "INVALID");
		assertThat(report(stored).stream().map((line) -> line.subList(0, 4).toString()).toList())
			.containsExactly("[2, 受援方代码, 450124, FORBIDDEN]");

		// An ADMIN: anywhere, any program.
		String admin = id(upload(admin(), LedgerForm.PAIRINGS,
				rows(",ENTERPRISE_VILLAGE,EMPLOYMENT,91441900TWXLM6C1JW,,450123101201,,,2025-06-01,,,,,",
						",DESIGNATED_ASSISTANCE,INDUSTRY,91110000AG822488E5,,450123,,,2025-06-01,,,,,")));
		assertThat(await(admin(), admin)).containsEntry("state", "VALIDATED").containsEntry("rowsValid", 2);
	}

	/** One person at a time of a pairing's staff, after {@code cursor}. */
	private GraphQlTester.Response staff(String pairing, String cursor) {
		return this.graphQl.document(
				"""
						query($id: ID!, $after: String) { pairing(id: $id) { staff(first: 1, after: $after) {
						  totalCount pageInfo { hasNextPage endCursor } edges { node { personId role startDate endDate } } } } }""")
			.variable("id", pairing)
			.variable("after", cursor)
			.execute();
	}

	/** A place's active pairings by program, as the dashboard shows them: count|yuan. */
	private Map<String, String> pairingsByProgram(String place) {
		List<Map<String, Object>> items = this.graphQl
			.document("query($p: ID!) { dashboard(placeCode: $p) { pairingsByProgram { key count value } } }")
			.variable("p", place)
			.execute()
			.path("dashboard.pairingsByProgram")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		return items.stream()
			.collect(Collectors.toMap((item) -> (String) item.get("key"),
					(item) -> item.get("count") + "|" + item.get("value")));
	}

	private static String plus(String before, int count, String yuan) {
		String[] parts = before.split("\\|");
		return (Integer.parseInt(parts[0]) + count) + "|"
				+ org.fupin.money.Money.parse(parts[1]).plus(org.fupin.money.Money.parse(yuan));
	}

	private String admin() {
		return this.tokens.issue("importer-admin", List.of(Role.ADMIN), null, null, false);
	}

	private static String rows(String... rows) {
		return String.join("\n", rows) + "\n";
	}

	private EntityExchangeResult<byte[]> upload(String token, LedgerForm form, String rows) {
		String header = form.columns().stream().map(LedgerColumn::header).collect(Collectors.joining(","));
		return upload(token, form.slug(), form.title() + ".csv",
				(header + "\n" + rows).getBytes(StandardCharsets.UTF_8), "text/csv");
	}

	private EntityExchangeResult<byte[]> upload(String token, LedgerForm form, String name, byte[] content,
			String type) {
		return upload(token, form.slug(), name, content, type);
	}

	private EntityExchangeResult<byte[]> upload(String token, String slug, String name, byte[] content, String type) {
		return this.client.upload(token, slug, name, content, type, "");
	}

	private String id(EntityExchangeResult<byte[]> answer) {
		return this.client.id(answer);
	}

	private Map<String, Object> await(String token, String id) {
		return this.client.await(token, id);
	}

	private void commit(String id) {
		this.client.commit(this.graphQl, id);
	}

	private List<List<Object>> report(String id) {
		return this.client.report(this.graphQl, id);
	}

	/** The pairings as stored, one line each, by id. */
	private List<String> pairings(String... ids) {
		return List.copyOf(this.neo4j
			.query("""
					MATCH (p:Pairing) WHERE p.id IN $ids
					RETURN p.id + '|' + p.program + '|' + p.kind + '|'
					  + head([(p)-[:HELPER]->(h) | coalesce(h.code, h.creditCode)]) + '|'
					  + head([(p)-[:RECIPIENT]->(r) | coalesce(r.code, r.creditCode)]) + '|'
					  + coalesce(head([(p)-[:UNDER]->(u) | u.id]), '') + '|' + toString(p.startDate) + '|'
					  + coalesce(toString(p.endDate), '') + '|' + p.status + '|' + coalesce(toString(p.investment), '') + '|'
					  + p.exception + '|' + coalesce(p.exceptionReason, '') AS line ORDER BY line""")
			.bind(List.of(ids))
			.to("ids")
			.fetchAs(String.class)
			.all());
	}

	/** The change events of an import: operation|subject|actor|row, in row order. */
	private List<String> events(String importId) {
		return this.neo4j.query("""
				MATCH (e:ChangeEvent)-[:CHANGED]->(:Pairing) WHERE e.after CONTAINS $importId
				RETURN e.operation + '|' + e.subjectId + '|' + e.actor + '|' + e.after AS line""")
			.bind(importId)
			.to("importId")
			.fetchAs(String.class)
			.all()
			.stream()
			.map((line) -> {
				String head = line.substring(0, line.indexOf("|{"));
				Map<String, Object> after = parse(line.substring(head.length() + 1));
				return head + "|" + after.get("row");
			})
			.sorted(java.util.Comparator
				.comparingInt((String line) -> Integer.parseInt(line.substring(line.lastIndexOf('|') + 1))))
			.toList();
	}

	private List<String> strings(String cypher) {
		return List.copyOf(this.neo4j.query(cypher).fetchAs(String.class).all());
	}

	private static String seedSource() {
		return "示例数据，非真实填报：按东西部协作、定点帮扶、万企兴万村和组团式帮扶年度协议指标的形式编写";
	}

	private long count(String cypher) {
		return this.neo4j.query(cypher).fetchAs(Long.class).one().orElse(0L);
	}

	private Map<String, Object> snapshot() {
		return graphSnapshot(LedgerImportIT.IMPORT_RECORDS);
	}

	private Map<String, Object> parse(String text) {
		return this.client.parse(text);
	}

	private Map<String, Object> body(EntityExchangeResult<byte[]> answer) {
		return this.client.body(answer);
	}

	private WebTestClient http(String token) {
		return this.client.http(token);
	}

}
