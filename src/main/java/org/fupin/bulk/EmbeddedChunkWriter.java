package org.fupin.bulk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * Writes a chunk through the embedded database's Java API instead of Cypher over Bolt: no
 * query planning, no serialisation, and a relationship to a node of the same chunk needs
 * no index lookup at all. Same transaction boundaries and the same chunk marker as the
 * Cypher path, so the result and the restart guarantee are the same. Only available when
 * the platform runs its embedded Neo4j.
 */
final class EmbeddedChunkWriter {

	private static final Label BULK_LOAD = Label.label("BulkLoad");

	private final GraphDatabaseService database;

	// Shared by the parallel writers (app.bulk.writers), each writing its own chunk.
	private final Map<String, Label> labels = new ConcurrentHashMap<>();

	private final Map<String, RelationshipType> types = new ConcurrentHashMap<>();

	EmbeddedChunkWriter(DatabaseManagementService dbms) {
		this.database = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
	}

	/** Writes every row and the chunk marker in one transaction. */
	void write(Chunk chunk, boolean killHalfWay) {
		try (Transaction tx = this.database.beginTx()) {
			// Nodes of this chunk by natural key ("code=520204"): relationships find them
			// here.
			Map<String, Node> created = new HashMap<>();
			boolean first = true;
			for (Map.Entry<GraphTable, List<Map<String, Object>>> entry : chunk.tables().entrySet()) {
				GraphTable table = entry.getKey();
				if (table.isNode()) {
					Label[] nodeLabels = table.labels().stream().map(this::label).toArray(Label[]::new);
					for (Map<String, Object> row : entry.getValue()) {
						Node node = tx.createNode(nodeLabels);
						row.forEach(node::setProperty);
						created.put(table.key() + "=" + row.get(table.key()), node);
					}
				}
				else {
					RelationshipType type = this.types.computeIfAbsent(table.type(), RelationshipType::withName);
					for (Map<String, Object> row : entry.getValue()) {
						Node from = find(tx, created, table.from(), (String) row.get("a"), chunk, table);
						Node to = find(tx, created, table.to(), (String) row.get("b"), chunk, table);
						Relationship relationship = from.createRelationshipTo(to, type);
						@SuppressWarnings("unchecked")
						Map<String, Object> properties = (Map<String, Object>) row.get("p");
						properties.forEach(relationship::setProperty);
					}
				}
				if (killHalfWay && first) {
					throw new BulkLoader.SimulatedKill(chunk.name());
				}
				first = false;
			}
			Node marker = tx.createNode(BULK_LOAD);
			marker.setProperty("chunk", chunk.name());
			marker.setProperty("rows", chunk.rows());
			tx.commit();
		}
	}

	private Node find(Transaction tx, Map<String, Node> created, String labelAndKey, String value, Chunk chunk,
			GraphTable table) {
		int dot = labelAndKey.indexOf('.');
		String key = labelAndKey.substring(dot + 1);
		Label label = label(labelAndKey.substring(0, dot));
		Node node = created.get(key + "=" + value);
		if (node == null || !node.hasLabel(label)) {
			node = tx.findNode(label, key, value);
		}
		if (node == null) {
			throw new IllegalStateException(
					"Chunk " + chunk.name() + ", table " + table.name() + ": no " + labelAndKey + " " + value);
		}
		return node;
	}

	private Label label(String name) {
		return this.labels.computeIfAbsent(name, Label::label);
	}

}
