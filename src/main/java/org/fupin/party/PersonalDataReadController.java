package org.fupin.party;

import graphql.schema.DataFetchingEnvironment;
import org.fupin.graphql.Connection;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code personalDataReads}: the access log of personal data, for auditors. */
@Controller
class PersonalDataReadController {

	private final PersonalDataAccessLog log;

	private final GraphQlProperties properties;

	PersonalDataReadController(PersonalDataAccessLog log, GraphQlProperties properties) {
		this.log = log;
		this.properties = properties;
	}

	@QueryMapping
	Connection<PersonalDataRead> personalDataReads(@Argument PersonalDataReadFilter filter, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment env) {
		PageRequest page = PageRequest.of(first, after, this.properties.maxPageSize());
		return this.log.find(filter, page, FieldSelections.of(env).contains("totalCount"));
	}

}
