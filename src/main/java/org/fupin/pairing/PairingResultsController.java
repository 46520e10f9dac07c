package org.fupin.pairing;

import org.fupin.graphql.Mutations;
import org.fupin.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The mutations of pairings' yearly figures; each runs through {@link Mutations}. */
@Controller
class PairingResultsController {

	private final PairingResultsService results;

	private final Mutations mutations;

	PairingResultsController(PairingResultsService results, Mutations mutations) {
		this.results = results;
		this.mutations = mutations;
	}

	@MutationMapping
	PairingYearResults recordPairingResults(@Argument PairingResultsInput input,
			@ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return this.mutations.run(() -> this.results.record(input, caller));
	}

	@MutationMapping
	PairingYearResults correctPairingResults(@Argument PairingResultsInput input,
			@ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return this.mutations.run(() -> this.results.correct(input, caller));
	}

}
