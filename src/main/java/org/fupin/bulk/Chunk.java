package org.fupin.bulk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one unit of loading: everything the generator makes for one county (or the
 * national skeleton, or one province's enterprises). A chunk is written in one
 * transaction, so it is either wholly in the store or not at all.
 */
public final class Chunk {

	private final String name;

	private final Map<GraphTable, List<Map<String, Object>>> tables = new LinkedHashMap<>();

	private long rows;

	/** An empty chunk, e.g. for rows of a ledger import to {@link BulkLoader#merge}. */
	public Chunk(String name) {
		this.name = name;
	}

	/** The chunk's name, e.g. {@code county/520204}. */
	public String name() {
		return this.name;
	}

	/** How many rows (nodes and relationships) the chunk holds. */
	public long rows() {
		return this.rows;
	}

	/** The rows by table, nodes first, in the order the tables are declared. */
	public Map<GraphTable, List<Map<String, Object>>> tables() {
		List<String> order;
		synchronized (GraphTable.ALL) {
			order = new ArrayList<>(GraphTable.ALL.keySet());
		}
		List<GraphTable> tables = new ArrayList<>(this.tables.keySet());
		tables.sort(Comparator.comparingInt((GraphTable table) -> order.indexOf(table.name())));
		Map<GraphTable, List<Map<String, Object>>> ordered = new LinkedHashMap<>();
		tables.forEach((table) -> ordered.put(table, this.tables.get(table)));
		return ordered;
	}

	/**
	 * Adds a node: its properties, the natural key among them, each declared for the
	 * table's type.
	 */
	public void node(GraphTable table, Map<String, Object> properties) {
		table.check(properties);
		add(table, properties);
	}

	/** Adds a relationship without properties between two nodes named by natural key. */
	public void rel(GraphTable table, String from, String to) {
		rel(table, from, to, Map.of());
	}

	/** Adds a relationship with properties between two nodes named by natural key. */
	public void rel(GraphTable table, String from, String to, Map<String, Object> properties) {
		table.check(properties);
		Map<String, Object> row = new LinkedHashMap<>(4);
		row.put("a", from);
		row.put("b", to);
		row.put("p", properties);
		add(table, row);
	}

	private void add(GraphTable table, Map<String, Object> row) {
		this.tables.computeIfAbsent(table, (key) -> new ArrayList<>()).add(row);
		this.rows++;
	}

	/** Properties in the given order, leaving out nulls (a missing property). */
	static Map<String, Object> props(Object... keysAndValues) {
		Map<String, Object> properties = new LinkedHashMap<>(keysAndValues.length);
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return properties;
	}

}
