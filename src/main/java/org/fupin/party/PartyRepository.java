package org.fupin.party;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fupin.graphql.Keyset;
import org.fupin.graphql.PageQuery;
import org.fupin.graphql.PageRequest;
import org.fupin.graphql.Rows;
import org.fupin.graphql.SortKey;
import org.fupin.neo4j.CypherStatement;
import org.fupin.neo4j.SingleStatementReads;

import org.springframework.stereotype.Repository;

/**
 * Lean Cypher for organisations, households and persons: map projections of exactly the
 * fields the API shows, the place or employer code folded in.
 */
@Repository
class PartyRepository {

	/**
	 * Projection of an organisation bound to {@code o}, for {@link Organisation#from}.
	 */
	static final String ORGANISATION = "o {.creditCode, .name, .kind, .enterpriseType, .illustrative, "
			+ "placeCode: head([(o)-[:LOCATED_IN]->(p:Place) | p.code])}";

	private final SingleStatementReads reads;

	PartyRepository(SingleStatementReads reads) {
		this.reads = reads;
	}

	Map<String, Organisation> findOrganisations(Collection<String> codes) {
		return find("MATCH (o:Organisation) WHERE o.creditCode IN $ids RETURN " + ORGANISATION + " AS row", codes,
				Organisation::from, Organisation::creditCode);
	}

	/** Projection of a household bound to {@code h}, for {@link Household#from}. */
	static final String HOUSEHOLD = """
			h {.householdNo, .headName, .idNumber, .size, .formerlyPoor, .illustrative,
			   villageCode: head([(h)-[:LOCATED_IN]->(v:Village) | v.code])}""";

	Map<String, Household> findHouseholds(Collection<String> numbers) {
		return find("MATCH (h:Household) WHERE h.householdNo IN $ids RETURN " + HOUSEHOLD + " AS row", numbers,
				Household::from, Household::householdNo);
	}

	/** Households by household number. */
	static final Keyset<Household> HOUSEHOLDS = Keyset.of("households",
			SortKey.text("no", "h.householdNo", Household::householdNo));

	/** Organisations by credit code. */
	static final Keyset<Organisation> ORGANISATIONS = Keyset.of("organisations",
			SortKey.text("code", "o.creditCode", Organisation::creditCode));

	/**
	 * A page of households in household-number order, and their total when
	 * {@code withTotal}. A place filter starts from the villages (a range seek on their
	 * codes).
	 */
	Rows<Household> findHouseholdPage(HouseholdFilter filter, PageRequest page, boolean withTotal) {
		Map<String, Object> parameters = new HashMap<>();
		return households(filter, parameters).page(HOUSEHOLDS)
			.fetch(this.reads::rows, page, withTotal, parameters, (row) -> Household.from(map(row)));
	}

	/** The numbers of the households the filter selects, in order. */
	List<String> householdNos(HouseholdFilter filter) {
		CypherStatement selection = householdSelection(filter);
		return this.reads
			.rows(selection.text() + " RETURN h.householdNo AS no ORDER BY h.householdNo", selection.parameters())
			.stream()
			.map((row) -> (String) row.get("no"))
			.toList();
	}

	/**
	 * The households the filter selects, bound to {@code h}, ending in {@code WITH h}.
	 */
	CypherStatement householdSelection(HouseholdFilter filter) {
		Map<String, Object> parameters = new HashMap<>();
		return new CypherStatement(households(filter, parameters).selection(), parameters);
	}

	private static Selection households(HouseholdFilter filter, Map<String, Object> parameters) {
		List<String> conditions = new ArrayList<>();
		String match = "MATCH (h:Household)";
		if (filter.placeCode() != null) {
			match = "MATCH (v:Village) WHERE v.code STARTS WITH $placeCode MATCH (h:Household)-[:LOCATED_IN]->(v)";
			parameters.put("placeCode", filter.placeCode());
		}
		if (filter.idNumber() != null) {
			conditions.add("h.idNumber = $idNumber");
			parameters.put("idNumber", filter.idNumber());
		}
		if (filter.headName() != null) {
			conditions.add("h.headName = $headName");
			parameters.put("headName", filter.headName());
		}
		return new Selection("h", match, conditions, HOUSEHOLD);
	}

	/** Projection of a person bound to {@code p}, for {@link Person#from}. */
	static final String PERSON = "p {.personId, .name, .role, .illustrative, "
			+ "organisationCode: head([(p)-[:WORKS_FOR]->(o:Organisation) | o.creditCode])}";

	Map<String, Person> findPersons(Collection<String> ids) {
		return find("MATCH (p:Person) WHERE p.personId IN $ids RETURN " + PERSON + " AS row", ids, Person::from,
				Person::personId);
	}

	/**
	 * A page of organisations in credit-code order, and their total when
	 * {@code withTotal}. A place filter starts from the places (a range seek on their
	 * codes) rather than from every organisation.
	 */
	Rows<Organisation> findOrganisationPage(OrganisationFilter filter, PageRequest page, boolean withTotal) {
		Map<String, Object> parameters = new HashMap<>();
		return organisations(filter, parameters).page(ORGANISATIONS)
			.fetch(this.reads::rows, page, withTotal, parameters, (row) -> Organisation.from(map(row)));
	}

	/**
	 * The organisations the filter selects, bound to {@code o}, ending in {@code WITH o}.
	 */
	CypherStatement organisationSelection(OrganisationFilter filter) {
		Map<String, Object> parameters = new HashMap<>();
		return new CypherStatement(organisations(filter, parameters).selection(), parameters);
	}

	private static Selection organisations(OrganisationFilter filter, Map<String, Object> parameters) {
		List<String> conditions = new ArrayList<>();
		String match = "MATCH (o:Organisation)";
		if (filter.placeCode() != null) {
			match = "MATCH (p:Place) WHERE p.code STARTS WITH $placeCode MATCH (o:Organisation)-[:LOCATED_IN]->(p)";
			parameters.put("placeCode", filter.placeCode());
		}
		if (filter.kind() != null) {
			conditions.add("o.kind = $kind");
			parameters.put("kind", filter.kind());
		}
		if (filter.nameContains() != null) {
			conditions.add("o.name CONTAINS $nameContains");
			parameters.put("nameContains", filter.nameContains());
		}
		return new Selection("o", match, conditions, ORGANISATION);
	}

	/**
	 * The nodes a filter selects, bound to {@code variable}: fixed Cypher fragments only
	 * (every value is a parameter).
	 *
	 * @param match the MATCH that binds the variable
	 * @param conditions filter conditions on it, joined by AND
	 * @param projection the row projection of the variable
	 */
	record Selection(String variable, String match, List<String> conditions, String projection) {

		/** The MATCH and the conditions, ending in {@code WITH variable}. */
		String selection() {
			return this.match
					+ (this.conditions.isEmpty() ? ""
							: " WITH " + this.variable + " WHERE " + String.join(" AND ", this.conditions))
					+ " WITH " + this.variable;
		}

		PageQuery page(Keyset<?> order) {
			return new PageQuery(selection(), order, this.projection);
		}

	}

	private <T> Map<String, T> find(String cypher, Collection<String> ids, Function<Map<String, Object>, T> mapper,
			Function<T, String> key) {
		Map<String, T> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.reads.rows(cypher, Map.of("ids", List.copyOf(ids))).forEach((row) -> {
			T item = mapper.apply(map(row.get("row")));
			found.put(key.apply(item), item);
		});
		return found;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
