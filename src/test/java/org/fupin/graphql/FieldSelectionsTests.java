package org.fupin.graphql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.MergedField;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.scalars.ExtendedScalars;
import org.fupin.graphql.FieldSelections.Selected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldSelectionsTests {

	@Test
	void namesTheFieldsOnTheFieldItselfInInlineFragmentsAndInFragmentSpreads() {
		DataFetchingEnvironment env = rootField("""
				query { place(code: "110101001001") {
				  code
				  ... on Village { township { code } county { name } }
				  ...up
				} }
				fragment up on Village { province { code } ...deeper }
				fragment deeper on Village { name }
				""");

		assertThat(FieldSelections.of(env)).containsExactlyInAnyOrder("code", "township", "county", "province", "name");
	}

	@Test
	void namesOnlyTheDirectChildrenOfTheField() {
		DataFetchingEnvironment env = rootField("""
				query { village(code: "110101001001") { township { county { province { code } } } } }
				""");

		assertThat(FieldSelections.of(env)).containsExactly("township");
	}

	@Test
	void aFieldWithoutSelectionsNamesNothing() {
		DataFetchingEnvironment env = rootField("query { __typename }");

		assertThat(FieldSelections.of(env)).isEmpty();
	}

	@Test
	void namesTheFieldsAlongAPathThroughFragments() {
		DataFetchingEnvironment env = rootField("""
				query { pairings(first: 2) {
				  totalCount
				  edges { cursor node { id helper { id } } }
				  ... on PairingConnection { edges { node { ...parties } } }
				} }
				fragment parties on Pairing { recipient { id } }
				""");

		assertThat(FieldSelections.of(env, "edges", "node")).containsExactlyInAnyOrder("id", "helper", "recipient");
		assertThat(FieldSelections.of(env, "edges")).containsExactlyInAnyOrder("cursor", "node");
		assertThat(FieldSelections.of(env, "pageInfo")).isEmpty();
	}

	@Test
	void givesEachOccurrenceOfANestedFieldWithItsArgumentsAsTheResolverGetsThem() {
		List<String> seen = arguments("""
				query($day: Date) { asset(registerNo: "A-1") {
				  owners { owner }
				  onDay: owners(asOf: "2024-05-01") { share }
				  ... on Asset { byVariable: owners(asOf: $day) { owner } }
				  ...later
				} }
				fragment later on Asset { unset: owners(asOf: null) { share } }
				""", Map.of("day", "2023-01-31"), "asOf", "owners");

		assertThat(seen).containsExactly("null absent [owner]", "2024-05-01 LocalDate [share]",
				"2023-01-31 LocalDate [owner]", "null absent [share]");
	}

	@Test
	void anArgumentLeftOutOrGivenAnUnsetVariableTakesItsDeclaredDefault() {
		List<String> seen = arguments("""
				query($size: Int) { asset(registerNo: "A-1") { incomes { uses {
				  beneficiaries { totalCount }
				  five: beneficiaries(first: 5) { edges { cursor } }
				  unset: beneficiaries(first: $size) { totalCount }
				} } } }
				""", Map.of(), "first", "incomes", "uses", "beneficiaries");

		assertThat(seen).containsExactly("20 Integer [totalCount]", "5 Integer [edges]", "20 Integer [totalCount]");
	}

	@Test
	void aFieldTheDocumentDoesNotSelectHasNoOccurrence() {
		assertThat(arguments("query { asset(registerNo: \"A-1\") { id } }", Map.of(), "asOf", "owners")).isEmpty();
	}

	/**
	 * Runs the query on a small schema whose {@code asset} resolver notes, for each
	 * occurrence of the field at {@code path}, the value of {@code argument} and the
	 * names it selects.
	 */
	private static List<String> arguments(String query, Map<String, Object> variables, String argument,
			String... path) {
		String sdl = """
				scalar Date
				type Query { asset(registerNo: String!): Asset }
				type Asset { id: ID owners(asOf: Date): [Ownership!]! incomes: [Income!]! }
				type Ownership { owner: String share: String }
				type Income { uses: [IncomeUse!]! }
				type IncomeUse { beneficiaries(first: Int = 20, after: String): BeneficiaryConnection! }
				type BeneficiaryConnection { totalCount: Int edges: [Edge!]! }
				type Edge { cursor: String }
				""";
		List<String> seen = new ArrayList<>();
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.scalar(ExtendedScalars.Date)
			.type("Query", (type) -> type.dataFetcher("asset", (env) -> {
				for (Selected selected : FieldSelections.fields(env, path)) {
					Object value = selected.argument(argument);
					String kind = (value != null) ? value.getClass().getSimpleName() : "absent";
					seen.add(value + " " + kind + " " + Arrays.toString(selected.names().toArray()));
				}
				return null;
			}))
			.build();
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
		ExecutionResult result = GraphQL.newGraphQL(schema)
			.build()
			.execute(ExecutionInput.newExecutionInput(query).variables(variables));
		assertThat(result.getErrors()).isEmpty();
		return seen;
	}

	private static DataFetchingEnvironment rootField(String query) {
		Document document = Parser.parse(query);
		OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
		Field field = (Field) operation.getSelectionSet().getSelections().get(0);
		Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, Function.identity()));
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.mergedField(MergedField.newMergedField(field).build())
			.fragmentsByName(fragments)
			.build();
	}

}
