package org.fupin.seed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.money.Money;
import org.fupin.pairing.PairingIndicator;

import org.fupin.graph.Model;

/**
 * Loads the yearly results of pairings ({@code seed/results/}): illustrative figures of
 * illustrative pairings, moved by the same whole years as the illustrative history, and
 * the several kinds of help of some 万企兴万村 links. Kept apart from the rest of the seed so
 * that describing the graph's other nodes does not touch it. The figures are written as
 * the graph declaration says ({@link RowWriter}); a row naming no pairing fails the load.
 */
final class PairingResultsSeed {

	static final String RESULTS = "results/pairing_results.csv";

	static final String KINDS = "results/enterprise_link_kinds.csv";

	static final List<String> FILES = List.of(RESULTS, KINDS);

	private final RowWriter writer;

	PairingResultsSeed(RowWriter writer) {
		this.writer = writer;
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
			figure.put("illustrative", true);
			figures.add(figure);
		}
		this.writer.nodes(RESULTS, Model.PAIRING_RESULT, null, figures);
		List<Map<String, Object>> kinds = data.getOrDefault(KINDS, List.of())
			.stream()
			.map((row) -> Map.<String, Object>of("pairingId", row.get("pairingId"), "kinds",
					Arrays.asList(((String) row.get("kinds")).split("\\|"))))
			.toList();
		this.writer.run(KINDS, kinds, """
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

}
