package org.fupin.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Chinese labels of enum values, taken from the schema's own descriptions (the term
 * before the first ". "), so the SDL stays the one place they are written.
 */
@Component
class DashboardLabels {

	private final ObjectProvider<GraphQlSource> source;

	private final Map<String, Map<String, String>> enums = new ConcurrentHashMap<>();

	DashboardLabels(ObjectProvider<GraphQlSource> source) {
		this.source = source;
	}

	/** The values of a schema enum in schema order, each with its Chinese label. */
	Map<String, String> of(String enumType) {
		return this.enums.computeIfAbsent(enumType, (name) -> {
			GraphQLEnumType type = (GraphQLEnumType) this.source.getObject().schema().getType(name);
			Map<String, String> labels = new LinkedHashMap<>();
			for (GraphQLEnumValueDefinition value : type.getValues()) {
				labels.put(value.getName(), term(value.getDescription(), value.getName()));
			}
			return labels;
		});
	}

	static String term(String description, String fallback) {
		if (description == null || description.isBlank()) {
			return fallback;
		}
		int end = description.indexOf(". ");
		return ((end > 0) ? description.substring(0, end) : description).strip();
	}

}
