package org.fupin.pairing;

import java.util.HashMap;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;

/** What the pairing mutation tests read back from the change history. */
final class PairingChangeEvents {

	private PairingChangeEvents() {
	}

	/** The latest change event of a pairing, and how many it has ({@code events}). */
	static Map<String, Object> latest(Neo4jClient neo4j, String pairingId) {
		return neo4j.query("""
				MATCH (e:ChangeEvent)-[:CHANGED]->(:Pairing {id: $id})
				WITH e ORDER BY e.at DESC
				WITH collect(e) AS events
				WITH events[0] AS e, size(events) AS count
				RETURN {operation: e.operation, actor: e.actor, subjectType: e.subjectType, subjectId: e.subjectId,
				        before: e.before, after: e.after, events: count} AS event""")
			.bind(pairingId)
			.to("id")
			.fetchAs(Map.class)
			.mappedBy((type, record) -> record.get("event").asMap())
			.one()
			.map((m) -> {
				Map<String, Object> copy = new HashMap<>();
				m.forEach((k, v) -> copy.put((String) k, v));
				return copy;
			})
			.orElseThrow();
	}

}
