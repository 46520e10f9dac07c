package org.fupin.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.Selection;
import graphql.language.VariableReference;
import graphql.ExecutionResult;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits every operation is checked against before anything runs: depth, cost, and
 * the number of fields and aliases, measured the way graphql-java's
 * {@code MaxQueryDepthInstrumentation} and {@code MaxQueryComplexityInstrumentation}
 * measure them ({@code QueryTraverser}, {@code QueryComplexityCalculator}). A refused
 * operation answers one error whose {@code extensions} name the limit, its value and what
 * the operation asked for, and reads nothing.
 * <p>
 * The figures depend on the document, the operation chosen and only those variables that
 * feed a {@code first} argument or a directive ({@code @skip}/{@code @include}), never on
 * the caller; so they are measured once for each such combination and kept in a bounded
 * cache ({@code app.graphql.document-cache-size}, as the parsed documents), and a client
 * that sends the same document with other village codes does not walk it again. The
 * limits themselves are compared on every request.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

	/**
	 * Cost of a field: 1, plus what is selected under it, times {@code first} when the
	 * field is a page of a list (its size is bounded, so is the cost). A {@code first}
	 * given as null reads a page of the default size ({@link PageRequest#of}), so it
	 * costs that.
	 */
	static final FieldComplexityCalculator COST = (env, childCost) -> {
		Object first = env.getArguments().get("first");
		int times = 1;
		if (first instanceof Number number) {
			times = Math.max(1, number.intValue());
		}
		else if (env.getFieldDefinition().getArgument("first") != null) {
			times = PageRequest.DEFAULT_SIZE;
		}
		return 1 + childCost * times;
	};

	@Bean
	Instrumentation operationLimits(GraphQlProperties properties,
			@Value("${app.graphql.document-cache-size:1000}") long cacheSize) {
		return new Limits(properties, cacheSize);
	}

	/**
	 * An operation that reads only the schema ({@code __schema}, {@code __type}), like
	 * the one GraphiQL sends to show the documentation: it nests {@code ofType} deeper
	 * than data queries may, reads no data, and is bounded by graphql-java's own
	 * good-faith introspection check instead.
	 */
	static boolean introspectionOnly(ExecutionContext context) {
		List<Selection> selections = context.getOperationDefinition().getSelectionSet().getSelections();
		return !selections.isEmpty() && selections.stream()
			.allMatch((selection) -> selection instanceof Field field && field.getName().startsWith("__"));
	}

	static AbortExecutionException refuse(ErrorCode code, String property, int limit, int actual, String message) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		extensions.put("limit", property);
		extensions.put("maximum", limit);
		extensions.put("actual", actual);
		GraphQLError error = GraphqlErrorBuilder.newError()
			.errorType(code.classification())
			.message(message)
			.extensions(extensions)
			.build();
		return new AbortExecutionException(List.of(error));
	}

	/**
	 * What an operation asks for.
	 *
	 * @param depth the deepest field, a root field being 1
	 * @param complexity the cost ({@link #COST})
	 * @param fields fields selected, fragments expanded
	 * @param aliases aliased fields among them
	 */
	record Figures(int depth, int complexity, int fields, int aliases) {

		static Figures measure(ExecutionContext context) {
			int[] counts = new int[3];
			QueryTraverser.newQueryTraverser()
				.schema(context.getGraphQLSchema())
				.document(context.getDocument())
				.operationName(context.getExecutionInput().getOperationName())
				.coercedVariables(context.getCoercedVariables())
				.build()
				.visitPreOrder(new QueryVisitorStub() {
					@Override
					public void visitField(QueryVisitorFieldEnvironment env) {
						int depth = 1;
						for (QueryVisitorFieldEnvironment parent = env
							.getParentEnvironment(); parent != null; parent = parent.getParentEnvironment()) {
							depth++;
						}
						counts[0] = Math.max(counts[0], depth);
						counts[1]++;
						if (env.getField().getAlias() != null) {
							counts[2]++;
						}
					}
				});
			int complexity = QueryComplexityCalculator.newCalculator()
				.fieldComplexityCalculator(COST)
				.schema(context.getGraphQLSchema())
				.document(context.getDocument())
				.operationName(context.getExecutionInput().getOperationName())
				.variables(context.getCoercedVariables())
				.build()
				.calculate();
			return new Figures(counts[0], complexity, counts[1], counts[2]);
		}

	}

	/**
	 * The names of the variables the figures depend on: those used, anywhere in the
	 * document, in a {@code first} argument or in a directive's arguments.
	 */
	static Set<String> variablesThatCount(Document document) {
		Set<String> names = new TreeSet<>();
		collect(document, false, names);
		return names;
	}

	private static void collect(Node<?> node, boolean counts, Set<String> names) {
		if (counts && node instanceof VariableReference reference) {
			names.add(reference.getName());
		}
		boolean below = counts || node instanceof Directive
				|| (node instanceof Argument argument && argument.getName().equals("first"));
		for (Node<?> child : node.getChildren()) {
			collect(child, below, names);
		}
	}

	/** Checks each operation against the limits, with figures measured once per key. */
	static final class Limits implements Instrumentation {

		private final GraphQlProperties limits;

		/** By document, which {@link DocumentCache} keeps as one instance per text. */
		private final Cache<Document, Set<String>> variables;

		private final Cache<Key, Figures> figures;

		Limits(GraphQlProperties limits, long cacheSize) {
			this.limits = limits;
			this.variables = Caffeine.newBuilder().maximumSize(cacheSize).weakKeys().build();
			this.figures = Caffeine.newBuilder().maximumSize(cacheSize).build();
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			ExecutionContext context = parameters.getExecutionContext();
			if (introspectionOnly(context)) {
				return SimpleInstrumentationContext.noOp();
			}
			check(figures(context));
			return SimpleInstrumentationContext.noOp();
		}

		Figures figures(ExecutionContext context) {
			Document document = context.getDocument();
			Set<String> names = this.variables.get(document, QueryLimits::variablesThatCount);
			Map<String, Object> values = new TreeMap<>();
			Map<String, Object> coerced = context.getCoercedVariables().toMap();
			for (String name : names) {
				values.put(name, coerced.get(name));
			}
			Key key = new Key(document, context.getExecutionInput().getOperationName(), values);
			return this.figures.get(key, (k) -> Figures.measure(context));
		}

		private void check(Figures asked) {
			int maxDepth = this.limits.maxDepth();
			if (asked.depth() > maxDepth) {
				throw refuse(ErrorCode.QUERY_TOO_DEEP, "app.graphql.max-depth", maxDepth, asked.depth(),
						"The operation nests fields " + asked.depth() + " levels deep; at most " + maxDepth
								+ " are allowed. Split it into smaller operations.");
			}
			int maxComplexity = this.limits.maxComplexity();
			if (asked.complexity() > maxComplexity) {
				throw refuse(ErrorCode.QUERY_TOO_COMPLEX, "app.graphql.max-complexity", maxComplexity,
						asked.complexity(),
						"The operation would cost " + asked.complexity()
								+ " (each field 1, times first under a list); at most " + maxComplexity
								+ " is allowed. Ask for smaller pages or fewer nested lists.");
			}
			int maxFields = this.limits.maxFields();
			if (asked.fields() > maxFields) {
				throw refuse(ErrorCode.TOO_MANY_FIELDS, "app.graphql.max-fields", maxFields, asked.fields(),
						"The operation selects " + asked.fields() + " fields; at most " + maxFields + " are allowed.");
			}
			int maxAliases = this.limits.maxAliases();
			if (asked.aliases() > maxAliases) {
				throw refuse(ErrorCode.TOO_MANY_ALIASES, "app.graphql.max-aliases", maxAliases, asked.aliases(),
						"The operation uses " + asked.aliases() + " aliases; at most " + maxAliases + " are allowed.");
			}
		}

		long measured() {
			this.figures.cleanUp();
			return this.figures.estimatedSize();
		}

	}

	/**
	 * The document (by identity), the operation (null: the only one) and the values of
	 * the variables that count.
	 */
	private record Key(Document document, String operationName, Map<String, Object> values) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.document == this.document
					&& Objects.equals(key.operationName, this.operationName) && key.values.equals(this.values);
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.document) * 31 + Objects.hashCode(this.operationName) * 17
					+ this.values.hashCode();
		}

	}

}
