package org.fupin.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type, field, argument, input field and enum value of the schema the application
 * serves (not only of its files) carries the Chinese term in its description, scalars
 * wired from a library included.
 */
class SchemaDescriptionsIT extends IntegrationTest {

	@Autowired
	private GraphQlSource source;

	@Test
	void everyPartOfTheServedSchemaIsDescribedInChineseFirst() {
		GraphQLSchema schema = this.source.schema();
		List<String> undescribed = new ArrayList<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (type.getName().startsWith("__")
					|| List.of("String", "Boolean", "Int", "Float", "ID").contains(type.getName())) {
				continue;
			}
			check(type.getName(), type.getDescription(), undescribed);
			if (type instanceof GraphQLFieldsContainer container) {
				for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
					check(type.getName() + "." + field.getName(), field.getDescription(), undescribed);
					for (GraphQLArgument argument : field.getArguments()) {
						check(type.getName() + "." + field.getName() + "(" + argument.getName() + ")",
								argument.getDescription(), undescribed);
					}
				}
			}
			if (type instanceof GraphQLInputObjectType input) {
				for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
					check(type.getName() + "." + field.getName(), field.getDescription(), undescribed);
				}
			}
			if (type instanceof GraphQLEnumType enumType) {
				for (GraphQLEnumValueDefinition value : enumType.getValues()) {
					check(type.getName() + "." + value.getName(), value.getDescription(), undescribed);
				}
			}
		}
		assertThat(undescribed).isEmpty();
		assertThat(((GraphQLScalarType) schema.getType("Date")).getDescription())
			.isEqualTo("日期. A calendar date in ISO 8601, e.g. `2022-06-30`.");
	}

	@Test
	void theSchemaNamesEveryErrorCodeTheApiAnswersWith() {
		GraphQLEnumType codes = (GraphQLEnumType) this.source.schema().getType("ErrorCode");
		assertThat(codes.getValues()).extracting(GraphQLEnumValueDefinition::getName)
			.containsExactlyElementsOf(Stream.of(ErrorCode.values()).map(Enum::name).toList());
	}

	private static void check(String where, String description, List<String> undescribed) {
		if (description == null || description.codePoints().noneMatch((c) -> c >= 0x4E00 && c <= 0x9FFF)) {
			undescribed.add(where + ": " + description);
		}
	}

}
