package org.fupin.seed;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

import org.fupin.graph.NodeType;
import org.fupin.graph.Property;
import org.fupin.graph.ValueType;

/**
 * Rows written through the embedded database's Java API inside one of its transactions,
 * into a store that holds no node of a declared type yet: nothing to plan and nothing
 * sent over Bolt. The semantics are those of {@link CypherRowTarget}'s {@code MERGE} on
 * such a store: every node a row can name is one this target wrote, so a node is found by
 * its key among them and created when there is none, and a relationship is found by its
 * ends, type and identity properties among those written here. Values are stored as the
 * driver would store them: whole numbers as 64-bit, lists as arrays.
 */
final class EmbeddedRowTarget implements RowTarget {

	private final Transaction tx;

	/**
	 * The nodes written here by label, key and value, e.g. {@code [Place, code, 520204]}:
	 * the value itself, so that a text and a number never name the same node, as they do
	 * not for Cypher.
	 */
	private final Map<List<Object>, Node> nodes = new HashMap<>();

	/** The relationships merged here by ends, type and identity. */
	private final Map<List<Object>, Relationship> relationships = new HashMap<>();

	EmbeddedRowTarget(Transaction tx) {
		this.tx = tx;
	}

	@Override
	public void nodes(NodeType type, String kind, List<Map<String, Object>> rows) {
		List<String> names = new ArrayList<>(type.labels());
		if (kind != null) {
			names.add(kind);
		}
		Label[] labels = names.stream().map(Label::label).toArray(Label[]::new);
		String key = type.keyName();
		for (Map<String, Object> row : rows) {
			Object value = stored(row.get("key"));
			if (value == null) {
				// As Cypher refuses to merge a node on a null key.
				throw new IllegalStateException("Cannot merge a " + type.label() + " without its " + key);
			}
			Node node = find(type, value);
			if (node == null || !names.stream().allMatch((name) -> hasLabel(node, name))) {
				Node created = this.tx.createNode(labels);
				created.setProperty(key, value);
				names.forEach((name) -> this.nodes.put(List.of(name, key, value), created));
				set(type, created, row.get("properties"));
			}
			else {
				set(type, node, row.get("properties"));
			}
		}
	}

	@Override
	public long relationships(org.fupin.graph.RelationshipType r, List<String> set, List<Map<String, Object>> rows) {
		RelationshipType type = RelationshipType.withName(r.type());
		long matched = 0;
		for (Map<String, Object> row : rows) {
			Node from = find(r.from(), stored(row.get(r.fromColumn())));
			Node to = null;
			for (NodeType end : r.to()) {
				to = (to != null) ? to : find(end, stored(row.get(r.toColumn())));
			}
			if (from == null || to == null) {
				continue;
			}
			matched++;
			Map<?, ?> properties = (Map<?, ?>) row.getOrDefault("p", Map.of());
			List<Object> identity = new ArrayList<>(List.of(from.getElementId(), to.getElementId(), r.type()));
			for (String name : r.identity()) {
				Object value = properties.get(name);
				if (value == null) {
					throw new IllegalStateException("Cannot merge " + r.name() + " with a null " + name);
				}
				identity.add(stored(value));
			}
			Relationship relationship = this.relationships.get(identity);
			if (relationship == null) {
				relationship = from.createRelationshipTo(to, type);
				for (int i = 0; i < r.identity().size(); i++) {
					relationship.setProperty(r.identity().get(i), identity.get(3 + i));
				}
			}
			this.relationships.put(identity, relationship);
			for (String name : set) {
				if (!r.identity().contains(name)) {
					setOrRemove(relationship, name, properties.get(name), r.property(name));
				}
			}
		}
		return matched;
	}

	@Override
	public long run(List<Map<String, Object>> rows, String statement) {
		try (Result result = this.tx.execute("UNWIND $rows AS row " + statement + " RETURN count(*) AS matched",
				Map.of("rows", rows))) {
			return (Long) result.next().get("matched");
		}
	}

	@Override
	public Map<String, Object> single(String statement, Map<String, Object> parameters) {
		try (Result result = this.tx.execute(statement, parameters)) {
			return result.hasNext() ? result.next() : Map.of();
		}
	}

	/** The node of {@code type} written here whose key is {@code value}, or null. */
	private Node find(NodeType type, Object value) {
		return (value != null) ? this.nodes.get(List.of(type.label(), type.keyName(), value)) : null;
	}

	private static boolean hasLabel(Node node, String name) {
		return node.hasLabel(Label.label(name));
	}

	private static void set(NodeType type, Node node, Object properties) {
		((Map<?, ?>) properties)
			.forEach((name, value) -> setOrRemove(node, (String) name, value, type.property((String) name)));
	}

	/**
	 * Cypher's {@code SET x.name = value}: a null removes the property. A list is stored
	 * as an array of its declared element type, so that an empty one is typed too.
	 */
	private static void setOrRemove(org.neo4j.graphdb.Entity entity, String name, Object value,
			Optional<Property> declared) {
		if (value == null) {
			entity.removeProperty(name);
		}
		else if (value instanceof List<?> list && declared.map(Property::type).orElse(null) == ValueType.INTEGER_LIST) {
			entity.setProperty(name, longs(list));
		}
		else {
			entity.setProperty(name, stored(value));
		}
	}

	/**
	 * A value as the driver would store it: whole numbers as {@code long}, lists as
	 * arrays of their elements' type.
	 */
	static Object stored(Object value) {
		if (value instanceof Integer number) {
			return number.longValue();
		}
		if (value instanceof List<?> list) {
			if (list.isEmpty() || list.get(0) instanceof String) {
				return list.toArray(String[]::new);
			}
			if (list.get(0) instanceof Number) {
				return longs(list);
			}
			Object array = Array.newInstance(list.get(0).getClass(), list.size());
			for (int i = 0; i < list.size(); i++) {
				Array.set(array, i, list.get(i));
			}
			return array;
		}
		return value;
	}

	private static long[] longs(List<?> numbers) {
		return numbers.stream().mapToLong((element) -> ((Number) element).longValue()).toArray();
	}

}
