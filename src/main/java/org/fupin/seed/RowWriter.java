package org.fupin.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.neo4j.core.Neo4jClient;

import org.fupin.graph.Graph;
import org.fupin.graph.NodeType;
import org.fupin.graph.Property;
import org.fupin.graph.RelationshipType;

/**
 * Writes flat rows (the columns of a seed file) as the graph declaration says: a node per
 * row merged on its natural key with its declared properties, and every relationship
 * whose two ends a row names (its own key, and the other end's key in the column the
 * relationship declares). Relationships with properties of their own come from rows of
 * their own ({@link #relationships}). A column the declaration does not know, or a value
 * not of its declared type, fails the load; so does a row that names a node that does not
 * exist, instead of being dropped silently. The seed, and the ledgers of records that
 * have no mutation of their own (projects, organisations, households), write through it,
 * inside their caller's transaction: by Cypher through the driver, or into a new embedded
 * store through the embedded Java API ({@link RowTarget}).
 */
public class RowWriter {

	private final RowTarget target;

	private final Graph graph;

	/** A writer that merges by Cypher in the caller's Spring transaction. */
	public RowWriter(Neo4jClient neo4j, Graph graph) {
		this(new CypherRowTarget(neo4j), graph);
	}

	RowWriter(RowTarget target, Graph graph) {
		this.target = target;
		this.graph = graph;
	}

	/**
	 * Merges one node of {@code type} (with the kind label {@code kind}, or none) per
	 * row, then the relationships the rows name.
	 */
	public void nodes(String file, NodeType type, String kind, List<Map<String, Object>> rows) {
		NodeType declared = this.graph.nodeNamed(type.label());
		List<RelationshipType> carried = this.graph.carriedBy(declared);
		Set<String> references = carried.stream().map((r) -> otherColumn(declared, r)).collect(Collectors.toSet());
		String key = declared.keyName();
		// Looked up once per column, not once per cell.
		Map<String, Optional<Property>> declaredColumns = new HashMap<>();
		boolean illustrative = this.graph.property(declared, "illustrative").isPresent();
		List<Map<String, Object>> batch = new ArrayList<>(rows.size());
		for (Map<String, Object> row : rows) {
			Map<String, Object> properties = new HashMap<>();
			row.forEach((column, value) -> {
				Property property = declaredColumns
					.computeIfAbsent(column, (name) -> this.graph.property(declared, name))
					.orElse(null);
				if (property == null) {
					if (!references.contains(column)) {
						throw new IllegalStateException(
								file + ": " + declared.label() + " has no declared property " + column);
					}
					return;
				}
				if (value != null && !property.type().accepts(value)) {
					throw new IllegalStateException(file + ": " + declared.label() + "." + column + " is "
							+ property.type() + ", not '" + value + "'");
				}
				if (!column.equals(key)) {
					properties.put(column, value);
				}
			});
			if (illustrative) {
				properties.putIfAbsent("illustrative", false);
			}
			batch.add(Map.of("key", row.get(key), "properties", properties));
		}
		this.target.nodes(declared, kind, batch);
		for (RelationshipType r : carried) {
			String column = otherColumn(declared, r);
			List<Map<String, Object>> linked = rows.stream().filter((row) -> row.get(column) != null).toList();
			if (!linked.isEmpty()) {
				matched(file, linked.size(), this.target.relationships(r, List.of(), linked), r.name());
			}
		}
	}

	/**
	 * Merges one relationship of {@code type} per row: its ends in the declared columns,
	 * every other column a declared property of the relationship.
	 */
	public void relationships(String file, RelationshipType type, List<Map<String, Object>> rows) {
		RelationshipType declared = this.graph.relationships()
			.stream()
			.filter((r) -> r.name().equals(type.name()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No relationship " + type.name()));
		Set<String> columns = new HashSet<>();
		List<Map<String, Object>> batch = new ArrayList<>(rows.size());
		for (Map<String, Object> row : rows) {
			Map<String, Object> properties = new LinkedHashMap<>();
			row.forEach((column, value) -> {
				if (column.equals(declared.fromColumn()) || column.equals(declared.toColumn())) {
					return;
				}
				Property property = declared.property(column)
					.orElseThrow(() -> new IllegalStateException(
							file + ": " + declared.name() + " has no declared property " + column));
				if (value != null && !property.type().accepts(value)) {
					throw new IllegalStateException(file + ": " + declared.name() + "." + column + " is "
							+ property.type() + ", not '" + value + "'");
				}
				columns.add(column);
				properties.put(column, value);
			});
			Map<String, Object> bound = new HashMap<>(row);
			bound.put("p", properties);
			batch.add(bound);
		}
		List<String> set = declared.properties().stream().map(Property::name).filter(columns::contains).toList();
		matched(file, batch.size(), this.target.relationships(declared, set, batch), declared.name());
	}

	/** The column of a row of {@code type} that names the other end of {@code r}. */
	private static String otherColumn(NodeType type, RelationshipType r) {
		boolean start = r.from().label().equals(type.label()) && r.fromColumn().equals(type.keyName());
		return start ? r.toColumn() : r.fromColumn();
	}

	/** Runs {@code statement} for each row; every row must match, or the load fails. */
	void run(String file, List<Map<String, Object>> rows, String statement) {
		matched(file, rows.size(), this.target.run(rows, statement), statement.lines().findFirst().orElse(""));
	}

	/** The first row of a statement's result (an empty map for none). */
	Map<String, Object> single(String statement, Map<String, Object> parameters) {
		return this.target.single(statement, parameters);
	}

	private static void matched(String file, long rows, long matched, String what) {
		if (matched != rows) {
			throw new IllegalStateException(file + ": " + (rows - matched) + " of " + rows
					+ " rows refer to nodes that do not exist (" + what + ")");
		}
	}

}
