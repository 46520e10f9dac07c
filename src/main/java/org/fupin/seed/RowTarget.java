package org.fupin.seed;

import java.util.List;
import java.util.Map;

import org.fupin.graph.NodeType;
import org.fupin.graph.RelationshipType;

/**
 * Where {@link RowWriter} puts the rows it has checked against the declaration: merged by
 * Cypher through the driver ({@link CypherRowTarget}), or, into a new embedded store,
 * through the embedded database's Java API ({@link EmbeddedRowTarget}). Both write the
 * same graph from the same rows; each works inside one transaction its caller owns.
 */
interface RowTarget {

	/**
	 * Merges one node of {@code type} (with the kind label {@code kind}, or none) per row
	 * on its key, and sets the row's properties.
	 * @param rows {@code {key: value, properties: {...}}}
	 */
	void nodes(NodeType type, String kind, List<Map<String, Object>> rows);

	/**
	 * Merges {@code r} between the two nodes each row names (in {@code r}'s columns), on
	 * its identity properties, and sets {@code set} from the row's {@code p}.
	 * @return how many rows named two existing nodes
	 */
	long relationships(RelationshipType r, List<String> set, List<Map<String, Object>> rows);

	/**
	 * Runs {@code statement} once per row, the row bound to {@code row}.
	 * @return how many rows the statement matched
	 */
	long run(List<Map<String, Object>> rows, String statement);

	/** The first row of a statement's result, or an empty map. */
	Map<String, Object> single(String statement, Map<String, Object> parameters);

}
