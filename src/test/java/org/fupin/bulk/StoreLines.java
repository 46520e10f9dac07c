package org.fupin.bulk;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;

/**
 * A whole store as sorted lines that do not depend on internal ids: each node by its
 * labels and properties, each relationship by its type, the natural keys of its ends and
 * its properties; every value with its Java type, so a date stored as a string or a long
 * stored as a double shows. Equal lines, equal graphs. Nodes outside the model (markers,
 * migrations' own) are left out.
 */
final class StoreLines {

	private static final Map<String, String> KEY_BY_LABEL = new HashMap<>();

	static {
		GraphTable.ALL.values()
			.stream()
			.filter(GraphTable::isNode)
			.forEach((table) -> table.labels().forEach((label) -> KEY_BY_LABEL.put(label, table.key())));
	}

	private StoreLines() {
	}

	static List<String> of(DatabaseManagementService dbms) {
		List<String> lines = new ArrayList<>();
		try (Transaction tx = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).beginTx()) {
			for (Node node : tx.getAllNodes()) {
				if (key(node) != null) {
					TreeSet<String> labels = new TreeSet<>();
					node.getLabels().forEach((label) -> labels.add(label.name()));
					lines.add(labels + properties(node));
				}
			}
			for (Relationship relationship : tx.getAllRelationships()) {
				String from = key(relationship.getStartNode());
				String to = key(relationship.getEndNode());
				if (from != null && to != null) {
					lines.add(from + "-" + relationship.getType().name() + "->" + to + properties(relationship));
				}
			}
		}
		lines.sort(null);
		return lines;
	}

	/**
	 * The node's first keyed label in alphabetical order: the order a store returns
	 * labels in follows its label tokens, which two BULK writers create in a racy order.
	 */
	private static String key(Node node) {
		TreeSet<String> labels = new TreeSet<>();
		node.getLabels().forEach((label) -> labels.add(label.name()));
		for (String label : labels) {
			String key = KEY_BY_LABEL.get(label);
			if (key != null) {
				return label + ":" + node.getProperty(key);
			}
		}
		return null;
	}

	private static String properties(Entity entity) {
		Map<String, String> properties = new TreeMap<>();
		entity.getAllProperties().forEach((key, value) -> properties.put(key, render(value)));
		return properties.toString();
	}

	private static String render(Object value) {
		if (value.getClass().isArray()) {
			List<String> items = new ArrayList<>();
			for (int i = 0; i < Array.getLength(value); i++) {
				items.add(String.valueOf(Array.get(value, i)));
			}
			return value.getClass().getComponentType().getSimpleName() + items;
		}
		return value.getClass().getSimpleName() + ":" + value;
	}

}
