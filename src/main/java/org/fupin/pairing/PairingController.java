package org.fupin.pairing;

import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.fupin.graphql.Connection;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Root queries of pairings, coverage gaps and dashboard numbers. */
@Controller
class PairingController {

	private final PairingService pairings;

	private final CoverageService coverage;

	private final GraphQlProperties properties;

	PairingController(PairingService pairings, CoverageService coverage, GraphQlProperties properties) {
		this.pairings = pairings;
		this.coverage = coverage;
		this.properties = properties;
	}

	@QueryMapping
	Pairing pairing(@Argument String id) {
		return this.pairings.find(id);
	}

	@QueryMapping
	Connection<Pairing> pairings(@Argument PairingFilter filter, @Argument Integer first, @Argument String after,
			DataFetchingFieldSelectionSet selection) {
		filter = PairingFilter.orNone(filter).validated("filter");
		PageRequest page = PageRequest.of(first, after, this.properties.maxPageSize());
		boolean withTotal = selection.contains("totalCount");
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
		return this.pairings.list(key);
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
