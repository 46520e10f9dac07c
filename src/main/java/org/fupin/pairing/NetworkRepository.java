package org.fupin.pairing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graph.Model;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Cypher of network exploration: one level of pairings around a set of parties, and
 * shortest paths. A party is found by id as a pairing's helper or recipient may be one
 * ({@link Model#HELPER}).
 */
@Repository
class NetworkRepository {

	private static final String END = """
			{id: coalesce(%1$s.code, %1$s.creditCode), name: %1$s.name,
			 kind: CASE WHEN %1$s:Organisation THEN %1$s.kind ELSE %1$s.region END}""";

	private final Neo4jClient neo4j;

	NetworkRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * The pairings touching any of {@code ids}, in id order, at most {@code limit}: each
	 * row holds the pairing ({@code edge}) and its two ends ({@code source},
	 * {@code target}).
	 */
	List<Map<String, Object>> level(Collection<String> ids, List<String> programs, int limit) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("ids", List.copyOf(ids));
		parameters.put("programs", programs);
		parameters.put("limit", limit);
		return List
			.copyOf(this.neo4j
				.query("""
						UNWIND $ids AS id
						%s
						MATCH (n)<-[:HELPER|RECIPIENT]-(p:Pairing)
						WHERE $programs IS NULL OR p.program IN $programs
						WITH DISTINCT p
						MATCH (p)-[:HELPER]->(h), (p)-[:RECIPIENT]->(r)
						RETURN p {.id, .program, .kind, .status, .startDate, .endDate} AS edge, %s AS source, %s AS target
						ORDER BY p.id
						LIMIT $limit"""
					.formatted(Model.HELPER.findEnd("id", "id", "n"), END.formatted("h"), END.formatted("r")))
				.bindAll(parameters)
				.fetch()
				.all());
	}

	/** Names and kinds of parties by id. */
	Map<String, Map<String, Object>> parties(Collection<String> ids) {
		Map<String, Map<String, Object>> parties = new HashMap<>();
		this.neo4j.query("""
				UNWIND $ids AS id
				%s
				RETURN %s AS party""".formatted(Model.HELPER.findEnd("id", "id", "n"), END.formatted("n")))
			.bind(List.copyOf(ids))
			.to("ids")
			.fetch()
			.all()
			.forEach((row) -> {
				Map<String, Object> party = PairingRepository.map(row.get("party"));
				parties.put((String) party.get("id"), party);
			});
		return parties;
	}

	/**
	 * Up to 10 shortest paths between two parties over pairings ({@code HELPER},
	 * {@code RECIPIENT}, {@code UNDER}), the place tree ({@code PART_OF}) and
	 * registration ({@code LOCATED_IN}), through places, organisations and pairings only.
	 * @param maxLength 1-8, checked by the caller (a bound of a variable-length pattern
	 * cannot be a parameter)
	 */
	List<Map<String, Object>> shortestPaths(String fromId, String toId, int maxLength) {
		if (maxLength < 1 || maxLength > 8) {
			throw new IllegalArgumentException("maxLength out of range: " + maxLength);
		}
		String cypher = """
				%s
				%s
				MATCH path = allShortestPaths((a)-[:HELPER|RECIPIENT|UNDER|PART_OF|LOCATED_IN*..%d]-(b))
				WHERE all(n IN nodes(path) WHERE n:Place OR n:Organisation OR n:Pairing)
				WITH path LIMIT 10
				RETURN [n IN nodes(path) | {id: coalesce(n.code, n.creditCode, n.id), name: n.name,
				         type: CASE WHEN n:Pairing THEN 'Pairing' WHEN n:Organisation THEN 'Organisation' ELSE 'Place' END,
				         program: n.program, startDate: n.startDate}] AS nodes,
				       [r IN relationships(path) | {type: type(r),
				         from: coalesce(startNode(r).code, startNode(r).creditCode, startNode(r).id),
				         to: coalesce(endNode(r).code, endNode(r).creditCode, endNode(r).id)}] AS rels
				"""
			.formatted(Model.HELPER.findEnd("", "$from", "a"), Model.HELPER.findEnd("", "$to", "b"), maxLength);
		return List.copyOf(this.neo4j.query(cypher).bindAll(Map.of("from", fromId, "to", toId)).fetch().all());
	}

}
