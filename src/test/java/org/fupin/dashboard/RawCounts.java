package org.fupin.dashboard;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard numbers counted straight from the raw graph with Cypher written apart
 * from the application's (the place tree walked by PART_OF where the application seeks
 * codes), and the comparison of a dashboard answer with them.
 */
public final class RawCounts {

	private static final LocalDate TODAY = LocalDate.parse("2026-03-31");

	private final Neo4jClient neo4j;

	private final GraphQlTester graphQl;

	public RawCounts(Neo4jClient neo4j, GraphQlTester graphQl) {
		this.neo4j = neo4j;
		this.graphQl = graphQl;
	}

	/** key -> {count, value in fen} for a breakdown. */
	private Map<String, long[]> breakdown(String cypher, String place) {
		Map<String, long[]> rows = new TreeMap<>();
		this.neo4j.query(cypher)
			.bindAll(parameters(place))
			.fetch()
			.all()
			.forEach((row) -> rows.put(String.valueOf(row.get("key")),
					new long[] { ((Number) row.get("count")).longValue(), ((Number) row.get("value")).longValue() }));
		return rows;
	}

	private static Map<String, Object> parameters(String place) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("place", place);
		parameters.put("today", TODAY);
		return parameters;
	}

	/**
	 * Value held per owner kind, split here in Java by the rule the schema states: per
	 * asset, kinds in key order, each taking floor(value × cumulative share / 100%) less
	 * the same for the kinds before it.
	 */
	private Map<String, long[]> ownership(String place) {
		Map<String, long[]> rows = new TreeMap<>();
		this.neo4j.query("""
				MATCH (a:Asset)-[o:OWNED_BY]->(p) WHERE a.placeCode STARTS WITH $place
				  AND o.validFrom <= $today AND coalesce(o.validTo, date('9999-12-31')) > $today
				WITH a, o, CASE WHEN 'Household' IN labels(p) THEN 'HOUSEHOLD' ELSE p.kind END AS key
				WITH a, key, sum(o.share) AS share
				RETURN a.registerNo AS registerNo, a.originalValue AS value, collect([key, share]) AS kinds""")
			.bindAll(parameters(place))
			.fetch()
			.all()
			.forEach((row) -> {
				BigInteger value = BigInteger.valueOf(((Number) row.get("value")).longValue());
				Map<String, Long> kinds = new TreeMap<>();
				for (Object pair : (List<?>) row.get("kinds")) {
					List<?> kind = (List<?>) pair;
					kinds.put((String) kind.get(0), ((Number) kind.get(1)).longValue());
				}
				long cumulative = 0;
				long before = 0;
				for (Map.Entry<String, Long> kind : kinds.entrySet()) {
					cumulative += kind.getValue();
					long upTo = value.multiply(BigInteger.valueOf(cumulative))
						.divide(BigInteger.valueOf(10_000))
						.longValueExact();
					long[] line = rows.computeIfAbsent(kind.getKey(), (k) -> new long[2]);
					line[0]++;
					line[1] += upTo - before;
					before = upTo;
				}
			});
		return rows;
	}

	private static final String ASSETS = """
			MATCH (a:Asset) WHERE a.placeCode STARTS WITH $place
			""";

	/** Compares the dashboard of {@code place} ('' for the country) with raw counting. */
	public void assertDashboardMatches(String place) {
		Map<String, Object> dashboard = this.graphQl.documentName("dashboard")
			.variable("placeCode", place.isEmpty() ? null : place)
			.execute()
			.path("dashboard")
			.entity(Map.class)
			.get();
		assertThat(dashboard.get("asOf")).isEqualTo(TODAY.toString());
		// A place without assets (a province that only helps) has no row at all.
		long[] all = breakdown(
				ASSETS + "RETURN 'all' AS key, count(a) AS count, " + "coalesce(sum(a.originalValue), 0) AS value",
				place)
			.getOrDefault("all", new long[2]);
		assertThat(((Number) dashboard.get("assetCount")).longValue()).isEqualTo(all[0]);
		assertThat(fen(dashboard.get("assetValue"))).isEqualTo(all[1]);
		for (String property : List.of("category", "type", "status")) {
			compare(dashboard, "assetsBy" + Character.toUpperCase(property.charAt(0)) + property.substring(1),
					breakdown(ASSETS + "RETURN a." + property
							+ " AS key, count(a) AS count, sum(a.originalValue) AS value", place));
		}
		compare(dashboard, "assetsByCompletionYear", breakdown(
				ASSETS + """
						RETURN substring(toString(a.completionDate), 0, 4) AS key, count(a) AS count, sum(a.originalValue) AS value""",
				place));
		compare(dashboard, "incomeByYear", breakdown("""
				MATCH (a:Asset)-[:EARNED]->(i:Income) WHERE a.placeCode STARTS WITH $place
				RETURN i.year AS key, count(i) AS count, sum(i.amount) AS value""", place));
		compare(dashboard, "incomeByUse", breakdown("""
				MATCH (a:Asset)-[:EARNED]->(i:Income)-[:USED_FOR]->(u:IncomeUse) WHERE a.placeCode STARTS WITH $place
				RETURN u.use AS key, count(u) AS count, sum(u.amount) AS value""", place));
		compare(dashboard, "ownershipByOwnerKind", ownership(place));
		compare(dashboard, "pairingsByProgram", breakdown("""
				MATCH (p:Pairing {status: 'ACTIVE'})-[:HELPER|RECIPIENT]->(x)
				OPTIONAL MATCH (x)-[:LOCATED_IN]->(l:Place)
				WITH p, CASE WHEN x:Place THEN x.code ELSE l.code END AS code
				WHERE code STARTS WITH $place
				WITH DISTINCT p
				RETURN p.program AS key, count(p) AS count, sum(coalesce(p.investment, 0)) AS value""", place));
		// Audit findings: the counts the audit API answers, one rule at a time.
		List<Map<String, Object>> counts = this.graphQl.documentName("auditFindings")
			.operationName("auditFindingCounts")
			.variable("placeCode", place.isEmpty() ? null : place)
			.execute()
			.path("auditFindingCounts")
			.entityList(Map.class)
			.get()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.toList();
		List<Map<String, Object>> rules = items(dashboard, "auditFindingsByRule");
		assertThat(rules).extracting((m) -> m.get("key"))
			.containsExactlyElementsOf(counts.stream().map((m) -> m.get("rule")).toList());
		assertThat(rules).extracting((m) -> ((Number) m.get("count")).longValue())
			.containsExactlyElementsOf(counts.stream().map((m) -> ((Number) m.get("count")).longValue()).toList());
		// Coverage: key counties walked down the place tree to the places a 万企兴万村 pairing
		// reaches.
		Map<String, Object> key = this.neo4j
			.query("""
					MATCH (c:County) WHERE c.code STARTS WITH $place AND c.nationalKeyCounty
					OPTIONAL MATCH (c)<-[:PART_OF*0..2]-(x:Place)<-[:RECIPIENT]-(:Pairing {program: 'ENTERPRISE_VILLAGE', status: 'ACTIVE'})
					WITH c, count(x) > 0 AS linked
					RETURN count(c) AS denominator, count(CASE WHEN linked THEN c END) AS numerator""")
			.bind(place)
			.to("place")
			.fetch()
			.one()
			.orElseThrow();
		assertRatio(dashboard, "keyCountiesWithEnterpriseLink", key);
		for (String program : List.of("EAST_WEST", "COUNTERPART_SUPPORT")) {
			Map<String, Object> provinces = this.neo4j
				.query("""
						MATCH (w:Province {assistanceProgram: $program}) WHERE w.code STARTS WITH $place
						OPTIONAL MATCH (w)<-[:RECIPIENT]-(p:Pairing {program: $program, status: 'ACTIVE'})-[:HELPER]->(h:Place)
						WHERE p.kind IN ['PROVINCE_PAIR', 'CITY_PAIR'] AND (h)-[:PART_OF*0..1]->(:Province {region: 'EAST'})
						WITH w, count(p) > 0 AS partnered
						RETURN count(w) AS denominator, count(CASE WHEN partnered THEN w END) AS numerator""")
				.bindAll(Map.of("place", place, "program", program))
				.fetch()
				.one()
				.orElseThrow();
			assertRatio(dashboard,
					"EAST_WEST".equals(program) ? "westernProvincesWithPartner" : "counterpartProvincesWithSupport",
					provinces);
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> items(Map<String, Object> dashboard, String field) {
		return (List<Map<String, Object>>) dashboard.get(field);
	}

	private static void assertRatio(Map<String, Object> dashboard, String field, Map<String, Object> expected) {
		@SuppressWarnings("unchecked")
		Map<String, Object> ratio = (Map<String, Object>) dashboard.get(field);
		assertThat(((Number) ratio.get("numerator")).longValue()).as(field).isEqualTo(expected.get("numerator"));
		assertThat(((Number) ratio.get("denominator")).longValue()).as(field).isEqualTo(expected.get("denominator"));
	}

	/**
	 * The breakdown's non-zero lines equal the raw rows, key by key; lines for enum
	 * values without any are zero.
	 */
	private static void compare(Map<String, Object> dashboard, String field, Map<String, long[]> raw) {
		Map<String, long[]> shown = new TreeMap<>();
		for (Map<String, Object> item : items(dashboard, field)) {
			assertThat((String) item.get("label")).as(field + " label").isNotBlank();
			long count = ((Number) item.get("count")).longValue();
			if (count > 0) {
				shown.put((String) item.get("key"), new long[] { count, fen(item.get("value")) });
			}
			else {
				assertThat(item.get("value")).as(field + " " + item.get("key")).isEqualTo("0.00");
			}
		}
		assertThat(shown.keySet()).as(field).containsExactlyElementsOf(raw.keySet());
		raw.forEach((key, expected) -> {
			assertThat(shown.get(key)[0]).as(field + " " + key + " count").isEqualTo(expected[0]);
			assertThat(shown.get(key)[1]).as(field + " " + key + " value in fen").isEqualTo(expected[1]);
		});
	}

	/** An amount as the API writes it: a string of yuan with two decimals. */
	static long fen(Object shown) {
		assertThat(shown).isInstanceOf(String.class);
		assertThat((String) shown).matches("\\d+\\.\\d{2}");
		return Long.parseLong(((String) shown).replace(".", ""));
	}

}
