package org.fupin.seed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.money.Money;
import org.fupin.pairing.PairingIndicator;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Loads the yearly results of pairings ({@code seed/results/}): illustrative figures of
 * illustrative pairings, moved by the same whole years as the illustrative history, and
 * the several kinds of help of some 万企兴万村 links. Kept apart from the rest of the seed so
 * that describing the graph's other nodes does not touch it.
 */
final class PairingResultsSeed {

	static final String RESULTS = "results/pairing_results.csv";

	static final String KINDS = "results/enterprise_link_kinds.csv";

	static final List<String> FILES = List.of(RESULTS, KINDS);

	private final Neo4jClient neo4j;

	PairingResultsSeed(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * Writes the figures and kinds; every row must name an existing pairing (and, for
	 * kinds, start with its kind), or the load fails.
	 * @param shift the whole years the illustrative history moves by
	 */
	void load(Map<String, List<Map<String, Object>>> data, int shift) {
		List<Map<String, Object>> figures = new ArrayList<>();
		for (Map<String, Object> row : data.getOrDefault(RESULTS, List.of())) {
			Map<String, Object> figure = new HashMap<>(row);
			SeedLoader.shift(figure, shift);
			PairingIndicator indicator = PairingIndicator.valueOf((String) figure.get("indicator"));
			figure.put("target", value(indicator, (String) row.get("target")));
			figure.put("actual", value(indicator, (String) row.get("actual")));
			figure.put("id", figure.get("pairingId") + "/" + figure.get("year") + "/" + indicator.name());
			figures.add(figure);
		}
		run(RESULTS, figures, """
				MATCH (p:Pairing {id: row.pairingId})
				MERGE (r:PairingResult {id: row.id})
				SET r.pairingId = row.pairingId, r.year = row.year, r.indicator = row.indicator,
				    r.target = row.target, r.actual = row.actual, r.source = row.source, r.illustrative = true
				MERGE (r)-[:RESULT_OF]->(p)""");
		List<Map<String, Object>> kinds = data.getOrDefault(KINDS, List.of())
			.stream()
			.map((row) -> Map.<String, Object>of("pairingId", row.get("pairingId"), "kinds",
					Arrays.asList(((String) row.get("kinds")).split("\\|"))))
			.toList();
		run(KINDS, kinds, """
				MATCH (p:Pairing {id: row.pairingId}) WHERE p.kind = row.kinds[0]
				SET p.kinds = row.kinds""");
	}

	/** Yuan with two decimals become fen; persons and counts stay whole numbers. */
	private static Long value(PairingIndicator indicator, String text) {
		if (text == null) {
			return null;
		}
		return indicator.unit().money() ? Money.parse(text).fen() : Long.valueOf(text);
	}

	private void run(String file, List<Map<String, Object>> rows, String statement) {
		long matched = this.neo4j.query("UNWIND $rows AS row " + statement + " RETURN count(*)")
			.bind(rows)
			.to("rows")
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		if (matched != rows.size()) {
			throw new IllegalStateException("Seed file " + file + ": " + (rows.size() - matched) + " of " + rows.size()
					+ " rows name no pairing (or not its primary kind)");
		}
	}

}
