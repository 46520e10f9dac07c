package org.fupin.pairing;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.fupin.graphql.Connection;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.Mutations;
import org.fupin.graphql.PageRequest;
import org.fupin.party.PartyKind;
import org.fupin.party.PartyLoaders;
import org.fupin.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Root queries and mutations of pairings, coverage gaps and dashboard numbers; each
 * mutation runs through {@link Mutations}.
 */
@Controller
class PairingController {

	private final PairingService pairings;

	private final CoverageService coverage;

	private final PairingWriteService writes;

	private final NetworkService network;

	private final GraphQlProperties properties;

	private final Mutations mutations;

	PairingController(PairingService pairings, CoverageService coverage, PairingWriteService writes,
			NetworkService network, GraphQlProperties properties, Mutations mutations) {
		this.mutations = mutations;
		this.network = network;
		this.pairings = pairings;
		this.coverage = coverage;
		this.writes = writes;
		this.properties = properties;
	}

	@QueryMapping
	AssistanceNetwork assistanceNetwork(@Argument String rootId, @Argument Integer depth,
			@Argument List<PairingProgram> programs, @Argument Integer maxNodes) {
		return this.network.network(rootId, (depth != null) ? depth : 1, programs, (maxNodes != null) ? maxNodes : 100);
	}

	@QueryMapping
	List<ConnectionPath> connections(@Argument String fromId, @Argument String toId, @Argument Integer maxLength) {
		return this.network.connections(fromId, toId, (maxLength != null) ? maxLength : 6);
	}

	@MutationMapping
	Pairing createPairing(@Argument CreatePairingInput input, @ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return this.mutations.run(() -> this.writes.create(input, caller));
	}

	@MutationMapping
	Pairing amendPairing(@Argument String id, @Argument AmendPairingInput input,
			@ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return this.mutations.run(() -> this.writes.amend(id, input, caller));
	}

	@MutationMapping
	Pairing endPairing(@Argument String id, @Argument LocalDate endDate,
			@ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return this.mutations.run(() -> this.writes.end(id, endDate, caller));
	}

	@QueryMapping
	Pairing pairing(@Argument String id) {
		return this.pairings.find(id);
	}

	/**
	 * A page of pairings. When its nodes select the helper or recipient, those parties
	 * are read in the page's query and primed into the party loader, so the page is one
	 * query either way.
	 */
	@QueryMapping
	Connection<Pairing> pairings(@Argument PairingFilter filter, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment env) {
		filter = PairingFilter.orNone(filter).validated("filter");
		PageRequest page = PageRequest.of(first, after, this.properties.maxPageSize());
		boolean withTotal = FieldSelections.of(env).contains("totalCount");
		// Start from the most selective side: the recipient's places, then the helper's.
		PairingListKey key;
		if (filter.recipientId() != null) {
			key = new PairingListKey(
					PairingScope.RECIPIENT_BELOW, filter.recipientId(), new PairingFilter(filter.programs(),
							filter.kinds(), filter.helperId(), null, filter.status(), filter.activeOn()),
					page, withTotal);
		}
		else if (filter.helperId() != null) {
			key = new PairingListKey(PairingScope.HELPER_BELOW, filter.helperId(), filter.withoutParties(), page,
					withTotal);
		}
		else {
			key = new PairingListKey(PairingScope.ALL, null, filter, page, withTotal);
		}
		Set<String> nodes = FieldSelections.of(env, "edges", "node");
		boolean helper = nodes.contains("helper");
		boolean recipient = nodes.contains("recipient");
		if (!helper && !recipient) {
			return this.pairings.list(key);
		}
		PairingService.PageWithParties found = this.pairings.listWithParties(key);
		DataLoader<String, Object> parties = env.getDataLoader(PartyLoaders.PARTY_BY_ID);
		for (Connection.Edge<Pairing> edge : found.page().edges()) {
			Pairing pairing = edge.node();
			for (String id : new String[] { helper ? pairing.helperId() : null,
					recipient ? pairing.recipientId() : null }) {
				Object party = (id != null) ? found.parties().get(id) : null;
				if (party != null && PartyKind.ofId(id) == PartyKind.of(party)) {
					parties.prime(id, party);
				}
			}
		}
		return found.page();
	}

	@QueryMapping
	Connection<CoverageGap> coverageGaps(@Argument String placeCode, @Argument List<CoverageGapRule> rules,
			@Argument Integer first, @Argument String after) {
		PageRequest page = PageRequest.of(first, after, this.properties.maxPageSize());
		return this.coverage.gaps(placeCode, rules, page);
	}

	@QueryMapping
	List<PairingSummary> pairingSummary(@Argument String placeCode) {
		return this.coverage.summary(placeCode);
	}

}
