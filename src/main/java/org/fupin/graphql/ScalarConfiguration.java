package org.fupin.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;

import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scalars of {@code schema/common.graphqls}, from graphql-java-extended-scalars:
 * {@code Date} is {@link java.time.LocalDate} (refusing days that do not exist,
 * {@link StrictDate}), {@code DateTime} is {@link java.time.OffsetDateTime}, {@code JSON}
 * is any map, list or value; {@code Money} and {@code Percent} are exact
 * ({@link ExactScalars}). Each is described as the schema describes it: graphql-java
 * keeps a wired scalar's own description, which for the library's is English only.
 */
@Configuration(proxyBeanMethods = false)
class ScalarConfiguration {

	private static final List<GraphQLScalarType> SCALARS = List.of(StrictDate.SCALAR, ExtendedScalars.DateTime,
			ExtendedScalars.Json, ExactScalars.MONEY, ExactScalars.PERCENT);

	@Bean
	GraphQlSourceBuilderCustomizer scalars() {
		return (builder) -> {
			// The schema's files are read before the wiring is made, so their
			// descriptions are known by then.
			Map<String, String> described = new HashMap<>();
			builder.configureTypeDefinitions((registry) -> registry.scalars().forEach((name, definition) -> {
				if (definition.getDescription() != null) {
					described.put(name, definition.getDescription().getContent());
				}
			}))
				.configureRuntimeWiring(
						(wiring) -> SCALARS.forEach((scalar) -> wiring.scalar(scalar.transform((copy) -> copy
							.description(described.getOrDefault(scalar.getName(), scalar.getDescription()))))));
		};
	}

}
