package org.fupin.party;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.ErrorCode;
import org.fupin.graphql.PageRequest;
import org.fupin.neo4j.CypherStatement;
import org.fupin.place.PlaceLevel;
import org.fupin.place.PlaceService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parties (当事方): organisations, households and persons, and any of those or a place named
 * by one id, as owners, operators, beneficiaries, helpers and recipients are.
 */
@Service
@Transactional(readOnly = true)
public class PartyService {

	private final PartyRepository repository;

	private final PlaceService places;

	PartyService(PartyRepository repository, PlaceService places) {
		this.repository = repository;
		this.places = places;
	}

	/**
	 * The parties with these ids, each an {@link Organisation}, a {@link Household} or an
	 * {@link org.fupin.place.Place}; unknown or malformed ids are absent from the answer.
	 */
	public Map<String, Object> findParties(Collection<String> ids) {
		Map<PartyKind, List<String>> byKind = new HashMap<>();
		for (String id : ids) {
			PartyKind kind = PartyKind.ofId(id);
			if (kind != null) {
				byKind.computeIfAbsent(kind, (k) -> new ArrayList<>()).add(id);
			}
		}
		Map<String, Object> parties = new HashMap<>();
		parties.putAll(this.repository.findOrganisations(byKind.getOrDefault(PartyKind.ORGANISATION, List.of())));
		parties.putAll(this.repository.findHouseholds(byKind.getOrDefault(PartyKind.HOUSEHOLD, List.of())));
		List<String> placeCodes = byKind.getOrDefault(PartyKind.PLACE, List.of());
		if (!placeCodes.isEmpty()) {
			parties.putAll(this.places.findByCodes(placeCodes));
		}
		return parties;
	}

	public Map<String, Organisation> findOrganisations(Collection<String> creditCodes) {
		return this.repository.findOrganisations(creditCodes);
	}

	public Map<String, Household> findHouseholds(Collection<String> householdNos) {
		return this.repository.findHouseholds(householdNos);
	}

	public Map<String, Person> findPersons(Collection<String> personIds) {
		return this.repository.findPersons(personIds);
	}

	/**
	 * Checks that {@code id} names an existing party, for the validation of mutations.
	 * @return what kind of party it is
	 * @throws ApiException {@code INVALID_CODE} naming {@code field} for an id of none of
	 * the three forms, {@code NOT_FOUND} when nothing has it
	 */
	public PartyKind requireParty(String id, String field) {
		PartyKind kind = requireId(id, field);
		if (!findParties(List.of(id)).containsKey(id)) {
			throw notFound(kind, id, field);
		}
		return kind;
	}

	/**
	 * Checks the form of a party id without reading the database, for a caller that looks
	 * the party up in a statement of its own.
	 * @return what kind of party the id names
	 * @throws ApiException {@code INVALID_CODE} naming {@code field} for an id of none of
	 * the three forms
	 */
	public static PartyKind requireId(String id, String field) {
		PartyKind kind = PartyKind.ofId(id);
		if (kind == null) {
			throw new ApiException(ErrorCode.INVALID_CODE, field, "'" + id + "' is not a party id: use an "
					+ "organisation's 18-character credit code, a household number (H...) or a place code.");
		}
		if (kind == PartyKind.PLACE) {
			PlaceLevel.ofCode(id, field);
		}
		return kind;
	}

	/**
	 * Checks that {@code id} has the form of a {@code kind}'s id (an organisation's
	 * credit code, a household number), without reading the database.
	 * @throws ApiException {@code INVALID_CODE} naming {@code field} otherwise
	 */
	public static void requireId(String id, PartyKind kind, String field) {
		if (PartyKind.ofId(id) != kind) {
			throw new ApiException(ErrorCode.INVALID_CODE, field, "'" + id + "' is not " + switch (kind) {
				case ORGANISATION -> "an organisation's credit code: 18 digits or capital letters (统一社会信用代码).";
				case HOUSEHOLD -> "a household number: H followed by digits (户编号).";
				case PLACE -> "a place code: 2, 4, 6, 9 or 12 digits (统计用区划代码).";
			});
		}
	}

	/** The {@code NOT_FOUND} error for a well-formed party id nothing has. */
	public static ApiException notFound(PartyKind kind, String id, String field) {
		return ApiException.notFound(field, "No " + kind.label().toLowerCase() + " has the id " + id + ".");
	}

	/** One page of organisations in credit-code order. */
	public Connection<Organisation> organisations(OrganisationFilter filter, PageRequest page, boolean withTotal) {
		PartyRepository.ORGANISATIONS.after(page.after());
		return PartyRepository.ORGANISATIONS
			.connection(this.repository.findOrganisationPage(checked(filter, "filter"), page, withTotal), page);
	}

	/**
	 * The organisations a filter selects, for the ledger export: Cypher that binds
	 * {@code o} and ends in {@code WITH o}, the same as {@code organisations(filter)}.
	 */
	public CypherStatement organisationSelection(OrganisationFilter filter, String field) {
		return this.repository.organisationSelection(checked(OrganisationFilter.orNone(filter), field));
	}

	/**
	 * The filter, checked: a well-formed place code, and a name to search for that is not
	 * blank (a blank one would select every organisation, as no filter does).
	 */
	private static OrganisationFilter checked(OrganisationFilter filter, String field) {
		if (filter.placeCode() != null) {
			PlaceLevel.ofCode(filter.placeCode(), field + ".placeCode");
		}
		if (filter.nameContains() != null && filter.nameContains().isBlank()) {
			throw ApiException.invalid(field + ".nameContains", field + ".nameContains must not be blank.");
		}
		return filter;
	}

	/**
	 * The households a filter selects, for the ledger export: Cypher that binds {@code h}
	 * and ends in {@code WITH h}, the same as {@code households(filter)}. Whoever shows
	 * them masks and logs their personal data through {@link PersonalData}.
	 */
	public CypherStatement householdSelection(HouseholdFilter filter, String field) {
		HouseholdFilter f = HouseholdFilter.orNone(filter);
		if (f.placeCode() != null) {
			PlaceLevel.ofCode(f.placeCode(), field + ".placeCode");
		}
		return this.repository.householdSelection(f);
	}

	/**
	 * The numbers of every household a filter selects: whom a count of a search by
	 * personal data tells about.
	 */
	public List<String> householdNos(HouseholdFilter filter) {
		return this.repository.householdNos(filter);
	}

	/** One page of households in household-number order. */
	public Connection<Household> households(HouseholdFilter filter, PageRequest page, boolean withTotal) {
		PartyRepository.HOUSEHOLDS.after(page.after());
		if (filter.placeCode() != null) {
			PlaceLevel.ofCode(filter.placeCode(), "filter.placeCode");
		}
		return PartyRepository.HOUSEHOLDS.connection(this.repository.findHouseholdPage(filter, page, withTotal), page);
	}

}
