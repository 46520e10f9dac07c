package org.fupin.pairing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.BlockedTransactions;
import org.fupin.WritingIntegrationTest;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating, amending and ending pairings: each mutation writes and records its change in
 * one transaction, and every refused mutation leaves the database exactly as it was. Each
 * test uses parties of its own.
 */
class PairingMutationsIT extends WritingIntegrationTest {

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private DatabaseManagementService dbms;

	@Test
	void anEnterpriseLinkToAKeyVillageClosesItsGapAndIsRecorded() {
		GraphQlTester.Response response = as(Role.COORDINATOR, "program=ENTERPRISE_VILLAGE", "sub=coordinator-li")
			.documentName("createPairing")
			.variable("input",
					Map.of("program", "ENTERPRISE_VILLAGE", "kind", "INDUSTRY", "helperId", "91440600184UCFTTWN",
							"recipientId", "520325101202", "startDate", "2025-03-01", "investment", "1200000.00"))
			.execute();
		Map<String, Object> expected = new HashMap<>();
		expected.putAll(Map.of("id", "EV-91440600184UCFTTWN-520325101202", "program", "ENTERPRISE_VILLAGE", "kind",
				"INDUSTRY", "helperId", "91440600184UCFTTWN", "helperName", "佛山锦程供应链管理有限公司", "recipientId",
				"520325101202", "recipientName", "杨峰村", "startDate", "2025-03-01", "status", "ACTIVE"));
		expected.putAll(Map.of("exception", false, "investment", "1200000.00", "illustrative", false));
		expected.put("endDate", null);
		expected.put("exceptionReason", null);
		expected.put("parent", null);
		response.path("createPairing").entity(Map.class).isEqualTo(expected);

		Map<String, Object> event = PairingChangeEvents.latest(this.neo4j, "EV-91440600184UCFTTWN-520325101202");
		assertThat(event).containsEntry("operation", "CREATE_PAIRING")
			.containsEntry("actor", "coordinator-li")
			.containsEntry("subjectType", "Pairing")
			.containsEntry("before", null)
			.containsEntry("events", 1L);
		assertThat((String) event.get("after")).contains("\"helperId\":\"91440600184UCFTTWN\"")
			.contains("\"recipientId\":\"520325101202\"")
			.contains("\"startDate\":\"2025-03-01\"");
		// The planted gap of this key village is closed.
		this.graphQl.documentName("coverageGaps")
			.variable("placeCode", "520325")
			.variable("rules", List.of("KEY_VILLAGE_NO_PAIRING"))
			.execute()
			.path("coverageGaps.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
		// Listed where its parties are: the village's county, the enterprise's province.
		String id = "EV-91440600184UCFTTWN-520325101202";
		assertThat(pairingIds(Map.of("recipientId", "520325"))).contains(id);
		assertThat(pairingIds(Map.of("recipientId", "520325", "helperId", "44"))).contains(id);
		assertThat(pairingIds(Map.of("recipientId", "520325", "helperId", "45"))).doesNotContain(id);
		assertThat(pairingIds(Map.of("recipientId", "45"))).doesNotContain(id);
	}

	private List<String> pairingIds(Map<String, Object> filter) {
		return this.graphQl.documentName("pairings")
			.variable("filter", filter)
			.variable("first", 100)
			.execute()
			.path("pairings.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	@Test
	void aCountyPairFindsItsProvincesPair() {
		create(Map.of("program", "EAST_WEST", "kind", "COUNTY_PAIR", "helperId", "4403", "recipientId", "520324",
				"startDate", "2025-01-01"))
			.path("createPairing")
			.entity(Map.class)
			.satisfies((pairing) -> assertThat(pairing).containsEntry("id", "CP-4403-520324")
				.containsEntry("helperName", "深圳市")
				.containsEntry("parent", Map.of("id", "EW-44-52")));
	}

	@Test
	void aCentralArrangementIsASecondPartnerWithItsSource() {
		GraphQlTester.Response response = create(
				Map.of("program", "EAST_WEST", "kind", "PROVINCE_PAIR", "helperId", "32", "recipientId", "52",
						"startDate", "2025-01-01", "centralArrangementSource", "国务院东西部协作领导小组 2025年调整方案"));
		response.path("createPairing.id").entity(String.class).isEqualTo("EW-32-52");
		response.path("createPairing.exception").entity(Boolean.class).isEqualTo(false);
		assertThat(this.neo4j
			.query("MATCH (p:Pairing {id: 'EW-32-52'}) RETURN {arranged: p.centralArrangement, source: p.source} AS p")
			.fetchAs(Map.class)
			.mappedBy((type, record) -> record.get("p").asMap())
			.one()
			.orElseThrow()).isEqualTo(Map.of("arranged", true, "source", "国务院东西部协作领导小组 2025年调整方案"));
		// Amending it keeps it a central arrangement, not a second regular partner.
		this.graphQl.documentName("amendPairing")
			.variable("id", "EW-32-52")
			.variable("input", Map.of("investment", 1000))
			.execute()
			.path("amendPairing.investment")
			.entity(Double.class)
			.isEqualTo(1000.0);
		this.graphQl.documentName("coverageGaps")
			.variable("placeCode", "52")
			.variable("rules", List.of("WESTERN_PROVINCE_MULTIPLE_PARTNERS"))
			.execute()
			.path("coverageGaps.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	@Test
	void aSecondEasternPartnerIsAcceptedAsAnExceptionWithAReason() {
		GraphQlTester.Response response = create(Map.of("program", "EAST_WEST", "kind", "PROVINCE_PAIR", "helperId",
				"35", "recipientId", "52", "startDate", "2025-01-01", "exception", true, "exceptionReason",
				"福建省对贵州省的特定产业协作，经国务院东西部协作领导小组同意"));
		response.path("createPairing.id").entity(String.class).isEqualTo("EW-35-52");
		response.path("createPairing.exception").entity(Boolean.class).isEqualTo(true);
		response.path("createPairing.exceptionReason").entity(String.class).isEqualTo("福建省对贵州省的特定产业协作，经国务院东西部协作领导小组同意");
		// An exception is not a second regular partner: no gap.
		this.graphQl.documentName("coverageGaps")
			.variable("placeCode", "52")
			.variable("rules", List.of("WESTERN_PROVINCE_MULTIPLE_PARTNERS"))
			.execute()
			.path("coverageGaps.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	@Test
	void aSecondRegularPartnerIsAGap() {
		// Data loaded from elsewhere can break the rule that the mutations keep.
		this.neo4j.query("MATCH (p:Pairing {id: 'EW-37-62'}) SET p.centralArrangement = false").run();
		this.graphQl.documentName("coverageGaps")
			.variable("placeCode", "62")
			.execute()
			.path("coverageGaps.edges[*].node")
			.entityList(Map.class)
			.containsExactly(Map.of("rule", "WESTERN_PROVINCE_MULTIPLE_PARTNERS", "subjectId", "62", "subjectName",
					"甘肃省", "message", "甘肃省有2个东部协作方，既非特例也非中央统筹安排"));
	}

	@Test
	void amendingChangesOnlyWhatIsGivenAndRecordsBeforeAndAfter() {
		GraphQlTester.Response response = this.graphQl.documentName("amendPairing")
			.variable("id", "EV-91440600184UCFTTWN-450124102204")
			.variable("input", Map.of("investment", "3000000.00", "endDate", "2030-12-31"))
			.execute();
		response.path("amendPairing")
			.entity(Map.class)
			.isEqualTo(map("id", "EV-91440600184UCFTTWN-450124102204", "kind", "EMPLOYMENT", "startDate", "2024-11-06",
					"endDate", "2030-12-31", "status", "ACTIVE", "exception", false, "exceptionReason", null,
					"investment", "3000000.00"));
		Map<String, Object> event = PairingChangeEvents.latest(this.neo4j, "EV-91440600184UCFTTWN-450124102204");
		assertThat(event).containsEntry("operation", "AMEND_PAIRING").containsEntry("actor", "test-admin");
		assertThat(event.get("before")).isEqualTo("{\"endDate\":null,\"investment\":\"2250000.00\"}");
		assertThat(event.get("after")).isEqualTo("{\"endDate\":\"2030-12-31\",\"investment\":\"3000000.00\"}");
	}

	/**
	 * Another writer holds the pairing with a change of its own not yet committed: an
	 * amendment of something else waits for it and keeps that change.
	 */
	@Test
	void anAmendmentWaitsForAnotherWriterOfThePairingAndKeepsWhatItChanged() throws Exception {
		String id = "EV-914403005C3T4EBY1A-450124102204";
		GraphQlTester.Response amended = BlockedTransactions.runBehindLock(database(),
				(other) -> other.findNode(Label.label("Pairing"), "id", id).setProperty("investment", 150_000_000L), 1,
				() -> this.graphQl.documentName("amendPairing")
					.variable("id", id)
					.variable("input", Map.of("endDate", "2030-12-31"))
					.execute());
		amended.path("amendPairing")
			.entity(Map.class)
			.satisfies((pairing) -> assertThat(pairing).containsEntry("endDate", "2030-12-31")
				.containsEntry("investment", "1500000.00"));
		assertThat(PairingChangeEvents.latest(this.neo4j, id).get("before")).isEqualTo("{\"endDate\":null}");
	}

	/**
	 * A pairing is being ended while a new one is put under it: the new one waits, then
	 * is refused, and nothing is written.
	 */
	@Test
	void aPairingCannotBePutUnderOneThatIsBeingEnded() throws Exception {
		String parent = "EV-91460000L4DYQX0XP1-450225103201";
		Map<String, Object> input = Map.of("program", "ENTERPRISE_VILLAGE", "kind", "EMPLOYMENT", "helperId",
				"91460000L4DYQX0XP1", "recipientId", "450225103202", "startDate", "2025-03-01", "parentId", parent);
		GraphQlTester.Response created = BlockedTransactions.runBehindLock(database(),
				(other) -> other.findNode(Label.label("Pairing"), "id", parent).setProperty("status", "ENDED"), 1,
				() -> create(input));
		created.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "CONFLICT")
				.containsEntry("field", "input.parentId");
			assertThat(error.getMessage()).startsWith("Pairing " + parent + " ended on ");
		}));
		assertThat(this.neo4j.query("MATCH (p:Pairing)-[:UNDER]->(:Pairing {id: $id}) RETURN count(p)")
			.bind(parent)
			.to("id")
			.fetchAs(Long.class)
			.one()).contains(0L);
		// Active again, as the dashboards of this store counted it.
		this.neo4j.query("MATCH (p:Pairing {id: $id}) SET p.status = 'ACTIVE'").bind(parent).to("id").run();
	}

	/**
	 * A county's resident cadres are those stationed on the day: a term with a planned
	 * end still counts, one that has not begun does not.
	 */
	@Test
	void theCadresOfACountyAreThoseWhoseTermIncludesToday() {
		this.neo4j
			.query("""
					MATCH (p:Pairing {id: 'RC-915108231UXR81R181-513233102202'})
					UNWIND [['P000001', date('2024-01-01'), date('2026-12-31')], ['P000002', date('2027-01-01'), null],
					        ['P000004', date('2026-04-01'), null], ['P000003', date('2020-01-01'), date('2025-12-31')]] AS term
					MATCH (person:Person {personId: term[0]})
					CREATE (p)-[:STAFFED_BY {role: 'FIRST_SECRETARY', startDate: term[1], endDate: term[2]}]->(person)""")
			.run();
		this.graphQl.documentName("pairingSummary")
			.variable("placeCode", "513233")
			.execute()
			.path("pairingSummary[0].cadres")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	private GraphDatabaseService database() {
		return this.dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
	}

	@Test
	void endingAPairingRecordsItAndAnEndedPairingCannotEndAgain() {
		this.graphQl.documentName("endPairing")
			.variable("id", "EV-91440400QBAYT5U2HK-451226101204")
			.variable("endDate", "2025-06-30")
			.execute()
			.path("endPairing")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "EV-91440400QBAYT5U2HK-451226101204", "status", "ENDED", "startDate", "2019-10-12",
					"endDate", "2025-06-30"));
		Map<String, Object> event = PairingChangeEvents.latest(this.neo4j, "EV-91440400QBAYT5U2HK-451226101204");
		assertThat(event).containsEntry("operation", "END_PAIRING");
		assertThat(event.get("before")).isEqualTo("{\"endDate\":null,\"status\":\"ACTIVE\"}");
		assertThat(event.get("after")).isEqualTo("{\"endDate\":\"2025-06-30\",\"status\":\"ENDED\"}");

		Map<String, Object> before = graphSnapshot();
		this.graphQl.documentName("endPairing")
			.variable("id", "EV-91440400QBAYT5U2HK-451226101204")
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "CONFLICT")
					.containsEntry("field", "id");
				assertThat(errors.get(0).getMessage()).isEqualTo("Pairing EV-91440400QBAYT5U2HK-451226101204 ended on "
						+ "2025-06-30; ended pairings are history and do not change. Create a new pairing instead.");
			});
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					western helper         | EAST_WEST,PROVINCE_PAIR,52,45,2025-01-01,,,,      | INVALID_ARGUMENT | input.helperId        | An east-west PROVINCE_PAIR goes from an eastern province; 52 (贵州省) is not one.
					eastern recipient      | EAST_WEST,PROVINCE_PAIR,44,33,2025-01-01,,,,      | INVALID_ARGUMENT | input.recipientId     | An east-west PROVINCE_PAIR goes to a western province; 33 (浙江省) is not one.
					second partner         | EAST_WEST,PROVINCE_PAIR,11,52,2025-01-01,,,,      | CONFLICT         | input.exception       | Province 52 already has an active eastern partner (EW-44-52); a second one must be marked as an exception with a reason, or be a central arrangement with its source (centralArrangementSource).
					into Tibet             | EAST_WEST,PROVINCE_PAIR,13,54,2025-01-01,,,,      | INVALID_ARGUMENT | input.recipientId     | 54 (西藏自治区) lies in a province that receives counterpart support (对口支援), not east-west cooperation (东西部协作); create the pairing with program COUNTERPART_SUPPORT.
					into Xinjiang          | EAST_WEST,CITY_PAIR,3702,65,2025-01-01,,,,        | INVALID_ARGUMENT | input.recipientId     | 65 (新疆维吾尔自治区) lies in a province that receives counterpart support (对口支援), not east-west cooperation (东西部协作); create the pairing with program COUNTERPART_SUPPORT.
					arrangement misplaced  | EAST_WEST,COUNTY_PAIR,4403,520322,2025-01-01,,,,,文件 | INVALID_ARGUMENT | input.centralArrangementSource | input.centralArrangementSource names the document behind a centrally arranged east-west province or city pair; give it only for such a pair, not blank and not with exception.
					township helping Tibet | COUNTERPART_SUPPORT,COUNTY_PAIR,450102101,54,2025-01-01,,,, | INVALID_ARGUMENT | input.helperId | Counterpart support is given by a county or prefecture or province; 450102101 (高堡镇) is not one.
					state-owned helper     | ENTERPRISE_VILLAGE,INDUSTRY,91520322U77CNX58LJ,520324101203,2025-01-01,,,, | INVALID_ARGUMENT | input.helperId | 万企兴万村 is a program of private enterprises (民营企业), led by the federations of industry and commerce; 91520322U77CNX58LJ (桐梓农业投资发展集团有限公司) is a state-owned enterprise. A state-owned enterprise helps through designated assistance (DESIGNATED_ASSISTANCE) instead.
					exception no reason    | EAST_WEST,PROVINCE_PAIR,11,52,2025-01-01,,true,,  | INVALID_ARGUMENT | input.exceptionReason | An exception needs a reason: give input.exceptionReason.
					no provinces' pair     | EAST_WEST,COUNTY_PAIR,3301,520324,2025-01-01,,,,  | CONFLICT         | input.parentId        | A county pair sits under its provinces' pair, and no active east-west pair links 33 to 52; create that pair first.
					wrong parent           | EAST_WEST,COUNTY_PAIR,4403,520322,2025-01-01,,,EW-33-51, | INVALID_ARGUMENT | input.parentId | A county pair from 4403 to 520322 sits under EW-44-52, not EW-33-51.
					kind of program        | ENTERPRISE_VILLAGE,MEDICAL,91440600184UCFTTWN,520324101203,2025-01-01,,,, | INVALID_ARGUMENT | input.kind | Program ENTERPRISE_VILLAGE does not allow kind MEDICAL; use one of [CONSUMPTION, EMPLOYMENT, INDUSTRY, PUBLIC_WELFARE, TALENT].
					dates out of order     | ENTERPRISE_VILLAGE,INDUSTRY,91440600184UCFTTWN,520324101203,2025-01-01,2024-12-31,,, | INVALID_ARGUMENT | input.endDate | The end date 2024-12-31 is before the start date 2025-01-01; dates must be in order.
					duplicate active       | ENTERPRISE_VILLAGE,INDUSTRY,91440600184UCFTTWN,522324103202,2025-01-01,,,, | CONFLICT | input.recipientId | Pairing EV-91440600184UCFTTWN-522324103202 already links 91440600184UCFTTWN to 522324103202 under ENTERPRISE_VILLAGE and is active; amend it, or end it before creating a new one.
					not an enterprise      | ENTERPRISE_VILLAGE,INDUSTRY,91110000AG822488E5,520324101203,2025-01-01,,,, | INVALID_ARGUMENT | input.helperId | input.helperId must be an enterprise; 91110000AG822488E5 (华夏能源集团有限公司) is not one.
					not a village          | ENTERPRISE_VILLAGE,INDUSTRY,91440600184UCFTTWN,520324,2025-01-01,,,, | INVALID_ARGUMENT | input.recipientId | An enterprise-village link goes to a village; 520324 (正安县) is not one.
					not a unit             | DESIGNATED_ASSISTANCE,INDUSTRY,91440600184UCFTTWN,520324,2025-01-01,,,, | INVALID_ARGUMENT | input.helperId | Designated assistance is given by a central unit or a state-owned enterprise; 91440600184UCFTTWN (佛山锦程供应链管理有限公司) is not one.
					not hospitals          | HOSPITAL_GROUP,MEDICAL,124404001YKRJ60WXM,12441900TTJQFLJUTG,2025-01-01,,,, | INVALID_ARGUMENT | input.recipientId | input.recipientId must be a hospital; 12441900TTJQFLJUTG (东莞育才学校) is not one.
					unknown helper         | ENTERPRISE_VILLAGE,INDUSTRY,91440600184UCFTTWX,520324101203,2025-01-01,,,, | NOT_FOUND | input.helperId | No organisation has the id 91440600184UCFTTWX.
					malformed recipient    | ENTERPRISE_VILLAGE,INDUSTRY,91440600184UCFTTWN,52-03,2025-01-01,,,, | INVALID_CODE | input.recipientId | '52-03' is not a party id: use an organisation's 18-character credit code, a household number (H...) or a place code.
					household              | RESIDENT_CADRE,STATIONED,91440600184UCFTTWN,H45010210120101,2025-01-01,,,, | INVALID_ARGUMENT | input.recipientId | input.recipientId is a household; pairings link places and organisations, not households.
					negative investment    | ENTERPRISE_VILLAGE,INDUSTRY,91440600184UCFTTWN,520324101203,2025-01-01,,,,-5 | INVALID_ARGUMENT | input.investment | input.investment must be zero or more, was -5.
					""")
	void badCreationsAnswerACodedErrorAndChangeNothing(String name, String fields, String code, String field,
			String message) {
		String[] f = fields.split(",", -1);
		Map<String, Object> input = new HashMap<>();
		input.put("program", f[0]);
		input.put("kind", f[1]);
		input.put("helperId", f[2]);
		input.put("recipientId", f[3]);
		input.put("startDate", f[4]);
		put(input, "endDate", f[5]);
		if (!f[6].isBlank()) {
			input.put("exception", Boolean.valueOf(f[6].strip()));
		}
		put(input, "parentId", f[7]);
		if (!f[8].isBlank()) {
			input.put("investment", f[8].strip());
		}
		if (f.length > 9) {
			put(input, "centralArrangementSource", f[9]);
		}
		Map<String, Object> before = graphSnapshot();
		create(input).errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getMessage()).isEqualTo(message);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", code).containsEntry("field", field);
		});
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown pairing    | amend | EW-99-99                           | investment=1        | NOT_FOUND        | id                    | No pairing has the id EW-99-99.
					ended pairing      | amend | EV-91451031CFCCJ0BWT4-451223102203 | investment=1        | CONFLICT         | id                    | Pairing EV-91451031CFCCJ0BWT4-451223102203 ended on 2024-12-19; ended pairings are history and do not change. Create a new pairing instead.
					nothing to change  | amend | EV-91440600184UCFTTWN-451022102202 |                     | INVALID_ARGUMENT | input                 | input changes nothing: give at least one field to amend.
					start after end    | amend | EV-91440600184UCFTTWN-451022102202 | endDate=2027-01-01,startDate=2028-01-01 | INVALID_ARGUMENT | input.endDate | The end date 2027-01-01 is before the start date 2028-01-01; dates must be in order.
					end in the past    | amend | EV-91440600184UCFTTWN-451022102202 | endDate=2024-01-01  | INVALID_ARGUMENT | input.endDate         | input.endDate 2024-01-01 is in the past: use endPairing to end a pairing, amendPairing only plans its end.
					kind of program    | amend | EV-91440600184UCFTTWN-451022102202 | kind=STATIONED      | INVALID_ARGUMENT | input.kind            | Program ENTERPRISE_VILLAGE does not allow kind STATIONED; use one of [CONSUMPTION, EMPLOYMENT, INDUSTRY, PUBLIC_WELFARE, TALENT].
					kind of its level  | amend | EW-44-45                           | kind=COUNTY_PAIR    | INVALID_ARGUMENT | input.kind            | An east-west COUNTY_PAIR goes from an eastern county or prefecture; 44 (广东省) is not one.
					reason without one | amend | EW-44-45                           | exceptionReason=x   | INVALID_ARGUMENT | input.exceptionReason | input.exceptionReason is only for exceptions: set exception to true, or leave input.exceptionReason out.
					end before start   | end   | EV-91440600184UCFTTWN-451022102202 | endDate=2020-01-01  | INVALID_ARGUMENT | endDate               | The end date 2020-01-01 is before the start date %s; dates must be in order.
					end in the future  | end   | EV-91440600184UCFTTWN-451022102202 | endDate=2099-01-01  | INVALID_ARGUMENT | endDate               | endDate 2099-01-01 is in the future: end a pairing on or before today, or plan its end with amendPairing.
					children active    | end   | EW-44-45                           |                     | CONFLICT         | id                    | Pairing EW-44-45 has 31 active pairings under it; end them first.
					""")
	void badAmendmentsAndEndingsAnswerACodedErrorAndChangeNothing(String name, String mutation, String id,
			String values, String code, String field, String message) {
		Map<String, Object> input = new HashMap<>();
		if (values != null) {
			for (String pair : values.split(",")) {
				String[] kv = pair.split("=");
				input.put(kv[0], kv[0].equals("exception") ? Boolean.valueOf(kv[1]) : kv[1]);
			}
		}
		String start = (String) this.neo4j.query("MATCH (p:Pairing {id: $id}) RETURN toString(p.startDate)")
			.bind(id)
			.to("id")
			.fetchAs(String.class)
			.one()
			.orElse("");
		Map<String, Object> before = graphSnapshot();
		GraphQlTester.Response response = mutation.equals("amend")
				? this.graphQl.documentName("amendPairing").variable("id", id).variable("input", input).execute()
				: this.graphQl.documentName("endPairing")
					.variable("id", id)
					.variable("endDate", input.get("endDate"))
					.execute();
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getMessage()).isEqualTo(message.formatted(start));
			assertThat(errors.get(0).getExtensions()).containsEntry("code", code).containsEntry("field", field);
		});
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	private GraphQlTester.Response create(Map<String, Object> input) {
		return this.graphQl.documentName("createPairing").variable("input", input).execute();
	}

	private static void put(Map<String, Object> input, String key, String value) {
		if (value != null && !value.isBlank()) {
			input.put(key, value.strip());
		}
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
