package org.fupin.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.fupin.graph.Locks;
import org.fupin.graph.Model;
import org.fupin.neo4j.SingleStatementReads;
import org.fupin.pairing.ProvinceCoverage;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Counting Cypher over the raw graph, and the rollup nodes ({@code :DashboardRollup}, one
 * per county, prefecture, province and the country, code {@code ''}) that keep its
 * results. A rollup node holds two tallies as parallel arrays: {@code keys/counts/values}
 * (assets, income, ownership, audit findings, key-county coverage: sums of its counties')
 * and {@code pairingKeys/pairingCounts/pairingValues} (pairings and province coverage:
 * counted for the node's own place, since one pairing touches several places and sums
 * would count it twice).
 */
@Repository
class RollupRepository {

	/** Assets in or below the place {@code $place} (the empty string: everywhere). */
	private static final String BELOW_PLACE = "a.placeCode STARTS WITH $place";

	/** The assets {@code $registerNos}. */
	private static final String THE_ASSETS = "a.registerNo IN $registerNos";

	/**
	 * Assets by category, type, status and completion year, per place group; {@code %1$s}
	 * selects the assets.
	 */
	private static final String ASSETS = """
			MATCH (a:Asset) WHERE %1$s
			RETURN left(a.placeCode, $keyLength) AS key, a.category AS category, a.type AS type, a.status AS status,
			       toString(a.completionDate.year) AS year, count(*) AS count, sum(a.originalValue) AS value""";

	/**
	 * Income by year and use, current ownership by owner kind, per place group: what each
	 * asset adds on its own, so the numbers of a group are the sums of its assets'.
	 * {@code %1$s} selects the assets, {@code %2$s} the ownership periods current today.
	 */
	private static final String ASSET_FLOWS = """
			  MATCH (a:Asset)-[:EARNED]->(i:Income) WHERE %1$s
			  RETURN left(a.placeCode, $keyLength) AS key, 'incomeYear/' + toString(i.year) AS dim,
			         count(i) AS count, sum(i.amount) AS value
			  UNION ALL
			  MATCH (a:Asset)-[:EARNED]->(:Income)-[:USED_FOR]->(u:IncomeUse) WHERE %1$s
			  RETURN left(a.placeCode, $keyLength) AS key, 'incomeUse/' + u.use AS dim, count(u) AS count,
			         sum(u.amount) AS value
			  UNION ALL
			  MATCH (a:Asset)-[o:OWNED_BY]->(p) WHERE %1$s
			    AND %2$s
			  WITH a, CASE WHEN p:Household THEN 'HOUSEHOLD' WHEN p:Organisation THEN coalesce(p.kind, 'ORGANISATION')
			          ELSE 'PLACE' END AS kind, sum(o.share) AS share
			  WITH a, kind, share ORDER BY kind
			  WITH a, coalesce(a.originalValue, 0) AS fen, collect(kind) AS kinds, collect(share) AS shares
			  UNWIND range(0, size(kinds) - 1) AS k
			  WITH a, kinds[k] AS kind,
			       fen * reduce(s = 0, x IN shares[..k + 1] | s + x) / 10000
			         - fen * reduce(s = 0, x IN shares[..k] | s + x) / 10000 AS part
			  RETURN left(a.placeCode, $keyLength) AS key, 'owner/' + kind AS dim, count(a) AS count,
			         sum(part) AS value
			""";

	/**
	 * National key counties by whether a 万企兴万村 pairing reaches a place in them, per place
	 * group: a number of the place, not of its assets.
	 */
	private static final String KEY_COUNTIES = """
			  MATCH (c:County {nationalKeyCounty: true}) WHERE c.code STARTS WITH $place
			  WITH c, EXISTS { MATCH (x:Place) WHERE x.code STARTS WITH c.code
			                   MATCH (x)<-[:RECIPIENT]-(:Pairing {program: 'ENTERPRISE_VILLAGE', status: 'ACTIVE'}) } AS linked
			  RETURN left(c.code, $keyLength) AS key, CASE WHEN linked THEN 'keyCounty/linked' ELSE 'keyCounty/unlinked' END AS dim,
			         count(c) AS count, 0 AS value
			""";

	/** Asset flows and key counties below a place. */
	private static final String OWNED_TODAY = Model.OWNED_BY.period().currentOn("o", "$today");

	private static final String FLOWS = "CALL () {\n" + ASSET_FLOWS.formatted(BELOW_PLACE, OWNED_TODAY)
			+ "  UNION ALL\n" + KEY_COUNTIES + "}\nRETURN key, dim, count, value";

	/** Asset flows of given assets. */
	private static final String FLOWS_OF_ASSETS = "CALL () {\n" + ASSET_FLOWS.formatted(THE_ASSETS, OWNED_TODAY)
			+ "}\nRETURN key, dim, count, value";

	/**
	 * Active pairings with a helper or recipient in or below a place (a place there, or
	 * an organisation located there: the pairing's place codes, {@code PairingPlaces}),
	 * per ancestor code of the lengths {@code $levels}: each pairing counted once per
	 * code.
	 */
	private static final String PAIRINGS = """
			CALL () {
			  MATCH (p:Pairing {status: 'ACTIVE'}) WHERE p.helperPlace STARTS WITH $place RETURN p, p.helperPlace AS code
			  UNION
			  MATCH (p:Pairing {status: 'ACTIVE'}) WHERE p.recipientPlace STARTS WITH $place
			  RETURN p, p.recipientPlace AS code
			}
			UNWIND [l IN $levels WHERE size(code) >= l | left(code, l)] AS key
			WITH DISTINCT key, p
			RETURN key, 'program/' + p.program AS dim, count(p) AS count, sum(coalesce(p.investment, 0)) AS value""";

	/** The same for the whole country, without walking every place. */
	private static final String COUNTRY_PAIRINGS = """
			MATCH (p:Pairing {status: 'ACTIVE'}) WHERE p.helperPlace IS NOT NULL OR p.recipientPlace IS NOT NULL
			RETURN '' AS key, 'program/' + p.program AS dim, count(p) AS count, sum(coalesce(p.investment, 0)) AS value""";

	/**
	 * Provinces in or below a place that a program serves, and whether one has an active
	 * partner of it: the coverage rule of {@link ProvinceCoverage}, which the coverage
	 * gaps use too.
	 */
	private static final String PROVINCES = ProvinceCoverage.PROVINCES + """

			RETURN province.code AS code, program, partners > 0 AS partnered""";

	private final Neo4jClient neo4j;

	private final SingleStatementReads reads;

	RollupRepository(Neo4jClient neo4j, SingleStatementReads reads) {
		this.neo4j = neo4j;
		this.reads = reads;
	}

	/** What one rollup node holds. */
	record Row(String code, LocalDate computedFor, Tally summable, Tally pairings) {
	}

	/**
	 * The place's name and whether it exists, with its rollup node if any.
	 *
	 * @param built whether a rebuild has counted everything once; until then rows that
	 * mutations wrote hold only what they changed
	 */
	record Lookup(boolean placeExists, String name, Optional<Row> row, boolean built) {
	}

	/**
	 * The asset, income, ownership and key-county numbers below {@code place}, grouped by
	 * the first {@code keyLength} digits of the place codes; audit findings are added by
	 * the caller.
	 */
	Map<String, Tally> summable(String place, int keyLength, LocalDate today) {
		return summable(ASSETS.formatted(BELOW_PLACE), FLOWS,
				Map.of("place", place, "keyLength", keyLength, "today", today));
	}

	/**
	 * The asset, income and ownership numbers of the given assets alone, grouped by the
	 * first {@code keyLength} digits of their place codes: what these assets add to the
	 * rollups of their places (key counties aside, which do not depend on assets).
	 */
	Map<String, Tally> summableOf(Collection<String> registerNos, int keyLength, LocalDate today) {
		return summable(ASSETS.formatted(THE_ASSETS), FLOWS_OF_ASSETS,
				Map.of("registerNos", List.copyOf(registerNos), "keyLength", keyLength, "today", today));
	}

	private Map<String, Tally> summable(String assets, String flows, Map<String, Object> parameters) {
		Map<String, Tally> tallies = new TreeMap<>();
		this.reads.rows(assets, parameters).forEach((row) -> {
			Tally tally = tallies.computeIfAbsent((String) row.get("key"), (k) -> new Tally());
			long count = ((Number) row.get("count")).longValue();
			long value = ((Number) row.get("value")).longValue();
			tally.add("assets/all", count, value);
			tally.add("category/" + row.get("category"), count, value);
			tally.add("type/" + row.get("type"), count, value);
			tally.add("status/" + row.get("status"), count, value);
			if (row.get("year") != null) {
				tally.add("year/" + row.get("year"), count, value);
			}
		});
		this.reads.rows(flows, parameters).forEach((row) -> add(tallies, row));
		return tallies;
	}

	/**
	 * Active pairings by program below {@code place}, per ancestor code of the given
	 * lengths ({@code place} itself among them when its length is listed).
	 */
	Map<String, Tally> pairings(String place, List<Integer> levels) {
		Map<String, Tally> tallies = new TreeMap<>();
		if (place.isEmpty() && levels.equals(List.of(0))) {
			this.reads.rows(COUNTRY_PAIRINGS, Map.of()).forEach((row) -> add(tallies, row));
			return tallies;
		}
		this.reads.rows(PAIRINGS, Map.of("place", place, "levels", levels)).forEach((row) -> add(tallies, row));
		return tallies;
	}

	/**
	 * Provinces in or below {@code place} that a program serves: the tally key of each
	 * ({@code western/partnered}, {@code western/unpartnered} for east-west cooperation,
	 * {@code counterpart/supported}, {@code counterpart/unsupported} for counterpart
	 * support), by code.
	 */
	Map<String, String> provinceCoverage(String place) {
		Map<String, String> provinces = new TreeMap<>();
		this.reads.rows(PROVINCES, Map.of("place", place)).forEach((row) -> {
			boolean partnered = (Boolean) row.get("partnered");
			String key = "EAST_WEST".equals(row.get("program"))
					? (partnered ? "western/partnered" : "western/unpartnered")
					: (partnered ? "counterpart/supported" : "counterpart/unsupported");
			provinces.put((String) row.get("code"), key);
		});
		return provinces;
	}

	/** Codes of the provinces, and of the counties below a province. */
	List<String> provinces() {
		return List
			.copyOf(this.neo4j.query("MATCH (p:Province) RETURN p.code ORDER BY p.code").fetchAs(String.class).all());
	}

	/**
	 * County codes below a province: the counties, and the county part of any asset's
	 * place code (an asset never lies outside a county, but a rollup must not miss one if
	 * it did).
	 */
	List<String> counties(String province) {
		return List.copyOf(this.neo4j.query("""
				CALL () {
				  MATCH (c:County) WHERE c.code STARTS WITH $place RETURN c.code AS code
				  UNION
				  MATCH (r:DashboardRollup) WHERE r.code STARTS WITH $place AND size(r.code) = 6 RETURN r.code AS code
				}
				RETURN code ORDER BY code""").bind(province).to("place").fetchAs(String.class).all());
	}

	/**
	 * Creates the rollup nodes that are missing and takes the write lock of each, in the
	 * order given. Every writer locks in one global order (longer codes first, then by
	 * code), so two writers never wait for each other in a cycle, and a writer reads the
	 * rows it sums only once it holds their parent.
	 */
	void lock(List<String> codes) {
		lockReturningRevisions(codes);
	}

	/**
	 * Like {@link #lock}, and answers each node's revision from before this lock (absent
	 * for a node it created): equal to {@link #revisions()} read earlier unless another
	 * transaction locked the node in between. The lock is taken by a write that reads
	 * nothing, and the revision read only then, so it is the last one committed.
	 */
	Map<String, Long> lockReturningRevisions(List<String> codes) {
		Map<String, Long> before = new HashMap<>();
		this.neo4j.query("""
				UNWIND $codes AS code
				MERGE (r:DashboardRollup {code: code})
				%s
				WITH r, r.revision AS before
				SET r.revision = coalesce(before, 0) + 1
				RETURN r.code AS code, before""".formatted(Locks.writeLock("r")))
			.bind(codes)
			.to("codes")
			.fetch()
			.all()
			.forEach((row) -> {
				if (row.get("before") != null) {
					before.put((String) row.get("code"), ((Number) row.get("before")).longValue());
				}
			});
		return before;
	}

	/** The revision of every rollup node that has one, by code. */
	Map<String, Long> revisions() {
		Map<String, Long> revisions = new HashMap<>();
		this.reads.rows("MATCH (r:DashboardRollup) RETURN r.code AS code, r.revision AS revision", Map.of())
			.forEach((row) -> {
				if (row.get("revision") != null) {
					revisions.put((String) row.get("code"), ((Number) row.get("revision")).longValue());
				}
			});
		return revisions;
	}

	/**
	 * Resamples every index and empties the query plan cache, so that the counting
	 * statements are planned against the graph as it is now. Indexes created on an empty
	 * store keep their empty samples until Neo4j resamples them in the background; a
	 * count planned before that can take several times as long.
	 */
	void replanAgainstPresentStatistics() {
		this.neo4j.query("CALL db.prepareForReplanning()").run();
	}

	/**
	 * Every code a rollup is kept for: the provinces, the counties and their prefectures
	 * (and the county part of any asset's place code, as {@link #counties}), and every
	 * code that has a rollup node already.
	 */
	List<String> rollupCodes() {
		return List.copyOf(this.neo4j.query("""
				CALL () {
				  MATCH (p:Province) RETURN p.code AS code
				  UNION
				  MATCH (c:County) RETURN c.code AS code
				  UNION
				  MATCH (c:County) RETURN left(c.code, 4) AS code
				  UNION
				  MATCH (r:DashboardRollup) RETURN r.code AS code
				}
				RETURN code ORDER BY code""").fetchAs(String.class).all());
	}

	/** Writes the summable tallies of rollup nodes (locked before). */
	void writeSummable(Map<String, Tally> tallies, Map<String, LocalDate> computedFor) {
		List<Map<String, Object>> rows = new ArrayList<>();
		tallies.forEach((code, tally) -> {
			Map<String, Object> row = new HashMap<>(tally.arrays());
			row.put("code", code);
			row.put("computedFor", computedFor.get(code));
			rows.add(row);
		});
		this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (r:DashboardRollup {code: row.code})
				SET r.keys = row.keys, r.counts = row.counts, r.values = row.values, r.computedFor = row.computedFor""")
			.bind(rows)
			.to("rows")
			.run();
	}

	/** Writes the pairing tallies of rollup nodes (locked before). */
	void writePairings(Map<String, Tally> tallies) {
		List<Map<String, Object>> rows = new ArrayList<>();
		tallies.forEach((code, tally) -> {
			Map<String, Object> row = new HashMap<>(tally.arrays());
			row.put("code", code);
			rows.add(row);
		});
		this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (r:DashboardRollup {code: row.code})
				SET r.pairingKeys = row.keys, r.pairingCounts = row.counts, r.pairingValues = row.values""")
			.bind(rows)
			.to("rows")
			.run();
	}

	/** The rollup nodes one level below {@code code} (country: provinces). */
	List<Row> children(String code, int childLength) {
		return this.reads.rows("""
				MATCH (r:DashboardRollup) WHERE r.code STARTS WITH $code AND size(r.code) = $childLength
				RETURN r {.*} AS r ORDER BY r.code""", Map.of("code", code, "childLength", childLength))
			.stream()
			.map((row) -> row(map(row.get("r"))))
			.toList();
	}

	/** The rollup nodes with these codes; codes without one are absent. */
	Map<String, Row> rows(Collection<String> codes) {
		Map<String, Row> rows = new TreeMap<>();
		this.reads.rows("""
				MATCH (r:DashboardRollup) WHERE r.code IN $codes
				RETURN r {.*} AS r""", Map.of("codes", List.copyOf(codes))).forEach((found) -> {
			Row row = row(map(found.get("r")));
			rows.put(row.code(), row);
		});
		return rows;
	}

	/** The place (absent for the country) with its rollup node, in one query. */
	Lookup lookup(String code) {
		Map<String, Object> found = this.reads.one("""
				OPTIONAL MATCH (p:Place {code: $code})
				OPTIONAL MATCH (r:DashboardRollup {code: $code})
				OPTIONAL MATCH (country:DashboardRollup {code: ''})
				RETURN p.name AS name, p IS NOT NULL AS exists, r {.*} AS r,
				       country.builtAt IS NOT NULL AS built""", Map.of("code", code)).orElseThrow();
		Object node = found.get("r");
		return new Lookup((Boolean) found.get("exists"), (String) found.get("name"),
				Optional.ofNullable((node != null) ? row(map(node)) : null), (Boolean) found.get("built"));
	}

	/**
	 * Whether a rebuild has counted everything once. Mutations on a store without rollups
	 * write rows too (so that a rebuild counting meanwhile sees they moved), but those
	 * hold only what the mutations changed.
	 */
	boolean built() {
		return this.neo4j.query("MATCH (r:DashboardRollup {code: ''}) RETURN count(r.builtAt) > 0")
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
	}

	/** Notes on the country's row that a rebuild has counted everything. */
	void markBuilt() {
		this.neo4j.query("MATCH (r:DashboardRollup {code: ''}) SET r.builtAt = datetime()").run();
	}

	/** Place codes a pairing's two ends sit at: the place, or an organisation's place. */
	List<String> pairingPlaces(String id) {
		return List.copyOf(this.neo4j.query("""
				MATCH (p:Pairing {id: $id}) UNWIND [p.helperPlace, p.recipientPlace] AS code
				WITH code WHERE code IS NOT NULL
				RETURN DISTINCT code""").bind(id).to("id").fetchAs(String.class).all());
	}

	/** The place code of each of the assets. */
	List<String> assetPlaces(Collection<String> registerNos) {
		return List.copyOf(this.neo4j.query("""
				MATCH (a:Asset) WHERE a.registerNo IN $registerNos AND a.placeCode IS NOT NULL
				RETURN DISTINCT a.placeCode""")
			.bind(List.copyOf(registerNos))
			.to("registerNos")
			.fetchAs(String.class)
			.all());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static Row row(Map<String, Object> p) {
		return new Row((String) p.get("code"), (LocalDate) p.get("computedFor"),
				Tally.of((List<?>) p.get("keys"), (List<?>) p.get("counts"), (List<?>) p.get("values")),
				Tally.of((List<?>) p.get("pairingKeys"), (List<?>) p.get("pairingCounts"),
						(List<?>) p.get("pairingValues")));
	}

	private static void add(Map<String, Tally> tallies, Map<String, Object> row) {
		tallies.computeIfAbsent((String) row.get("key"), (k) -> new Tally())
			.add((String) row.get("dim"), ((Number) row.get("count")).longValue(),
					((Number) row.get("value")).longValue());
	}

}
