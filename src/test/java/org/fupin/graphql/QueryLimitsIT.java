package org.fupin.graphql;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import graphql.introspection.IntrospectionQuery;
import graphql.language.Document;
import graphql.parser.Parser;
import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class QueryLimitsIT extends IntegrationTest {

	@Test
	void anOperationNestedTooDeepIsRefusedBeforeItRuns() {
		long before = startedTransactions();
		assertRefused("""
				{ provinces { edges { node { counties { edges { node { townships { edges { node {
				  villages { edges { node { county { province { code } } } } } } } } } } } } } } }""", "QUERY_TOO_DEEP",
				"app.graphql.max-depth", 12, 15);
		assertThat(startedTransactions() - before).isZero();
	}

	@Test
	void anOperationThatWouldCostTooMuchIsRefused() {
		assertRefused("""
				{ provinces(first: 100) { edges { node { counties(first: 100) { edges { node {
				  villages(first: 100) { edges { node { code } } } } } } } } } }""", "QUERY_TOO_COMPLEX",
				"app.graphql.max-complexity", 20000, 3030301);
	}

	@Test
	void aPageSizeGivenAsNullCostsTheDefaultPageItReads() {
		assertRefused("""
				{ provinces { edges { node { counties { edges { node {
				  villages { edges { node { code } } } } } } } } } }""", "QUERY_TOO_COMPLEX",
				"app.graphql.max-complexity", 20000, 25261);
		assertRefused("""
				{ provinces(first: null) { edges { node { counties(first: null) { edges { node {
				  villages(first: null) { edges { node { code } } } } } } } } } }""", "QUERY_TOO_COMPLEX",
				"app.graphql.max-complexity", 20000, 25261);
	}

	@Test
	void smallPagesOfTheSameShapeAreAllowed() {
		this.graphQl.document("""
				{ provinces(first: 2) { edges { node { code counties(first: 2) { edges { node {
				  villages(first: 2) { edges { node { code } } } } } } } } } }""")
			.execute()
			.path("provinces.edges[*].node.code")
			.entityList(String.class)
			.containsExactly("11", "12");
	}

	@Test
	void theSameDocumentIsMeasuredAgainForOtherPageSizesAndDirectives() {
		String document = """
				query Pages($n: Int, $deep: Boolean!) { provinces(first: $n) { edges { node { code
				  counties(first: 100) { edges { node { villages(first: 2) { edges { node { code
				    county @include(if: $deep) { province { counties { edges { node { code } } } } } } } } } } } } } } }""";
		for (int round = 0; round < 2; round++) {
			this.graphQl.document(document)
				.variable("n", 2)
				.variable("deep", false)
				.execute()
				.path("provinces.edges[*].node.code")
				.entityList(String.class)
				.containsExactly("11", "12");
			assertRefused(this.graphQl.document(document).variable("n", 100).variable("deep", false),
					"QUERY_TOO_COMPLEX", "app.graphql.max-complexity", 20000, 90401);
			assertRefused(this.graphQl.document(document).variable("n", 2).variable("deep", true), "QUERY_TOO_DEEP",
					"app.graphql.max-depth", 12, 15);
		}
	}

	@Test
	void theVariablesThatCountAreThoseOfFirstAndOfDirectives() {
		Document document = Parser.parse("""
				query ($code: String!, $n: Int, $deep: Boolean!, $after: String, $skip: Boolean!) {
				  village(code: $code) { name county @include(if: $deep) { name } }
				  provinces(first: $n, after: $after) { edges { node { ...names @skip(if: $skip) } } } }
				fragment names on Province { name }""");

		assertThat(QueryLimits.variablesThatCount(document)).containsExactly("deep", "n", "skip");
	}

	@Test
	void tooManyFieldsAreRefused() {
		String codes = IntStream.range(0, 300).mapToObj((i) -> "code").collect(Collectors.joining(" "));
		assertRefused("{ province(code: \"52\") { " + codes + " } }", "TOO_MANY_FIELDS", "app.graphql.max-fields", 300,
				301);
	}

	@Test
	void tooManyAliasesAreRefused() {
		String aliases = IntStream.range(0, 31)
			.mapToObj((i) -> "p" + i + ": province(code: \"52\") { name }")
			.collect(Collectors.joining(" "));
		assertRefused("{ " + aliases + " }", "TOO_MANY_ALIASES", "app.graphql.max-aliases", 30, 31);
	}

	@Test
	void theIntrospectionQueryOfGraphiqlPassesTheLimitsWithoutOpeningTheWayForData() {
		// The standard introspection query nests ofType 15 levels deep and selects over
		// 300
		// fields: it reads the schema only, so the data limits do not apply to it.
		// The answer outgrows the test client's default 256 KB buffer as the schema
		// grows.
		anonymous().mutate()
			.webTestClient((client) -> client.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(8 << 20)))
			.build()
			.document(IntrospectionQuery.INTROSPECTION_QUERY)
			.execute()
			.path("__schema.types[?(@.name == 'Asset')].fields[*].name")
			.entityList(String.class)
			.contains("registerNo", "owners");
		// A data field beside __schema is still measured.
		assertRefused("{ __schema { queryType { name } } " + DEEP + " }", "QUERY_TOO_DEEP", "app.graphql.max-depth", 12,
				15);
	}

	@Test
	void introspectionThatIsNotInGoodFaithIsRefusedWithACode() {
		// graphql-java allows __type once per operation; repeating it is how an
		// introspection query would be blown up to read the schema thousands of times.
		this.graphQl.document("{ a: __type(name: \"Asset\") { name } b: __type(name: \"Place\") { name } }")
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX");
				assertThat(errors.get(0).getMessage()).startsWith("内省查询过大").contains("__type is present too often");
			});
	}

	private static final String DEEP = """
			provinces { edges { node { counties { edges { node { townships { edges { node {
			  villages { edges { node { county { province { code } } } } } } } } } } } } } }""";

	private void assertRefused(String document, String code, String limit, int maximum, int actual) {
		assertRefused(this.graphQl.document(document), code, limit, maximum, actual);
	}

	private void assertRefused(GraphQlTester.Request<?> request, String code, String limit, int maximum, int actual) {
		request.execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).isEqualTo(Map.of("code", code, "classification", "BAD_REQUEST",
					"limit", limit, "maximum", maximum, "actual", actual));
			assertThat(errors.get(0).getMessage()).contains(String.valueOf(actual)).contains(String.valueOf(maximum));
		});
	}

}
