package org.fupin.seed;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.fupin.graph.Model;
import org.fupin.graph.NodeType;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;

/** The seeded part of a store as text, to compare two stores by. */
final class SeededGraph {

	/**
	 * The labels a seeded node may carry first: one per id space, and the seed's marker.
	 */
	static final Set<String> LABELS = Model.GRAPH.nodes()
		.stream()
		.map(NodeType::idSpace)
		.collect(Collectors.toCollection(() -> new TreeSet<>(Set.of("SeedRun"))));

	private SeededGraph() {
	}

	/**
	 * Every seeded node and relationship as one line of text, sorted: labels, then
	 * properties with their Java types (but the time of loading); a relationship names
	 * its two ends by their lines.
	 */
	static List<String> lines(GraphDatabaseService database) {
		try (Transaction tx = database.beginTx()) {
			List<String> lines = new ArrayList<>();
			for (String label : LABELS) {
				tx.findNodes(Label.label(label)).forEachRemaining((node) -> {
					lines.add(node(node));
					for (Relationship r : node.getRelationships(Direction.OUTGOING)) {
						lines.add("(" + node(node) + ")-[" + r.getType().name() + " " + properties(r) + "]->("
								+ node(r.getEndNode()) + ")");
					}
				});
			}
			lines.sort(null);
			return lines;
		}
	}

	/** Deletes every seeded node with its relationships. */
	static void delete(GraphDatabaseService database) {
		database.executeTransactionally(
				"MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) "
						+ "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS",
				Map.of("labels", List.copyOf(LABELS)));
	}

	private static String node(Node node) {
		List<String> labels = new ArrayList<>();
		node.getLabels().forEach((label) -> labels.add(label.name()));
		labels.sort(null);
		return labels + " " + properties(node);
	}

	private static String properties(Entity entity) {
		Map<String, String> properties = new TreeMap<>();
		entity.getAllProperties().forEach((name, value) -> {
			if (!name.equals("loadedAt")) {
				properties.put(name, value.getClass().getSimpleName() + ":" + text(value));
			}
		});
		return properties.toString();
	}

	private static String text(Object value) {
		if (!value.getClass().isArray()) {
			return String.valueOf(value);
		}
		List<String> elements = new ArrayList<>();
		for (int i = 0; i < Array.getLength(value); i++) {
			elements.add(String.valueOf(Array.get(value, i)));
		}
		return elements.toString();
	}

}
