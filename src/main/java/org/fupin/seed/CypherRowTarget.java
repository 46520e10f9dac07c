package org.fupin.seed;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.neo4j.core.Neo4jClient;

import org.fupin.graph.NodeType;
import org.fupin.graph.RelationshipType;

/**
 * Rows merged by Cypher through the driver, in batches of {@value #BATCH} rows per
 * {@code UNWIND}, inside the caller's Spring transaction. Works against any store, the
 * embedded one or a server, whatever it holds already.
 */
final class CypherRowTarget implements RowTarget {

	private static final int BATCH = 5_000;

	private final Neo4jClient neo4j;

	CypherRowTarget(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	@Override
	public void nodes(NodeType type, String kind, List<Map<String, Object>> rows) {
		String labels = type.labelExpression() + ((kind != null) ? ":" + kind : "");
		run(rows, "MERGE (n:%s {%s: row.key}) SET n += row.properties".formatted(labels, type.keyName()));
	}

	@Override
	public long relationships(RelationshipType r, List<String> set, List<Map<String, Object>> rows) {
		return run(rows, link(r, set));
	}

	@Override
	public long run(List<Map<String, Object>> rows, String statement) {
		long matched = 0;
		for (int from = 0; from < rows.size(); from += BATCH) {
			List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
			matched += this.neo4j.query("UNWIND $rows AS row " + statement + " RETURN count(*)")
				.bind(batch)
				.to("rows")
				.fetchAs(Long.class)
				.one()
				.orElse(0L);
		}
		return matched;
	}

	@Override
	public Map<String, Object> single(String statement, Map<String, Object> parameters) {
		return this.neo4j.query(statement).bindAll(parameters).fetch().first().orElse(Map.of());
	}

	/**
	 * Cypher that merges {@code r} between the nodes a row names, setting {@code set}
	 * from the row's {@code p}.
	 */
	private static String link(RelationshipType r, List<String> set) {
		NodeType from = r.from();
		String end = (r.to().size() == 1) ? """
				WITH row, a
				MATCH (b:%s {%s: row.%s})""".formatted(r.to().get(0).label(), r.to().get(0).keyName(), r.toColumn())
				: r.findEnd("row", "row." + r.toColumn(), "b");
		String identity = r.identity()
			.stream()
			.map((property) -> property + ": row.p." + property)
			.collect(Collectors.joining(", "));
		String properties = set.stream()
			.filter((property) -> !r.identity().contains(property))
			.map((property) -> "r.%1$s = row.p.%1$s".formatted(property))
			.collect(Collectors.joining(", "));
		return """
				MATCH (a:%s {%s: row.%s})
				%s
				MERGE (a)-[r:%s%s]->(b)%s""".formatted(from.label(), from.keyName(), r.fromColumn(), end, r.type(),
				identity.isEmpty() ? "" : " {" + identity + "}", properties.isEmpty() ? "" : "\nSET " + properties);
	}

}
