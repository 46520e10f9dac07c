package org.fupin.party;

import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * DataLoaders of parties by id, for every feature's Party-, Organisation- and
 * Person-typed fields: the ids wanted anywhere on a response level are read with one
 * query per kind.
 */
@Component
public class PartyLoaders {

	/** Any party ({@code Organisation}, {@code Household} or a place) by its id. */
	public static final String PARTY_BY_ID = "partyById";

	/** Organisations by credit code. */
	public static final String ORGANISATION_BY_CODE = "organisationByCode";

	/** Persons by person id. */
	public static final String PERSON_BY_ID = "personById";

	PartyLoaders(BatchLoaderRegistry registry, PartyService parties) {
		registry.<String, Object>forName(PARTY_BY_ID)
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> parties.findParties(ids)));
		registry.<String, Organisation>forName(ORGANISATION_BY_CODE)
			.registerMappedBatchLoader((codes, env) -> Mono.fromCallable(() -> parties.findOrganisations(codes)));
		registry.<String, Person>forName(PERSON_BY_ID)
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> parties.findPersons(ids)));
	}

}
