package org.fupin.graphql;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Observes GraphQL per request ({@code graphql.request} timers and traces), and per field
 * only when asked ({@code app.graphql.observe-fields=true}). Spring Boot's default
 * observes every data fetcher too: an observation, its context and a wrapped environment
 * for each field of each item, which on a page of assets with owners and custody is
 * hundreds per request for timers nobody reads. The same goes for each DataLoader's
 * batches, which Spring for GraphQL observes by copying every request's registry of
 * DataLoaders into one of its own: a tenth of a small request's GraphQL time. Declaring
 * the instrumentation here replaces Boot's.
 */
@Configuration(proxyBeanMethods = false)
class FieldObservation {

	@Bean
	GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObjectProvider<ObservationRegistry> registry,
			@Value("${app.graphql.observe-fields:false}") boolean observeFields) {
		ObservationRegistry observations = registry.getIfAvailable(() -> ObservationRegistry.NOOP);
		if (observeFields) {
			return new GraphQlObservationInstrumentation(observations);
		}
		return new GraphQlObservationInstrumentation(observations) {
			@Override
			public ExecutionInput instrumentExecutionInput(ExecutionInput input,
					InstrumentationExecutionParameters parameters, InstrumentationState state) {
				return input;
			}

			@Override
			public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher,
					InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
				return fetcher;
			}
		};
	}

}
