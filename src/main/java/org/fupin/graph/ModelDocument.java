package org.fupin.graph;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The declaration as the Markdown tables of {@code schema/README.md}, so that the
 * document says what the code declares.
 */
public final class ModelDocument {

	/** The line before the rendered tables in {@code schema/README.md}. */
	public static final String BEGIN = "<!-- Rendered from org.fupin.graph.Model by ModelDocument: edit the declaration, not this table. -->";

	/** The line after them. */
	public static final String END = "<!-- End of the rendered tables. -->";

	private ModelDocument() {
	}

	/** The node and relationship tables, between {@link #BEGIN} and {@link #END}. */
	public static String render(Graph graph) {
		StringBuilder out = new StringBuilder(BEGIN).append("\n\n");
		out.append("| label | natural key | properties | note |\n| --- | --- | --- | --- |\n");
		for (NodeType node : graph.nodes()) {
			NodeType parent = graph.nodes()
				.stream()
				.filter((other) -> other != node && node.isA(other))
				.findFirst()
				.orElse(null);
			String key = (node.key() == null) ? "none" : "`" + node.keyName() + "`"
					+ ((parent != null) ? ", as `" + parent.label() + "`" : note(node.key()));
			String labels = "`" + node.labelExpression() + "`";
			if (!node.kinds().isEmpty()) {
				labels += " and one of "
						+ node.kinds().stream().map((kind) -> "`" + kind + "`").collect(Collectors.joining(", "));
			}
			List<Property> own = node.properties()
				.stream()
				.filter((p) -> parent == null || parent.property(p.name()).isEmpty())
				.toList();
			String properties = properties(own);
			if (parent != null) {
				properties = (properties.isEmpty() ? "" : properties + "; ") + "those of `" + parent.label() + "`";
			}
			out.append("| ")
				.append(labels)
				.append(" | ")
				.append(key)
				.append(" | ")
				.append(properties)
				.append(" | ")
				.append(node.note())
				.append(" |\n");
		}
		out.append("\n| relationship | from | to | properties |\n| --- | --- | --- | --- |\n");
		for (RelationshipType r : graph.relationships()) {
			String ends = r.to().stream().map((end) -> "`" + end.label() + "`").collect(Collectors.joining(" or "));
			String properties = properties(r.properties());
			if (!r.identity().isEmpty()) {
				properties += "; one per "
						+ String.join(", ", r.identity().stream().map((p) -> "`" + p + "`").toList());
			}
			out.append("| `")
				.append(r.type())
				.append("` | `")
				.append(r.from().label())
				.append("` | ")
				.append(ends)
				.append(" | ")
				.append(properties)
				.append(" |\n");
		}
		return out.append('\n').append(END).toString();
	}

	private static String properties(List<Property> properties) {
		return properties.stream()
			.map((p) -> "`" + p.name() + "` " + p.type().name() + note(p))
			.collect(Collectors.joining(", "));
	}

	private static String note(Property property) {
		return property.note().isEmpty() ? "" : " (" + property.note().replace("|", "\\|") + ")";
	}

}
