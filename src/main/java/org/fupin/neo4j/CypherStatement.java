package org.fupin.neo4j;

import java.util.Map;

/**
 * A Cypher text with its parameters, handed from the feature that knows how a filter
 * selects its nodes to a reader that runs it (the ledger export streams it row by row).
 *
 * @param text Cypher made of fixed fragments only; every value is in {@code parameters}
 * @param parameters the values the text names
 */
public record CypherStatement(String text, Map<String, Object> parameters) {

	public CypherStatement {
		parameters = Map.copyOf(parameters);
	}

}
