package org.fupin.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.neo4j.graphdb.Node;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording and correcting a year's figures of a pairing: one transaction with its change
 * event, totals in step at once, and every refusal coded and leaving the store as it was.
 * Each test uses pairings of its own.
 */
class PairingResultsMutationsIT extends WritingIntegrationTest {

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private DatabaseManagementService dbms;

	private static final List<Map<String, Object>> LABOUR = List
		.of(Map.of("indicator", "RURAL_LABOUR_EMPLOYED", "targetCount", 100, "actualCount", 90));

	/**
	 * Figures fix the years a pairing's term keeps: neither ending it nor moving its
	 * start may leave them out, or they would stay counted and could not be corrected.
	 */
	@Test
	void aTermCannotLeaveOutTheYearsOfItsFigures() {
		String id = "CP-3302-513230";
		record(id, 2025, LABOUR).errors().verify();
		Map<String, Object> before = graphSnapshot();
		assertConflict(this.graphQl.documentName("endPairing").variable("id", id).variable("endDate", "2024-12-31"),
				"endDate", "Pairing CP-3302-513230 has figures recorded for [2025], which a term from 2021-08-27 to"
						+ " 2024-12-31 would leave out; keep those years inside its term.");
		assertConflict(
				this.graphQl.documentName("amendPairing")
					.variable("id", id)
					.variable("input", Map.of("startDate", "2026-01-01")),
				"input.startDate", "Pairing CP-3302-513230 has figures recorded for [2025], which a term from"
						+ " 2026-01-01 to today would leave out; keep those years inside its term.");
		assertThat(graphSnapshot()).isEqualTo(before);
		this.graphQl.documentName("endPairing")
			.variable("id", id)
			.variable("endDate", "2025-12-31")
			.execute()
			.path("endPairing.endDate")
			.entity(String.class)
			.isEqualTo("2025-12-31");
	}

	/**
	 * Another writer is ending the pairing: the figures wait for it, then are judged by
	 * the term it left.
	 */
	@Test
	void figuresWaitForAWriterEndingThePairingAndAreJudgedByItsNewTerm() throws Exception {
		String id = "CP-3307-513226";
		GraphDatabaseService database = this.dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		GraphQlTester.Response recorded = BlockedTransactions.runBehindLock(database, (other) -> {
			Node pairing = other.findNode(Label.label("Pairing"), "id", id);
			pairing.setProperty("status", "ENDED");
			pairing.setProperty("endDate", LocalDate.of(2024, 12, 31));
		}, 1, () -> record(id, 2025, LABOUR));
		recorded.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
				.containsEntry("field", "input.year");
			assertThat(error.getMessage()).isEqualTo("input.year 2025 lies outside the term of pairing"
					+ " CP-3307-513226 (2021-09-01 to 2024-12-31); figures are for the years 2021 to 2024.");
		}));
		assertThat(this.neo4j.query("MATCH (:Pairing {id: $id})<-[:RESULT_OF]-(r) RETURN count(r)")
			.bind(id)
			.to("id")
			.fetchAs(Long.class)
			.one()).contains(0L);
	}

	private static void assertConflict(GraphQlTester.Request<?> request, String field, String message) {
		request.execute().errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "CONFLICT").containsEntry("field", field);
			assertThat(error.getMessage()).isEqualTo(message);
		}));
	}

	@Test
	void recordingAYearShowsInThePairingAndInTheTotalsAtOnce() {
		GraphQlTester.Response response = as(Role.COORDINATOR, "program=EAST_WEST", "place=45", "sub=coordinator-wei")
			.documentName("recordPairingResults")
			.variable("input", Map.of("pairingId", "CP-4406-451028", "year", 2025, "source", "2025年度乐业县东西部协作考核台账",
					"figures",
					List.of(Map.of("indicator", "RURAL_LABOUR_EMPLOYED", "targetCount", 800, "actualCount", 760),
							Map.of("indicator", "CONSUMPTION_PURCHASES", "targetAmount", "1000000.00", "actualAmount",
									"1250000.50"),
							Map.of("indicator", "FISCAL_AID", "targetAmount", "100000.00"))))
			.execute();
		response.path("recordPairingResults.pairingId").entity(String.class).isEqualTo("CP-4406-451028");
		response.path("recordPairingResults.belowTarget").entity(Boolean.class).isEqualTo(true);
		Map<String, Map<String, Object>> figures = byIndicator(response, "recordPairingResults.figures");
		assertThat(figures).hasSize(10);
		assertThat(figures.get("RURAL_LABOUR_EMPLOYED")).containsEntry("origin", "RECORDED")
			.containsEntry("targetCount", 800)
			.containsEntry("actualCount", 760)
			.containsEntry("attainment", "95.00")
			.containsEntry("belowTarget", true)
			.containsEntry("source", "2025年度乐业县东西部协作考核台账");
		assertThat(figures.get("CONSUMPTION_PURCHASES")).containsEntry("targetAmount", "1000000.00")
			.containsEntry("actualAmount", "1250000.50")
			.containsEntry("attainment", "125.00")
			.containsEntry("belowTarget", false);
		// No funds flow through the county pair: its derived fiscal aid is nothing yet.
		assertThat(figures.get("FISCAL_AID")).containsEntry("origin", "DERIVED_FROM_FUNDS")
			.containsEntry("targetAmount", "100000.00")
			.containsEntry("actualAmount", "0.00")
			.containsEntry("attainment", "0.00")
			.containsEntry("belowTarget", true);

		Map<String, Object> event = PairingChangeEvents.latest(this.neo4j, "CP-4406-451028");
		assertThat(event).containsEntry("operation", "RECORD_PAIRING_RESULTS")
			.containsEntry("actor", "coordinator-wei")
			.containsEntry("subjectType", "Pairing")
			.containsEntry("before", null)
			.containsEntry("events", 1L);
		assertThat((String) event.get("after")).isEqualTo("{\"year\":2025,\"figures\":["
				+ "{\"indicator\":\"RURAL_LABOUR_EMPLOYED\",\"target\":800,\"actual\":760},"
				+ "{\"indicator\":\"CONSUMPTION_PURCHASES\",\"target\":\"1000000.00\",\"actual\":\"1250000.50\"},"
				+ "{\"indicator\":\"FISCAL_AID\",\"target\":\"100000.00\",\"actual\":null}],"
				+ "\"source\":\"2025年度乐业县东西部协作考核台账\"}");

		GraphQlTester.Response totals = this.graphQl.documentName("dashboardPairingResults")
			.variable("placeCode", "451028")
			.variable("year", 2025)
			.execute();
		totals.path("dashboard.pairingResults.pairingsReporting").entity(Integer.class).isEqualTo(1);
		totals.path("dashboard.pairingResults.pairingsBelowTarget").entity(Integer.class).isEqualTo(1);
		Map<String, Map<String, Object>> sums = byIndicator(totals, "dashboard.pairingResults.figures");
		assertThat(sums.get("RURAL_LABOUR_EMPLOYED")).containsEntry("targetCount", 800)
			.containsEntry("actualCount", 760)
			.containsEntry("figures", 1)
			.containsEntry("belowTarget", 1);
		assertThat(sums.get("CONSUMPTION_PURCHASES")).containsEntry("actualAmount", "1250000.50");
	}

	@Test
	void aCorrectionNamesTheFigureAndSaysWhy() {
		record("CP-4406-451321", 2025,
				List.of(Map.of("indicator", "RURAL_LABOUR_EMPLOYED", "targetCount", 900, "actualCount", 850),
						Map.of("indicator", "INDUSTRIAL_PARKS", "targetCount", 1, "actualCount", 1)))
			.path("recordPairingResults.belowTarget")
			.entity(Boolean.class)
			.isEqualTo(true);
		GraphQlTester.Response response = this.graphQl.documentName("correctPairingResults")
			.variable("input",
					Map.of("pairingId", "CP-4406-451321", "year", 2025, "reason", "人社部门复核：漏报外省就业50人", "figures",
							List.of(Map.of("indicator", "RURAL_LABOUR_EMPLOYED", "actualCount", 900))))
			.execute();
		response.path("correctPairingResults.belowTarget").entity(Boolean.class).isEqualTo(false);
		assertThat(byIndicator(response, "correctPairingResults.figures").get("RURAL_LABOUR_EMPLOYED"))
			.containsEntry("targetCount", 900)
			.containsEntry("actualCount", 900)
			.containsEntry("attainment", "100.00")
			.containsEntry("correctionReason", "人社部门复核：漏报外省就业50人");
		Map<String, Object> event = PairingChangeEvents.latest(this.neo4j, "CP-4406-451321");
		assertThat(event).containsEntry("operation", "CORRECT_PAIRING_RESULTS").containsEntry("events", 2L);
		assertThat((String) event.get("before")).isEqualTo(
				"{\"year\":2025,\"figures\":[{\"indicator\":\"RURAL_LABOUR_EMPLOYED\",\"target\":900,\"actual\":850}]}");
		assertThat((String) event.get("after"))
			.isEqualTo("{\"year\":2025,\"figures\":[{\"indicator\":\"RURAL_LABOUR_EMPLOYED\",\"target\":900,"
					+ "\"actual\":900}],\"reason\":\"人社部门复核：漏报外省就业50人\"}");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown pairing     | record  | EW-99-99       | 2025 | RURAL_LABOUR_EMPLOYED:targetCount=1                    |        | NOT_FOUND        | input.pairingId               | No pairing has the id EW-99-99.
					before the term     | record  | CP-4403-451229 | 2020 | RURAL_LABOUR_EMPLOYED:targetCount=1                    |        | INVALID_ARGUMENT | input.year                    | input.year 2020 lies outside the term of pairing CP-4403-451229 (2021-07-22 to today); figures are for the years 2021 to 2026.
					after this year     | record  | CP-4403-451229 | 2027 | RURAL_LABOUR_EMPLOYED:targetCount=1                    |        | INVALID_ARGUMENT | input.year                    | input.year 2027 lies outside the term of pairing CP-4403-451229 (2021-07-22 to today); figures are for the years 2021 to 2026.
					after it ended      | record  | EV-91330700U3QT31693U-451224102202 | 2025 | JOBS:targetCount=1              |        | INVALID_ARGUMENT | input.year                    | input.year 2025 lies outside the term of pairing EV-91330700U3QT31693U-451224102202 (2020-03-31 to 2024-02-18); figures are for the years 2020 to 2024.
					negative count      | record  | CP-4403-451229 | 2025 | RURAL_LABOUR_EMPLOYED:targetCount=10:actualCount=-5    |        | INVALID_ARGUMENT | input.figures[0].actualCount  | input.figures[0].actualCount must be zero or more, was -5.
					negative amount     | record  | CP-4403-451229 | 2025 | CONSUMPTION_PURCHASES:targetAmount=-5                  |        | INVALID_ARGUMENT | input.figures[0].targetAmount | input.figures[0].targetAmount must be zero or more, was -5.
					not of the program  | record  | CP-4403-451229 | 2025 | DOCTORS_TRAINED:targetCount=10                         |        | INVALID_ARGUMENT | input.figures[0].indicator    | Program EAST_WEST does not carry indicator DOCTORS_TRAINED; it carries [FISCAL_AID, CADRES_SENT, CADRES_RECEIVED, PROFESSIONALS_SENT, PROFESSIONALS_RECEIVED, RURAL_LABOUR_EMPLOYED, CONSUMPTION_PURCHASES, INDUSTRIAL_PARKS, ENTERPRISES_SETTLED, ENTERPRISE_INVESTMENT].
					wrong unit          | record  | CP-4403-451229 | 2025 | RURAL_LABOUR_EMPLOYED:targetAmount=10                  |        | INVALID_ARGUMENT | input.figures[0].targetAmount | RURAL_LABOUR_EMPLOYED is counted in persons: give targetCount and actualCount.
					derived actual      | record  | CP-4403-451229 | 2025 | FISCAL_AID:targetAmount=10:actualAmount=10             |        | INVALID_ARGUMENT | input.figures[0].actualAmount | FISCAL_AID of EAST_WEST is derived from the funds paid through the pairing, not recorded: give its target only.
					derived cadres      | record  | DA-91110000H5HPA8W6AR-451224 | 2025 | CADRES_SENT:actualCount=2        |        | INVALID_ARGUMENT | input.figures[0].actualCount  | CADRES_SENT of DESIGNATED_ASSISTANCE is derived from the people staffed on the pairing, not recorded: give its target only.
					nothing given       | record  | CP-4403-451229 | 2025 | INDUSTRIAL_PARKS                                       |        | INVALID_ARGUMENT | input.figures[0].indicator    | INDUSTRIAL_PARKS has no value: give its target, its actual value or both.
					given twice         | record  | CP-4403-451229 | 2025 | INDUSTRIAL_PARKS:targetCount=1,INDUSTRIAL_PARKS:actualCount=1 |  | INVALID_ARGUMENT | input.figures[1].indicator | INDUSTRIAL_PARKS is given twice; give each indicator once.
					no figures          | record  | CP-4403-451229 | 2025 |                                                        |        | INVALID_ARGUMENT | input.figures                 | input.figures is empty: give at least one figure.
					recorded already    | record  | CP-4404-450124 | 2024 | RURAL_LABOUR_EMPLOYED:targetCount=1                    |        | CONFLICT         | input.figures[0].indicator    | RURAL_LABOUR_EMPLOYED of 2024 is recorded already for pairing CP-4404-450124; correct it with correctPairingResults, saying why.
					correction, no why  | correct | CP-4404-450124 | 2024 | RURAL_LABOUR_EMPLOYED:actualCount=1400                 | ' '    | INVALID_ARGUMENT | input.reason                  | A correction says why the figures change: give input.reason.
					correction of none  | correct | CP-4404-450124 | 2024 | PROFESSIONALS_RECEIVED:actualCount=3                   | 复核    | NOT_FOUND        | input.figures[0].indicator    | PROFESSIONALS_RECEIVED of 2024 is not recorded for pairing CP-4404-450124; record it with recordPairingResults.
					correction, same    | correct | CP-4404-450124 | 2024 | RURAL_LABOUR_EMPLOYED:actualCount=1350                 | 复核    | INVALID_ARGUMENT | input.figures[0].indicator    | The correction of RURAL_LABOUR_EMPLOYED changes nothing: give the new target or actual value.
					""")
	void refusalsAnswerACodedErrorAndChangeNothing(String name, String mutation, String pairingId, int year,
			String figures, String reason, String code, String field, String message) {
		List<Map<String, Object>> inputs = new ArrayList<>();
		if (figures != null) {
			for (String figure : figures.split(",")) {
				String[] parts = figure.split(":");
				Map<String, Object> input = new HashMap<>();
				input.put("indicator", parts[0]);
				for (int i = 1; i < parts.length; i++) {
					String[] kv = parts[i].split("=");
					input.put(kv[0], kv[0].endsWith("Amount") ? kv[1] : Integer.valueOf(kv[1]));
				}
				inputs.add(input);
			}
		}
		Map<String, Object> input = new HashMap<>();
		input.put("pairingId", pairingId);
		input.put("year", year);
		input.put("figures", inputs);
		if (mutation.equals("correct")) {
			input.put("reason", (reason != null) ? reason : "");
		}
		Map<String, Object> before = graphSnapshot();
		this.graphQl.documentName(mutation.equals("record") ? "recordPairingResults" : "correctPairingResults")
			.variable("input", input)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getMessage()).isEqualTo(message);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", code).containsEntry("field", field);
			});
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	@Test
	void onlyThoseWhoWritePairingsRecordFiguresButAnyoneReadsThem() {
		Map<String, Object> before = graphSnapshot();
		as(Role.COORDINATOR, "program=ENTERPRISE_VILLAGE", "place=45").documentName("recordPairingResults")
			.variable("input",
					Map.of("pairingId", "CP-4403-451029", "year", 2025, "figures",
							List.of(Map.of("indicator", "RURAL_LABOUR_EMPLOYED", "targetCount", 5))))
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN")
					.containsEntry("field", "input.pairingId");
			});
		as(Role.AUDITOR).documentName("recordPairingResults")
			.variable("input",
					Map.of("pairingId", "CP-4403-451029", "year", 2025, "figures",
							List.of(Map.of("indicator", "RURAL_LABOUR_EMPLOYED", "targetCount", 5))))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN"));
		assertThat(graphSnapshot()).isEqualTo(before);
		anonymous().documentName("pairingYearResults")
			.variable("id", "CP-4404-450124")
			.variable("year", 2024)
			.execute()
			.path("pairing.results.figures[5].actualCount")
			.entity(Integer.class)
			.isEqualTo(1350);
	}

	@Test
	void anEnterpriseLinkIsCreatedWithSeveralKindsOfHelp() {
		this.graphQl.documentName("createPairingWithKinds")
			.variable("input",
					Map.of("program", "ENTERPRISE_VILLAGE", "kinds", List.of("INDUSTRY", "EMPLOYMENT", "TALENT"),
							"helperId", "91440600184UCFTTWN", "recipientId", "451028101201", "startDate", "2025-04-01"))
			.execute()
			.path("createPairing")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "EV-91440600184UCFTTWN-451028101201", "program", "ENTERPRISE_VILLAGE", "kind",
					"INDUSTRY", "kinds", List.of("INDUSTRY", "EMPLOYMENT", "TALENT")));
		this.graphQl.documentName("amendPairing")
			.variable("id", "EV-91440600184UCFTTWN-451028101201")
			.variable("input", Map.of("kinds", List.of("EMPLOYMENT", "CONSUMPTION")))
			.execute()
			.path("amendPairing.kind")
			.entity(String.class)
			.isEqualTo("EMPLOYMENT");
		assertThat(
				this.neo4j.query("MATCH (p:Pairing {id: 'EV-91440600184UCFTTWN-451028101201'}) RETURN p.kinds AS kinds")
					.fetch()
					.one()
					.map((row) -> row.get("kinds")))
			.contains(List.of("EMPLOYMENT", "CONSUMPTION"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					several pair kinds | EAST_WEST          | COUNTY_PAIR | COUNTY_PAIR,PROVINCE_PAIR | 4403     | 451029       | input.kinds    | Program EAST_WEST has one kind of pair; several kinds of help are for ENTERPRISE_VILLAGE and DESIGNATED_ASSISTANCE.
					kind not first     | ENTERPRISE_VILLAGE | TALENT      | INDUSTRY,TALENT           | 91440600184UCFTTWN | 451028101202 | input.kind | input.kind TALENT differs from the primary kind INDUSTRY (input.kinds[0]); leave input.kind out or make it the first of input.kinds.
					kind twice         | ENTERPRISE_VILLAGE |             | INDUSTRY,INDUSTRY         | 91440600184UCFTTWN | 451028101202 | input.kinds[1] | INDUSTRY is named twice in input.kinds; name each kind once.
					kind not allowed   | ENTERPRISE_VILLAGE |             | INDUSTRY,MEDICAL          | 91440600184UCFTTWN | 451028101202 | input.kinds[1] | Program ENTERPRISE_VILLAGE does not allow kind MEDICAL; use one of [CONSUMPTION, EMPLOYMENT, INDUSTRY, PUBLIC_WELFARE, TALENT].
					no kind            | ENTERPRISE_VILLAGE |             |                           | 91440600184UCFTTWN | 451028101202 | input.kind     | Give input.kind or input.kinds: the kind of pair or of help.
					""")
	void badKindsAreRefused(String name, String program, String kind, String kinds, String helper, String recipient,
			String field, String message) {
		Map<String, Object> input = new HashMap<>();
		input.put("program", program);
		if (kind != null) {
			input.put("kind", kind);
		}
		if (kinds != null) {
			input.put("kinds", List.of(kinds.split(",")));
		}
		input.put("helperId", helper);
		input.put("recipientId", recipient);
		input.put("startDate", "2025-04-01");
		Map<String, Object> before = graphSnapshot();
		this.graphQl.documentName("createPairingWithKinds")
			.variable("input", input)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getMessage()).isEqualTo(message);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
					.containsEntry("field", field);
			});
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	private GraphQlTester.Response record(String pairingId, int year, List<Map<String, Object>> figures) {
		return this.graphQl.documentName("recordPairingResults")
			.variable("input", Map.of("pairingId", pairingId, "year", year, "figures", figures))
			.execute();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> byIndicator(GraphQlTester.Response response, String path) {
		Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
		for (Map<?, ?> figure : response.path(path).entityList(Map.class).get()) {
			figures.put((String) figure.get("indicator"), (Map<String, Object>) figure);
		}
		return figures;
	}

}
