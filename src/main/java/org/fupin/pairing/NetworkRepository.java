package org.fupin.pairing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fupin.graph.Model;
import org.fupin.neo4j.SingleStatementReads;

import org.springframework.stereotype.Repository;

/**
 * Cypher of network exploration, one statement per question: the pairings around a party,
 * level by level under caps, and the shortest paths between two parties. A party is found
 * by id as a pairing's helper or recipient may be one ({@link Model#HELPER}).
 */
@Repository
class NetworkRepository {

	private static final String END = """
			{id: coalesce(%1$s.code, %1$s.creditCode), name: %1$s.name,
			 kind: CASE WHEN %1$s:Organisation THEN %1$s.kind ELSE %1$s.region END}""";

	/**
	 * One level of {@link #network}: reads the pairings around the parties the level
	 * before added (those one step nearer), admits them. {@code ids} and {@code edgeIds}
	 * are what the admission looks up; the rest is the answer.
	 */
	private static final String LEVEL = """
			CALL (s) {
			  UNWIND [held IN s.nodes WHERE held.distance = %4$d - 1 | held.id] AS id
			  %1$s
			  MATCH (n)<-[:HELPER|RECIPIENT]-(p:Pairing)
			  WHERE $programs IS NULL OR p.program IN $programs
			  WITH DISTINCT p
			  MATCH (p)-[:HELPER]->(h), (p)-[:RECIPIENT]->(r)
			  WITH p, h, r ORDER BY p.id LIMIT $limit
			  RETURN collect({edge: p {.id, .program, .kind, .status, .startDate, .endDate},
			                  source: %2$s, target: %3$s}) AS rows
			}
			WITH reduce(t = s, row IN rows |
			  CASE
			    WHEN row.edge.id IN t.edgeIds THEN t
			    WHEN size(t.ids) + size([e IN [row.source, row.target] WHERE NOT e.id IN t.ids]) > $maxNodes
			         OR size(t.edgeIds) >= $maxEdges THEN t {.*, truncated: true}
			    ELSE t {.*,
			      ids: t.ids + [e IN [row.source, row.target] WHERE NOT e.id IN t.ids | e.id],
			      nodes: t.nodes + [e IN [row.source, row.target] WHERE NOT e.id IN t.ids | e {.*, distance: %4$d}],
			      edgeIds: t.edgeIds + row.edge.id,
			      edges: t.edges + row}
			  END) AS s
			""";

	private final SingleStatementReads reads;

	NetworkRepository(SingleStatementReads reads) {
		this.reads = reads;
	}

	/**
	 * The network around {@code rootId} in one statement, or no row when nothing has that
	 * id. Level by level up to {@code depth}, the pairings touching the last level's new
	 * parties are read in id order, at most {@code maxEdges + 1} per level, and admitted
	 * one by one: a pairing already held is skipped; one that would bring the network
	 * above {@code maxNodes} parties or {@code maxEdges} pairings is left out and marks
	 * the network truncated; otherwise it is added with those of its ends not yet held,
	 * which make the next level. The admission is a {@code reduce} between the levels,
	 * because which parties a level admits decides what the next one reads.
	 * @return {@code nodes} (each end with its {@code distance}), {@code edges} (each
	 * {@code edge}, {@code source}, {@code target}) and {@code truncated}
	 */
	Optional<Map<String, Object>> network(String rootId, int depth, List<String> programs, int maxNodes, int maxEdges) {
		StringBuilder cypher = new StringBuilder(Model.HELPER.findEnd("", "$root", "n")).append("""

				WITH %s AS root
				WITH {ids: [root.id], nodes: [root {.*, distance: 0}], edgeIds: [], edges: [], truncated: false} AS s
				""".formatted(END.formatted("n")));
		for (int distance = 1; distance <= depth; distance++) {
			cypher.append(LEVEL.formatted(Model.HELPER.findEnd("id", "id", "n"), END.formatted("h"), END.formatted("r"),
					distance));
		}
		cypher.append("RETURN s.nodes AS nodes, s.edges AS edges, s.truncated AS truncated");
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("root", rootId);
		parameters.put("programs", programs);
		parameters.put("maxNodes", maxNodes);
		parameters.put("maxEdges", maxEdges);
		parameters.put("limit", maxEdges + 1);
		return this.reads.rows(cypher.toString(), parameters).stream().findFirst();
	}

	/**
	 * Up to 10 shortest paths between two parties over pairings ({@code HELPER},
	 * {@code RECIPIENT}, {@code UNDER}), the place tree ({@code PART_OF}) and
	 * registration ({@code LOCATED_IN}), through places, organisations and pairings only,
	 * in one statement with the look-up of both ends: {@code fromFound} and
	 * {@code toFound} say whether each exists; no path is searched unless both do and
	 * differ.
	 * @param maxLength 1-8, checked by the caller (a bound of a variable-length pattern
	 * cannot be a parameter)
	 * @return {@code fromFound}, {@code toFound} and {@code paths}, each path its
	 * {@code nodes} and {@code rels}
	 */
	Map<String, Object> shortestPaths(String fromId, String toId, int maxLength) {
		if (maxLength < 1 || maxLength > 8) {
			throw new IllegalArgumentException("maxLength out of range: " + maxLength);
		}
		String cypher = """
				CALL () {
				  %s
				  RETURN collect(a)[0] AS a
				}
				CALL () {
				  %s
				  RETURN collect(b)[0] AS b
				}
				CALL (a, b) {
				  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
				  MATCH path = allShortestPaths((a)-[:HELPER|RECIPIENT|UNDER|PART_OF|LOCATED_IN*..%d]-(b))
				  WHERE all(n IN nodes(path) WHERE n:Place OR n:Organisation OR n:Pairing)
				  WITH path LIMIT 10
				  RETURN collect({
				    nodes: [n IN nodes(path) | {id: coalesce(n.code, n.creditCode, n.id), name: n.name,
				            type: CASE WHEN n:Pairing THEN 'Pairing' WHEN n:Organisation THEN 'Organisation' ELSE 'Place' END,
				            program: n.program, startDate: n.startDate}],
				    rels: [r IN relationships(path) | {type: type(r),
				            from: coalesce(startNode(r).code, startNode(r).creditCode, startNode(r).id),
				            to: coalesce(endNode(r).code, endNode(r).creditCode, endNode(r).id)}]}) AS paths
				}
				RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths
				"""
			.formatted(Model.HELPER.findEnd("", "$from", "a"), Model.HELPER.findEnd("", "$to", "b"), maxLength);
		return this.reads.rows(cypher, Map.of("from", fromId, "to", toId)).iterator().next();
	}

}
