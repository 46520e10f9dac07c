package org.fupin.party;

import java.util.Map;

/**
 * The Cypher projections of parties and their mapping, for another feature's query that
 * reads parties along with its own records (the single-asset hot path) and must produce
 * exactly what {@link PartyLoaders} would: same fragments, same records.
 */
public final class PartyRows {

	/** Projection of an {@code Organisation} node bound to {@code o}. */
	public static final String ORGANISATION = PartyRepository.ORGANISATION;

	/** Projection of a {@code Household} node bound to {@code h}. */
	public static final String HOUSEHOLD = PartyRepository.HOUSEHOLD;

	/** Projection of a {@code Person} node bound to {@code p}. */
	public static final String PERSON = PartyRepository.PERSON;

	private PartyRows() {
	}

	public static Organisation organisation(Map<String, Object> row) {
		return Organisation.from(row);
	}

	public static Household household(Map<String, Object> row) {
		return Household.from(row);
	}

	public static Person person(Map<String, Object> row) {
		return Person.from(row);
	}

}
