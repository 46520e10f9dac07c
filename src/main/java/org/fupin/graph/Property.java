package org.fupin.graph;

/**
 * A property of a node or relationship type.
 *
 * @param name the property's name in the graph
 * @param type how it is stored
 * @param note what it holds, when the name does not say it (shown in
 * {@code schema/README.md})
 */
public record Property(String name, ValueType type, String note) {

	public Property {
		if (name == null || name.isBlank() || type == null) {
			throw new IllegalArgumentException("A property needs a name and a type");
		}
		note = (note == null) ? "" : note;
	}

	/** A property without a note. */
	public static Property of(String name, ValueType type) {
		return new Property(name, type, "");
	}

}
