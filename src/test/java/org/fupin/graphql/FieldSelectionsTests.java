package org.fupin.graphql;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.execution.MergedField;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
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
