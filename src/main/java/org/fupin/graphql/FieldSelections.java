package org.fupin.graphql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import graphql.execution.CoercedVariables;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NullValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.InputValueWithState;

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
 * <p>
 * Where what is read ahead depends on a nested field's arguments (the date of the owners
 * asked, the page of beneficiaries), {@link #fields} gives each occurrence of that field
 * with its declaration, and {@link Selected#argument} its value as the field's resolver
 * would get it.
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
			level = named(level, name, fragments);
		}
		return names(level, fragments);
	}

	/**
	 * Every occurrence in the document of the field at the end of {@code path} below the
	 * current field (one per alias or fragment that selects it), with its declaration:
	 * {@code fields(env, "owners")} gives each {@code owners(asOf: ...)} asked. The
	 * declaration is null where the path passes through a field of an interface or union
	 * that the enclosing type does not declare.
	 */
	public static List<Selected> fields(DataFetchingEnvironment env, String... path) {
		Map<String, FragmentDefinition> fragments = env.getFragmentsByName();
		List<Field> level = env.getMergedField().getFields();
		GraphQLType type = GraphQLTypeUtil.unwrapAll(env.getFieldType());
		GraphQLFieldDefinition definition = null;
		for (String name : path) {
			level = named(level, name, fragments);
			definition = (type instanceof GraphQLFieldsContainer container) ? container.getFieldDefinition(name) : null;
			type = (definition != null) ? GraphQLTypeUtil.unwrapAll(definition.getType()) : null;
		}
		List<Selected> selected = new ArrayList<>(level.size());
		for (Field field : level) {
			selected.add(new Selected(field, definition, env));
		}
		return selected;
	}

	private static List<Field> named(List<Field> level, String name, Map<String, FragmentDefinition> fragments) {
		List<Field> below = new ArrayList<>();
		for (Field field : level) {
			collect(field.getSelectionSet(), fragments, new HashSet<>(), (child) -> {
				if (child.getName().equals(name)) {
					below.add(child);
				}
			});
		}
		return below;
	}

	private static Set<String> names(List<Field> level, Map<String, FragmentDefinition> fragments) {
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

	/**
	 * One occurrence of a field below the one being fetched.
	 *
	 * @param field the field as the document has it
	 * @param definition its declaration in the schema, or null if not known
	 * @param env the environment of the field being fetched (variables, fragments)
	 */
	public record Selected(Field field, GraphQLFieldDefinition definition, DataFetchingEnvironment env) {

		/** The names of the fields selected directly under this one. */
		public Set<String> names() {
			return FieldSelections.names(List.of(this.field), this.env.getFragmentsByName());
		}

		/**
		 * The value of a scalar argument as its resolver would get it: a literal read by
		 * its scalar, a variable's (already coerced) value, or else the declared default;
		 * null when there is none. Only scalar arguments are read; validation has checked
		 * them already, so a value here is well formed.
		 */
		public Object argument(String name) {
			GraphQLArgument declared = (this.definition != null) ? this.definition.getArgument(name) : null;
			for (Argument argument : this.field.getArguments()) {
				if (!argument.getName().equals(name)) {
					continue;
				}
				Value<?> value = argument.getValue();
				if (value instanceof VariableReference variable) {
					Map<String, Object> variables = this.env.getVariables();
					if (variables.containsKey(variable.getName())) {
						return variables.get(variable.getName());
					}
					break;
				}
				return literal(value, declared);
			}
			if (declared == null || !declared.hasSetDefaultValue()) {
				return null;
			}
			InputValueWithState fallback = declared.getArgumentDefaultValue();
			return fallback.isLiteral() ? literal((Value<?>) fallback.getValue(), declared) : fallback.getValue();
		}

		private Object literal(Value<?> value, GraphQLArgument declared) {
			if (value == null || value instanceof NullValue || declared == null
					|| !(GraphQLTypeUtil.unwrapAll(declared.getType()) instanceof GraphQLScalarType scalar)) {
				return null;
			}
			return scalar.getCoercing()
				.parseLiteral(value, CoercedVariables.of(this.env.getVariables()), this.env.getGraphQlContext(),
						this.env.getLocale());
		}

	}

}
