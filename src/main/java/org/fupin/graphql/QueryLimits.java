package org.fupin.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
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
import graphql.language.Field;
import graphql.language.Selection;
import graphql.ExecutionResult;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits every operation is checked against before anything runs, with graphql-java's
 * own instrumentation: depth, cost, and the number of fields and aliases. A refused
 * operation answers one error whose {@code extensions} name the limit, its value and what
 * the operation asked for, and reads nothing.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

	/**
	 * Cost of a field: 1, plus what is selected under it, times {@code first} when the
	 * field is a page of a list (its size is bounded, so is the cost).
	 */
	static final FieldComplexityCalculator COST = (env, childCost) -> {
		Object first = env.getArguments().get("first");
		int times = (first instanceof Number number) ? Math.max(1, number.intValue()) : 1;
		return 1 + childCost * times;
	};

	@Bean
	Instrumentation maxDepth(GraphQlProperties properties) {
		return new MaxQueryDepthInstrumentation(properties.maxDepth()) {
			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				return introspectionOnly(parameters.getExecutionContext()) ? SimpleInstrumentationContext.noOp()
						: super.beginExecuteOperation(parameters, state);
			}

			@Override
			protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
				return refuse(ErrorCode.QUERY_TOO_DEEP, "app.graphql.max-depth", maxDepth, depth,
						"The operation nests fields " + depth + " levels deep; at most " + maxDepth
								+ " are allowed. Split it into smaller operations.");
			}
		};
	}

	@Bean
	Instrumentation maxComplexity(GraphQlProperties properties) {
		return new MaxQueryComplexityInstrumentation(properties.maxComplexity(), COST) {
			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				return introspectionOnly(parameters.getExecutionContext()) ? SimpleInstrumentationContext.noOp()
						: super.beginExecuteOperation(parameters, state);
			}

			@Override
			protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
				return refuse(ErrorCode.QUERY_TOO_COMPLEX, "app.graphql.max-complexity", maxComplexity, complexity,
						"The operation would cost " + complexity + " (each field 1, times first under a list); at most "
								+ maxComplexity + " is allowed. Ask for smaller pages or fewer nested lists.");
			}
		};
	}

	@Bean
	Instrumentation maxFieldsAndAliases(GraphQlProperties properties) {
		return new FieldCount(properties.maxFields(), properties.maxAliases());
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

	/** Counts the fields and aliases an operation selects, fragments expanded. */
	static final class FieldCount implements Instrumentation {

		private final int maxFields;

		private final int maxAliases;

		FieldCount(int maxFields, int maxAliases) {
			this.maxFields = maxFields;
			this.maxAliases = maxAliases;
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			ExecutionContext context = parameters.getExecutionContext();
			if (introspectionOnly(context)) {
				return SimpleInstrumentationContext.noOp();
			}
			int[] counts = new int[2];
			QueryTraverser.newQueryTraverser()
				.schema(context.getGraphQLSchema())
				.document(context.getDocument())
				.operationName(context.getExecutionInput().getOperationName())
				.coercedVariables(context.getCoercedVariables())
				.build()
				.visitPreOrder(new QueryVisitorStub() {
					@Override
					public void visitField(QueryVisitorFieldEnvironment env) {
						counts[0]++;
						if (env.getField().getAlias() != null) {
							counts[1]++;
						}
					}
				});
			if (counts[0] > this.maxFields) {
				throw refuse(ErrorCode.TOO_MANY_FIELDS, "app.graphql.max-fields", this.maxFields, counts[0],
						"The operation selects " + counts[0] + " fields; at most " + this.maxFields + " are allowed.");
			}
			if (counts[1] > this.maxAliases) {
				throw refuse(ErrorCode.TOO_MANY_ALIASES, "app.graphql.max-aliases", this.maxAliases, counts[1],
						"The operation uses " + counts[1] + " aliases; at most " + this.maxAliases + " are allowed.");
			}
			return SimpleInstrumentationContext.noOp();
		}

	}

}
