package org.fupin.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A kind of node: its labels, its natural key and its properties.
 *
 * @param labels every label a node of this type carries, the most general first (e.g.
 * {@code Place, County}); the first names the key's id space, the last names the type
 * @param key the natural key property (each of {@code labels} has a uniqueness constraint
 * on it), or null for a node that is never looked up by a key of its own
 * @param properties every property but the key, in the order documents show them
 * @param kinds labels one of which a node may carry besides {@code labels}, chosen by its
 * {@code kind} (e.g. {@code Enterprise} on an {@code Organisation})
 * @param period the node's validity period, or null
 * @param note what the type is, when its name does not say it
 */
public record NodeType(List<String> labels, Property key, List<Property> properties, List<String> kinds, Period period,
		String note) {

	public NodeType {
		labels = List.copyOf(labels);
		properties = List.copyOf(properties);
		kinds = List.copyOf(kinds);
		note = (note == null) ? "" : note;
		if (labels.isEmpty()) {
			throw new IllegalArgumentException("A node type needs a label");
		}
	}

	/** A node type with these labels, the most general first, and nothing else yet. */
	public static NodeType of(String... labels) {
		return new NodeType(List.of(labels), null, List.of(), List.of(), null, "");
	}

	/** The type's own label, e.g. {@code County}. */
	public String label() {
		return this.labels.get(this.labels.size() - 1);
	}

	/**
	 * The label whose key values form one id space, e.g. {@code Place} for every level.
	 */
	public String idSpace() {
		return this.labels.get(0);
	}

	/** The name of the key property, or null. */
	public String keyName() {
		return (this.key != null) ? this.key.name() : null;
	}

	/** Whether a node of this type is one of {@code other} (carries all its labels). */
	public boolean isA(NodeType other) {
		return this.labels.containsAll(other.labels);
	}

	/** The key and every other property. */
	public List<Property> allProperties() {
		List<Property> all = new ArrayList<>();
		if (this.key != null) {
			all.add(this.key);
		}
		all.addAll(this.properties);
		return all;
	}

	/** The key or a property by name. */
	public Optional<Property> property(String name) {
		return allProperties().stream().filter((property) -> property.name().equals(name)).findFirst();
	}

	/** This type with {@code name} of {@code type} as its natural key. */
	public NodeType key(String name, ValueType type, String note) {
		return new NodeType(this.labels, new Property(name, type, note), this.properties, this.kinds, this.period,
				this.note);
	}

	/** This type with one more property. */
	public NodeType with(Property property) {
		if (property(property.name()).isPresent()) {
			throw new IllegalArgumentException(label() + " has a property " + property.name() + " already");
		}
		List<Property> more = new ArrayList<>(this.properties);
		more.add(property);
		return new NodeType(this.labels, this.key, more, this.kinds, this.period, this.note);
	}

	/** This type with one more property. */
	public NodeType with(String name, ValueType type) {
		return with(Property.of(name, type));
	}

	/** This type with one more property and its note. */
	public NodeType with(String name, ValueType type, String note) {
		return with(new Property(name, type, note));
	}

	/**
	 * The kind label of a {@code kind} value, e.g. {@code GovernmentDepartment} for
	 * {@code GOVERNMENT_DEPARTMENT}, or {@code null} when none of this type's kinds is
	 * it.
	 */
	public String kindLabel(String kind) {
		return this.kinds.stream()
			.filter((label) -> label.replaceAll("([a-z])([A-Z])", "$1_$2")
				.toUpperCase(java.util.Locale.ROOT)
				.equals(kind))
			.findFirst()
			.orElse(null);
	}

	/** This type with kind labels. */
	public NodeType kinds(String... kinds) {
		return new NodeType(this.labels, this.key, this.properties, List.of(kinds), this.period, this.note);
	}

	/** This type with a validity period over two of its properties. */
	public NodeType period(Period period) {
		return new NodeType(this.labels, this.key, this.properties, this.kinds, period, this.note);
	}

	/** This type with a note. */
	public NodeType note(String note) {
		return new NodeType(this.labels, this.key, this.properties, this.kinds, this.period, note);
	}

	/**
	 * A type below this one: its labels and properties and then some, e.g. {@code County}
	 * below {@code Place}.
	 */
	public NodeType below(String label) {
		List<String> more = new ArrayList<>(this.labels);
		more.add(label);
		return new NodeType(more, this.key, this.properties, this.kinds, this.period, "");
	}

	/** Cypher of this type's labels, e.g. {@code Place:County}. */
	public String labelExpression() {
		return String.join(":", this.labels);
	}

}
