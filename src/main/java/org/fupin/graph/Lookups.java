package org.fupin.graph;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Cypher derived from the declaration that statements splice in: finding a node by an id
 * that may name one of several types.
 */
public final class Lookups {

	private Lookups() {
	}

	/**
	 * Cypher that binds {@code alias} to the node of one of {@code types} whose natural
	 * key is {@code id}. One branch per type, each an index seek on its key; the keys of
	 * the types have distinct forms, so at most one matches, and a row whose id names
	 * nothing is dropped.
	 * @param imports the variables the subquery imports ({@code row}, or empty)
	 * @param id the id: a variable, a property or a parameter
	 */
	public static String byKey(List<NodeType> types, String imports, String id, String alias) {
		String branches = types.stream()
			.map((type) -> "  MATCH (x:%s {%s: %s}) RETURN x AS %s".formatted(type.label(), type.keyName(), id, alias))
			.collect(Collectors.joining("\n  UNION\n"));
		return "CALL (%s) {\n%s\n}".formatted(imports, branches);
	}

	/**
	 * Cypher that binds {@code alias} to the party (organisation, household or place) an
	 * id names.
	 */
	public static String party(String imports, String id, String alias) {
		return byKey(Model.PARTIES, imports, id, alias);
	}

}
