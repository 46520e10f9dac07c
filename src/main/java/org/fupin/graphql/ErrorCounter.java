package org.fupin.graphql;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the errors answered, by code, as the metric {@code fupin.graphql.errors} (tag
 * {@code code}): how often the service refused as {@code BUSY}, timed out, or was asked
 * something malformed, beside the driver's pool metrics in {@code /actuator/metrics}.
 */
@Component
class ErrorCounter {

	static final String METRIC = "fupin.graphql.errors";

	private final MeterRegistry registry;

	ErrorCounter(MeterRegistry registry) {
		this.registry = registry;
	}

	void count(String code) {
		Counter.builder(METRIC)
			.description("GraphQL errors answered, by extensions.code")
			.tag("code", code)
			.register(this.registry)
			.increment();
	}

}
