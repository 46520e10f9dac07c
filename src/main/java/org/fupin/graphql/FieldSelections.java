package org.fupin.graphql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;

/**
 * The names of the fields selected directly under the field being fetched, or under a
 * path of fields below it, read from the document itself: on the field, in inline
 * fragments and in fragment spreads, whatever their type condition.
 * <p>
 * graphql-java's {@code DataFetchingFieldSelectionSet} answers the same question but
 * first builds the normalised operation of the whole request and compiles a glob pattern
 * for each {@code contains}; a resolver that only needs to know whether a child field is
 * asked pays that on every request. The answer here may name a field that a
 * {@code @skip}/{@code @include} or a type condition leaves out of the response: use it
 * to decide what to read ahead, never what to show.
 */
public final class FieldSelections {

	private FieldSelections() {
	}

	/** The names of the fields selected directly under the current field. */
	public static Set<String> of(DataFetchingEnvironment env) {
		return of(env, new String[0]);
	}

	/**
	 * The names of the fields selected under the fields named {@code path} below the
	 * current field: {@code of(env, "edges", "node")} names what a page's nodes select.
	 */
	public static Set<String> of(DataFetchingEnvironment env, String... path) {
		Map<String, FragmentDefinition> fragments = env.getFragmentsByName();
		List<Field> level = env.getMergedField().getFields();
		for (String name : path) {
			List<Field> below = new ArrayList<>();
			for (Field field : level) {
				collect(field.getSelectionSet(), fragments, new HashSet<>(), (child) -> {
					if (child.getName().equals(name)) {
						below.add(child);
					}
				});
			}
			level = below;
		}
		Set<String> names = new HashSet<>();
		for (Field field : level) {
			collect(field.getSelectionSet(), fragments, new HashSet<>(), (child) -> names.add(child.getName()));
		}
		return names;
	}

	private static void collect(SelectionSet selections, Map<String, FragmentDefinition> fragments, Set<String> visited,
			Consumer<Field> fields) {
		if (selections == null) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				fields.accept(field);
			}
			else if (selection instanceof InlineFragment inline) {
				collect(inline.getSelectionSet(), fragments, visited, fields);
			}
			else if (selection instanceof FragmentSpread spread && visited.add(spread.getName())) {
				FragmentDefinition fragment = fragments.get(spread.getName());
				if (fragment != null) {
					collect(fragment.getSelectionSet(), fragments, visited, fields);
				}
			}
		}
	}

}
