package org.fupin.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A graph declaration: node types and relationship types. {@link Model#GRAPH} is the
 * platform's; a test may extend it ({@link #with(NodeType)},
 * {@link #with(RelationshipType)}) and hand the result to a writer to see the writer
 * follow.
 *
 * @param nodes every node type, nodes a relationship needs before it
 * @param relationships every relationship type
 */
public record Graph(List<NodeType> nodes, List<RelationshipType> relationships) {

	public Graph {
		nodes = List.copyOf(nodes);
		relationships = List.copyOf(relationships);
		List<String> labels = nodes.stream().map(NodeType::label).toList();
		if (labels.stream().distinct().count() != labels.size()) {
			throw new IllegalArgumentException("Two node types have the same label: " + labels);
		}
		for (RelationshipType relationship : relationships) {
			if (!labels.contains(relationship.from().label())
					|| !relationship.to().stream().allMatch((end) -> labels.contains(end.label()))) {
				throw new IllegalArgumentException(relationship.name() + " links a node type not in the graph");
			}
		}
	}

	/** The node type with this (own) label. */
	public Optional<NodeType> node(String label) {
		return this.nodes.stream().filter((node) -> node.label().equals(label)).findFirst();
	}

	/** The node type with this label, or a failure naming it. */
	public NodeType nodeNamed(String label) {
		return node(label).orElseThrow(() -> new IllegalArgumentException("No node type " + label));
	}

	/**
	 * The declared relationship of {@code type} from a node of {@code from}'s type, e.g.
	 * {@code LOCATED_IN} from {@code Household}.
	 */
	public RelationshipType relationship(NodeType from, String type) {
		return this.relationships.stream()
			.filter((r) -> r.type().equals(type) && r.from().label().equals(from.label()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No " + type + " from " + from.label()));
	}

	/**
	 * The relationships a row of {@code type}'s own file names the other end of: those
	 * starting at the type whose start column is its key, and those ending at it whose
	 * end column is its key.
	 */
	public List<RelationshipType> carriedBy(NodeType type) {
		return this.relationships.stream().filter((r) -> carries(type, r)).toList();
	}

	/** Whether a row of {@code type} names both ends of {@code r}. */
	static boolean carries(NodeType type, RelationshipType r) {
		String key = type.keyName();
		boolean asStart = r.from().label().equals(type.label()) && r.fromColumn().equals(key);
		boolean asEnd = r.to().size() == 1 && r.to().get(0).label().equals(type.label()) && r.toColumn().equals(key);
		return asStart || asEnd;
	}

	/**
	 * The type of a property of {@code type} found by name on any node type of the graph
	 * it is, e.g. {@code Place.name} for a village.
	 */
	public Optional<Property> property(NodeType type, String name) {
		return this.nodes.stream()
			.filter(type::isA)
			.flatMap((node) -> node.property(name).stream())
			.findFirst()
			.or(() -> nodeNamed(type.label()).property(name));
	}

	/** This graph with {@code node} added, or in place of the type with its label. */
	public Graph with(NodeType node) {
		List<NodeType> more = new ArrayList<>(this.nodes);
		int at = more.stream().map(NodeType::label).toList().indexOf(node.label());
		if (at < 0) {
			more.add(node);
		}
		else {
			more.set(at, node);
		}
		List<RelationshipType> relinked = this.relationships.stream().map((r) -> relink(r, node)).toList();
		return new Graph(more, relinked);
	}

	/** This graph with one more relationship type. */
	public Graph with(RelationshipType relationship) {
		List<RelationshipType> more = new ArrayList<>(this.relationships);
		more.add(relationship);
		return new Graph(this.nodes, more);
	}

	/** This graph with one more property on the node type with {@code label}. */
	public Graph withProperty(String label, Property property) {
		return with(nodeNamed(label).with(property));
	}

	private static RelationshipType relink(RelationshipType r, NodeType node) {
		NodeType from = r.from().label().equals(node.label()) ? node : r.from();
		List<NodeType> to = r.to().stream().map((end) -> end.label().equals(node.label()) ? node : end).toList();
		return new RelationshipType(r.type(), from, r.fromColumn(), to, r.toColumn(), r.properties(), r.identity(),
				r.period(), r.note());
	}

}
