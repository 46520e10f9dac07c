package org.fupin.graphql;

import graphql.scalars.ExtendedScalars;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The scalars of {@code schema/common.graphqls}, from graphql-java-extended-scalars:
 * {@code Date} is {@link java.time.LocalDate} (refusing days that do not exist,
 * {@link StrictDate}), {@code DateTime} is {@link java.time.OffsetDateTime}, {@code JSON}
 * is any map, list or value; {@code Money} and {@code Percent} are exact
 * ({@link ExactScalars}).
 */
@Configuration(proxyBeanMethods = false)
class ScalarConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(StrictDate.SCALAR)
			.scalar(ExtendedScalars.DateTime)
			.scalar(ExtendedScalars.Json)
			.scalar(ExactScalars.MONEY)
			.scalar(ExactScalars.PERCENT);
	}

}
