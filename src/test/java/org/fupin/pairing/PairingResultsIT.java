package org.fupin.pairing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What pairings deliver, year by year, on the seed: each pairing's figures (recorded in
 * {@code seed/results/pairing_results.csv}, derived from the seed's funds and staff), and
 * the totals of a place against counting the raw graph.
 */
class PairingResultsIT extends IntegrationTest {

	@Autowired
	private Neo4jClient neo4j;

	@Test
	void aCountyPairReportsEveryEastWestIndicatorWithItsOrigin() {
		GraphQlTester.Response response = this.graphQl.documentName("pairingYearResults")
			.variable("id", "CP-4404-450124")
			.variable("year", 2024)
			.execute();
		response.path("pairing.results.belowTarget").entity(Boolean.class).isEqualTo(true);
		assertThat(figures(response, "pairing.results.figures")).containsExactly(
				amount("FISCAL_AID", "DERIVED_FROM_FUNDS", null, "0.00", null, false),
				count("CADRES_SENT", "PERSONS", "DERIVED_FROM_STAFF", null, 0, null, false),
				count("CADRES_RECEIVED", "PERSONS", "RECORDED", 12, 12, "100.00", false),
				count("PROFESSIONALS_SENT", "PERSONS", "RECORDED", 40, 46, "115.00", false),
				count("PROFESSIONALS_RECEIVED", "PERSONS", "RECORDED", null, null, null, false),
				count("RURAL_LABOUR_EMPLOYED", "PERSONS", "RECORDED", 1200, 1350, "112.50", false),
				amount("CONSUMPTION_PURCHASES", "RECORDED", "30000000.00", "32500000.00", "108.33", false),
				count("INDUSTRIAL_PARKS", "COUNT", "RECORDED", 1, 1, "100.00", false),
				count("ENTERPRISES_SETTLED", "COUNT", "RECORDED", 3, 2, "66.66", true),
				amount("ENTERPRISE_INVESTMENT", "RECORDED", "150000000.00", "121000000.00", "80.66", true));
		response.path("pairing.results.figures[2].illustrative").entity(Boolean.class).isEqualTo(true);
		response.path("pairing.results.figures[2].source")
			.entity(String.class)
			.satisfies((source) -> assertThat(source).startsWith("示例数据"));
	}

	@Test
	void designatedAssistanceDerivesFiscalAidFromFundsAndCadresFromStaff() {
		GraphQlTester.Response response = this.graphQl.documentName("pairingYearResults")
			.variable("id", "DA-91110000TB9NBPRMR9-451425")
			.variable("year", 2024)
			.execute();
		assertThat(figures(response, "pairing.results.figures")).containsExactly(
				amount("FISCAL_AID", "DERIVED_FROM_FUNDS", "1500000.00", "1723154.00", "114.87", false),
				count("CADRES_SENT", "PERSONS", "DERIVED_FROM_STAFF", 1, 1, "100.00", false),
				amount("CONSUMPTION_PURCHASES", "RECORDED", "800000.00", "650000.00", "81.25", true),
				count("PEOPLE_TRAINED", "PERSONS", "RECORDED", 300, 320, "106.66", false));
		// The derived actual is what the year's funds through the pairing paid to
		// projects.
		assertThat(this.neo4j.query("""
				MATCH (:Pairing {id: 'DA-91110000TB9NBPRMR9-451425'})<-[:THROUGH]-(f:FundSource {year: 2024})
				      -[x:FUNDED]->(:Project)
				RETURN sum(x.amount)""").fetchAs(Long.class).one()).contains(172_315_400L);
	}

	@Test
	void anEnterpriseLinkShowsItsKindsAndItsLedger() {
		GraphQlTester.Response response = this.graphQl.documentName("pairingYearResults")
			.variable("id", "EV-91441900TWXLM6C1JW-450103101202")
			.variable("year", 2024)
			.execute();
		response.path("pairing.kinds")
			.entityList(String.class)
			.containsExactly("PUBLIC_WELFARE", "EMPLOYMENT", "TALENT");
		// Investment agreed (target) and received (actual), donations through the link.
		assertThat(figures(response, "pairing.results.figures")).containsExactly(
				amount("ENTERPRISE_INVESTMENT", "RECORDED", "5000000.00", "3800000.00", "76.00", true),
				amount("DONATIONS", "DERIVED_FROM_FUNDS", "500000.00", "552938.00", "110.58", false),
				count("JOBS", "PERSONS", "RECORDED", 60, 72, "120.00", false),
				count("PEOPLE_TRAINED", "PERSONS", "RECORDED", 120, 135, "112.50", false));
		// The deprecated single kind is the primary one.
		this.graphQl
			.document("{ pairing(id: \"EV-91441900TWXLM6C1JW-450103101202\") { kind } "
					+ "other: pairing(id: \"CP-4404-450124\") { kind kinds } }")
			.execute()
			.path("pairing.kind")
			.entity(String.class)
			.isEqualTo("PUBLIC_WELFARE")
			.path("other.kinds")
			.entityList(String.class)
			.containsExactly("COUNTY_PAIR");
	}

	@Test
	void aProvincialPairRollsUpTheFiguresOfThePairsUnderIt() {
		GraphQlTester.Response own = this.graphQl.documentName("pairingYearResults")
			.variable("id", "EW-44-45")
			.variable("year", 2024)
			.execute();
		// The provinces' own pair records nothing; its fiscal aid is what flows through
		// it.
		own.path("pairing.results.belowTarget").entity(Boolean.class).isEqualTo(false);
		own.path("pairing.results.figures[0].actualAmount").entity(String.class).isEqualTo("17437855.00");
		own.path("pairing.results.figures[5].actualCount").valueIsNull();
		GraphQlTester.Response rolled = this.graphQl.documentName("pairingYearResults")
			.variable("id", "EW-44-45")
			.variable("year", 2024)
			.variable("rollup", true)
			.execute();
		rolled.path("pairing.results.rollup").entity(Boolean.class).isEqualTo(true);
		rolled.path("pairing.results.belowTarget").entity(Boolean.class).isEqualTo(true);
		Map<String, Map<String, Object>> byIndicator = new LinkedHashMap<>();
		figures(rolled, "pairing.results.figures")
			.forEach((figure) -> byIndicator.put((String) figure.get("indicator"), figure));
		// Its county pairs' labour figures, and the hospital and school groups under it.
		assertThat(byIndicator.get("RURAL_LABOUR_EMPLOYED")).containsEntry("targetCount", 4600)
			.containsEntry("actualCount", 4790);
		assertThat(byIndicator.get("FISCAL_AID")).containsEntry("actualAmount", "17437855.00");
		assertThat(byIndicator.get("TEACHERS_TRAINED")).containsEntry("targetCount", 200)
			.containsEntry("actualCount", 180)
			.containsEntry("belowTarget", true);
		assertThat(byIndicator.get("DOCTORS_TRAINED")).containsEntry("actualCount", 168);
	}

	@Test
	void guangxisYearIsCountedOnTheRecipientsSide() {
		GraphQlTester.Response response = this.graphQl.documentName("yearlyResultsByProvince")
			.variable("placeCode", "45")
			.variable("year", 2024)
			.execute();
		response.path("pairingSummary[0].results.pairingsReporting").entity(Integer.class).isEqualTo(25);
		response.path("pairingSummary[0].results.pairingsBelowTarget").entity(Integer.class).isEqualTo(7);
		response.path("pairingSummary[0].results.belowTarget.totalCount").entity(Integer.class).isEqualTo(7);
		response.path("pairingSummary[0].results.belowTarget.edges[*].node.id")
			.entityList(String.class)
			.containsExactly("CP-4404-450124", "CP-4419-450226", "DA-11110000857BR268FC-451223",
					"DA-91110000TB9NBPRMR9-451425", "EV-91440400QBAYT5U2HK-451226101204");
		Map<String, Map<String, Object>> byIndicator = new LinkedHashMap<>();
		figures(response, "pairingSummary[0].results.figures")
			.forEach((figure) -> byIndicator.put((String) figure.get("indicator"), figure));
		assertThat(byIndicator).hasSize(PairingIndicator.values().length);
		assertThat(byIndicator.get("RURAL_LABOUR_EMPLOYED")).containsEntry("targetCount", 4600)
			.containsEntry("actualCount", 4790)
			.containsEntry("attainment", "104.13")
			.containsEntry("belowTarget", 1);
		assertThat(byIndicator.get("FISCAL_AID")).containsEntry("targetAmount", "5700000.00")
			.containsEntry("actualAmount", "24030729.00")
			.containsEntry("attainment", "101.49")
			.containsEntry("belowTarget", 1);
		assertThat(byIndicator.get("CADRES_SENT")).containsEntry("targetCount", 3)
			.containsEntry("actualCount", 6)
			.containsEntry("attainment", "66.66");
		assertThat(byIndicator.get("DONATIONS")).containsEntry("targetAmount", "900000.00")
			.containsEntry("actualAmount", "7855160.00")
			.containsEntry("attainment", "114.79");
		assertThat(byIndicator.get("TEACHERS_TRAINED")).containsEntry("attainment", "90.00");
		assertThat(byIndicator.get("CADRES_RECEIVED")).containsEntry("targetAmount", null)
			.containsEntry("targetCount", 12);
	}

	/**
	 * Each pairing's own figures are counted once, at the place its recipient lies at: a
	 * province's totals equal counting the raw graph under it, and equal its own
	 * pairings' figures plus those of its counties, so no figure is added twice.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "", "45", "4501", "450124", "451425", "52", "522728", "51" })
	void totalsEqualCountingTheRawGraph(String placeCode) {
		GraphQlTester.Response response = this.graphQl.documentName("dashboardPairingResults")
			.variable("placeCode", placeCode.isEmpty() ? null : placeCode)
			.variable("year", 2024)
			.execute();
		Map<String, long[]> raw = rawTotals(placeCode, 2024);
		for (Map<String, Object> figure : figures(response, "dashboard.pairingResults.figures")) {
			PairingIndicator indicator = PairingIndicator.valueOf((String) figure.get("indicator"));
			long[] expected = raw.getOrDefault(indicator.name(), new long[2]);
			assertThat(new long[] { units(indicator, figure.get("targetAmount"), figure.get("targetCount")),
					units(indicator, figure.get("actualAmount"), figure.get("actualCount")) })
				.as(placeCode + " " + indicator)
				.containsExactly(expected);
		}
	}

	@Test
	void aProvinceAddsItsOwnPairsFiguresToThoseOfItsCountiesOnce() {
		Map<String, long[]> province = apiTotals("45", 2024);
		List<String> counties = List.copyOf(this.neo4j.query("""
				MATCH (c:County) WHERE c.code STARTS WITH '45' RETURN c.code ORDER BY c.code""")
			.fetchAs(String.class)
			.all());
		assertThat(counties).hasSize(31);
		Map<String, long[]> added = new LinkedHashMap<>();
		for (String county : counties) {
			apiTotals(county, 2024).forEach((indicator, sums) -> {
				long[] sum = added.computeIfAbsent(indicator, (k) -> new long[2]);
				sum[0] += sums[0];
				sum[1] += sums[1];
			});
		}
		// What lies above county level: the provincial pair's own fiscal aid.
		long provincial = this.neo4j.query("""
				MATCH (:Province {code: '45'})<-[:RECIPIENT]-(:Pairing)<-[:THROUGH]-(:FundSource {year: 2024})
				      -[x:FUNDED]->(:Project)
				RETURN sum(x.amount)""").fetchAs(Long.class).one().orElseThrow();
		assertThat(provincial).isEqualTo(1_743_785_500L);
		added.get("FISCAL_AID")[1] += provincial;
		assertThat(added.keySet()).isEqualTo(province.keySet());
		province.forEach((indicator, sums) -> assertThat(added.get(indicator)).as(indicator).containsExactly(sums));
	}

	@Test
	void aYearOutOfRangeIsRefused() {
		this.graphQl.documentName("pairingYearResults")
			.variable("id", "CP-4404-450124")
			.variable("year", 1800)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getMessage()).isEqualTo("year must lie between 1990 and 2100, was 1800.");
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
					.containsEntry("field", "year");
			});
	}

	@Test
	void theSummariesOfEveryWesternProvinceCostOneQueryForTheirResults() {
		long before = startedTransactions();
		GraphQlTester.Response response = this.graphQl.documentName("yearlyResultsByProvince")
			.variable("year", 2024)
			.execute();
		long used = startedTransactions() - before;
		response.path("pairingSummary[*].results.pairingsReporting")
			.entityList(Integer.class)
			.containsExactly(0, 25, 0, 23, 19, 0, 0, 0, 0, 0, 4, 0);
		// The summaries, the totals of all twelve provinces, and the pairings below
		// target.
		assertThat(used).isEqualTo(3);
	}

	/**
	 * Target and actual sums per indicator as the dashboard answers them, in fen or
	 * units.
	 */
	private Map<String, long[]> apiTotals(String place, int year) {
		Map<String, long[]> sums = new LinkedHashMap<>();
		GraphQlTester.Response response = this.graphQl.documentName("dashboardPairingResults")
			.variable("placeCode", place)
			.variable("year", year)
			.execute();
		for (Map<String, Object> figure : figures(response, "dashboard.pairingResults.figures")) {
			PairingIndicator indicator = PairingIndicator.valueOf((String) figure.get("indicator"));
			sums.put(indicator.name(),
					new long[] { units(indicator, figure.get("targetAmount"), figure.get("targetCount")),
							units(indicator, figure.get("actualAmount"), figure.get("actualCount")) });
		}
		return sums;
	}

	/**
	 * Target and actual sums per indicator, counted from the raw graph without the
	 * service: recorded figures of the year, funds of the year through the pairings and
	 * people staffed during it, for pairings whose recipient lies under the place.
	 */
	private Map<String, long[]> rawTotals(String place, int year) {
		Map<String, long[]> sums = new LinkedHashMap<>();
		this.neo4j
			.query("""
					MATCH (x:PairingResult {year: $year})-[:RESULT_OF]->(p:Pairing)-[:RECIPIENT]->(r)
					WITH x, coalesce(r.code, head([(r)-[:LOCATED_IN]->(l:Place) | l.code])) AS place
					WHERE place STARTS WITH $place
					RETURN x.indicator AS indicator, sum(coalesce(x.target, 0)) AS target, sum(coalesce(x.actual, 0)) AS actual
					""")
			.bindAll(Map.of("year", (long) year, "place", place))
			.fetch()
			.all()
			.forEach((row) -> {
				sums.put((String) row.get("indicator"),
						new long[] { (Long) row.get("target"), (Long) row.get("actual") });
			});
		this.neo4j.query("""
				MATCH (f:FundSource {year: $year})-[:THROUGH]->(p:Pairing)-[:RECIPIENT]->(r)
				WITH f, p, coalesce(r.code, head([(r)-[:LOCATED_IN]->(l:Place) | l.code])) AS place
				WHERE place STARTS WITH $place
				MATCH (f)-[x:FUNDED]->(:Project)
				RETURN CASE p.program WHEN 'ENTERPRISE_VILLAGE' THEN 'DONATIONS' ELSE 'FISCAL_AID' END AS indicator,
				       sum(x.amount) AS actual""")
			.bindAll(Map.of("year", (long) year, "place", place))
			.fetch()
			.all()
			.forEach((row) -> sums.computeIfAbsent((String) row.get("indicator"), (k) -> new long[2])[1] += (Long) row
				.get("actual"));
		this.neo4j.query("""
				MATCH (p:Pairing)-[s:STAFFED_BY]->(person:Person)
				WHERE p.program IN ['EAST_WEST', 'COUNTERPART_SUPPORT', 'DESIGNATED_ASSISTANCE']
				  AND s.startDate <= date({year: $year, month: 12, day: 31})
				  AND (s.endDate IS NULL OR s.endDate >= date({year: $year, month: 1, day: 1}))
				MATCH (p)-[:RECIPIENT]->(r)
				WITH p, person, coalesce(r.code, head([(r)-[:LOCATED_IN]->(l:Place) | l.code])) AS place
				WHERE place STARTS WITH $place
				WITH p, count(DISTINCT person) AS people
				RETURN sum(people) AS actual""")
			.bindAll(Map.of("year", (long) year, "place", place))
			.fetch()
			.one()
			.map((row) -> (Long) row.get("actual"))
			.filter((people) -> people > 0)
			.ifPresent((people) -> sums.computeIfAbsent("CADRES_SENT", (k) -> new long[2])[1] += people);
		return sums;
	}

	private static long units(PairingIndicator indicator, Object amount, Object count) {
		if (indicator.unit().money()) {
			return new java.math.BigDecimal((String) amount).movePointRight(2).longValueExact();
		}
		return ((Number) count).longValue();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> figures(GraphQlTester.Response response, String path) {
		List<Map<String, Object>> figures = new ArrayList<>();
		for (Map<?, ?> figure : response.path(path).entityList(Map.class).get()) {
			Map<String, Object> kept = new LinkedHashMap<>((Map<String, Object>) figure);
			kept.keySet()
				.retainAll(List.of("indicator", "unit", "origin", "targetAmount", "actualAmount", "targetCount",
						"actualCount", "attainment", "belowTarget"));
			figures.add(kept);
		}
		return figures;
	}

	static Map<String, Object> amount(String indicator, String origin, String target, String actual, String attainment,
			boolean below) {
		return figure(indicator, "YUAN", origin, target, actual, null, null, attainment, below);
	}

	static Map<String, Object> count(String indicator, String unit, String origin, Integer target, Integer actual,
			String attainment, boolean below) {
		return figure(indicator, unit, origin, null, null, target, actual, attainment, below);
	}

	private static Map<String, Object> figure(String indicator, String unit, String origin, String targetAmount,
			String actualAmount, Integer targetCount, Integer actualCount, String attainment, boolean below) {
		Map<String, Object> figure = new LinkedHashMap<>();
		figure.put("indicator", indicator);
		figure.put("unit", unit);
		figure.put("origin", origin);
		figure.put("targetAmount", targetAmount);
		figure.put("actualAmount", actualAmount);
		figure.put("targetCount", targetCount);
		figure.put("actualCount", actualCount);
		figure.put("attainment", attainment);
		figure.put("belowTarget", below);
		return figure;
	}

}
