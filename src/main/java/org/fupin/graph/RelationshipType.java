package org.fupin.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A kind of relationship: its type, the node type it starts at, the node types it may end
 * at, and its properties.
 *
 * <p>
 * A flat row (a seed file, a ledger line) names the two ends by their natural keys in two
 * columns, {@code fromColumn} and {@code toColumn}; when the relationship is written with
 * the row of one of its ends, that end's column is its key.
 *
 * @param type the relationship type, e.g. {@code OWNED_BY}
 * @param from the start node's type
 * @param fromColumn the column of a flat row that holds the start node's key
 * @param to the types the end node may have; an id names one of them by its form
 * @param toColumn the column of a flat row that holds the end node's key
 * @param properties the relationship's properties
 * @param identity the properties that tell apart two relationships of this type between
 * the same two nodes (e.g. {@code validFrom} of an ownership period)
 * @param period the relationship's validity period, or null
 * @param note what the relationship means, when its name does not say it
 */
public record RelationshipType(String type, NodeType from, String fromColumn, List<NodeType> to, String toColumn,
		List<Property> properties, List<String> identity, Period period, String note) {

	public RelationshipType {
		to = List.copyOf(to);
		properties = List.copyOf(properties);
		identity = List.copyOf(identity);
		note = (note == null) ? "" : note;
		if (to.isEmpty()) {
			throw new IllegalArgumentException(type + " needs an end");
		}
	}

	/**
	 * A relationship from {@code from} (named in a row by {@code fromColumn}) to one of
	 * {@code to} (named by {@code toColumn}).
	 */
	public static RelationshipType of(NodeType from, String fromColumn, String type, String toColumn, NodeType... to) {
		return new RelationshipType(type, from, fromColumn, List.of(to), toColumn, List.of(), List.of(), null, "");
	}

	/** This relationship with one more property. */
	public RelationshipType with(String name, ValueType type) {
		return with(Property.of(name, type));
	}

	/** This relationship with one more property. */
	public RelationshipType with(Property property) {
		if (property(property.name()).isPresent()) {
			throw new IllegalArgumentException(this.type + " has a property " + property.name() + " already");
		}
		List<Property> more = new ArrayList<>(this.properties);
		more.add(property);
		return new RelationshipType(this.type, this.from, this.fromColumn, this.to, this.toColumn, more, this.identity,
				this.period, this.note);
	}

	/**
	 * This relationship with {@code properties} as part of its identity (merged on,
	 * besides its ends).
	 */
	public RelationshipType identifiedBy(String... properties) {
		return new RelationshipType(this.type, this.from, this.fromColumn, this.to, this.toColumn, this.properties,
				List.of(properties), this.period, this.note);
	}

	/** This relationship with a validity period over two of its properties. */
	public RelationshipType period(Period period) {
		return new RelationshipType(this.type, this.from, this.fromColumn, this.to, this.toColumn, this.properties,
				this.identity, period, this.note);
	}

	/** This relationship with a note. */
	public RelationshipType note(String note) {
		return new RelationshipType(this.type, this.from, this.fromColumn, this.to, this.toColumn, this.properties,
				this.identity, this.period, note);
	}

	/** A property by name. */
	public Optional<Property> property(String name) {
		return this.properties.stream().filter((property) -> property.name().equals(name)).findFirst();
	}

	/** A short name, e.g. {@code Asset-OWNED_BY->Organisation|Household}. */
	public String name() {
		return this.from.label() + "-" + this.type + "->"
				+ String.join("|", this.to.stream().map(NodeType::label).toList());
	}

	/**
	 * The declared end that a node of {@code type} is, e.g. {@code Place} for a
	 * {@code Village}; fails when it can be none of them.
	 */
	public NodeType endFor(NodeType type) {
		return this.to.stream()
			.filter(type::isA)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(name() + " cannot end at " + type.label()));
	}

	/**
	 * Cypher that binds {@code alias} to the end node whose key is {@code id}: one index
	 * seek per possible end type, at most one of which matches (their keys have distinct
	 * forms).
	 * @param imports the variables the subquery imports, e.g. {@code row}
	 */
	public String findEnd(String imports, String id, String alias) {
		return Lookups.byKey(this.to, imports, id, alias);
	}

}
