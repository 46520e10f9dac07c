package org.fupin.party;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fupin.neo4j.CypherStatement;

import org.springframework.data.neo4j.core.Neo4jClient;
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

	private final Neo4jClient neo4j;

	PartyRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
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

	/**
	 * Up to {@code limit} households after {@code afterNo} in household-number order, and
	 * their total when {@code withTotal}. A place filter starts from the villages (a
	 * range seek on their codes).
	 */
	Rows<Household> findHouseholdPage(HouseholdFilter filter, String afterNo, int limit, boolean withTotal) {
		Map<String, Object> parameters = new HashMap<>();
		return findPage(households(filter, parameters), parameters, afterNo, limit, withTotal, Household::from);
	}

	/**
	 * The households the filter selects, bound to {@code h}, ending in {@code WITH h}.
	 */
	CypherStatement householdSelection(HouseholdFilter filter) {
		Map<String, Object> parameters = new HashMap<>();
		return new CypherStatement(households(filter, parameters).selection(), parameters);
	}

	private static PageQuery households(HouseholdFilter filter, Map<String, Object> parameters) {
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
		return new PageQuery("h", match, conditions, "householdNo", HOUSEHOLD);
	}

	/** Projection of a person bound to {@code p}, for {@link Person#from}. */
	static final String PERSON = "p {.personId, .name, .role, .illustrative, "
			+ "organisationCode: head([(p)-[:WORKS_FOR]->(o:Organisation) | o.creditCode])}";

	Map<String, Person> findPersons(Collection<String> ids) {
		return find("MATCH (p:Person) WHERE p.personId IN $ids RETURN " + PERSON + " AS row", ids, Person::from,
				Person::personId);
	}

	/**
	 * Up to {@code limit} organisations after {@code afterCode} in credit-code order, and
	 * their total when {@code withTotal}. A place filter starts from the places (a range
	 * seek on their codes) rather than from every organisation.
	 */
	Rows<Organisation> findOrganisationPage(OrganisationFilter filter, String afterCode, int limit, boolean withTotal) {
		Map<String, Object> parameters = new HashMap<>();
		return findPage(organisations(filter, parameters), parameters, afterCode, limit, withTotal, Organisation::from);
	}

	/**
	 * The organisations the filter selects, bound to {@code o}, ending in {@code WITH o}.
	 */
	CypherStatement organisationSelection(OrganisationFilter filter) {
		Map<String, Object> parameters = new HashMap<>();
		return new CypherStatement(organisations(filter, parameters).selection(), parameters);
	}

	private static PageQuery organisations(OrganisationFilter filter, Map<String, Object> parameters) {
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
		return new PageQuery("o", match, conditions, "creditCode", ORGANISATION);
	}

	/** One page of rows in key order, and their total when it was asked for. */
	record Rows<T>(List<T> rows, Long total) {
	}

	/**
	 * A keyset-paged list of nodes bound to {@code variable}: fixed Cypher fragments only
	 * (every value is a parameter).
	 *
	 * @param match the MATCH that binds the variable
	 * @param conditions filter conditions on it, joined by AND
	 * @param key the unique property the page is ordered and cut by
	 * @param projection the row projection of the variable
	 */
	record PageQuery(String variable, String match, List<String> conditions, String key, String projection) {

		/** The MATCH and the conditions, ending in {@code WITH variable}. */
		String selection() {
			return this.match + where() + " WITH " + this.variable;
		}

		String where() {
			return this.conditions.isEmpty() ? ""
					: " WITH " + this.variable + " WHERE " + String.join(" AND ", this.conditions);
		}

	}

	private <T> Rows<T> findPage(PageQuery query, Map<String, Object> parameters, String after, int limit,
			boolean withTotal, Function<Map<String, Object>, T> mapper) {
		String n = query.variable();
		String where = query.where();
		String page = (after != null) ? " WITH " + n + " WHERE " + n + "." + query.key() + " > $after" : "";
		parameters.put("after", after);
		parameters.put("limit", limit);
		String total = withTotal ? "CALL () { " + query.match() + where + " RETURN count(" + n + ") AS total }" : "";
		String cypher = """
				%s
				CALL () {
				  %s%s%s
				  WITH %s ORDER BY %s.%s LIMIT $limit
				  RETURN collect(%s) AS rows
				}
				RETURN rows, %s AS total""".formatted(total, query.match(), where, page, n, n, query.key(),
				query.projection(), withTotal ? "total" : "null");
		Map<String, Object> result = this.neo4j.query(cypher).bindAll(parameters).fetch().one().orElseThrow();
		List<T> rows = ((List<?>) result.get("rows")).stream().map((row) -> mapper.apply(map(row))).toList();
		Object count = result.get("total");
		return new Rows<>(rows, (count != null) ? ((Number) count).longValue() : null);
	}

	private <T> Map<String, T> find(String cypher, Collection<String> ids, Function<Map<String, Object>, T> mapper,
			Function<T, String> key) {
		Map<String, T> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.neo4j.query(cypher).bind(List.copyOf(ids)).to("ids").fetch().all().forEach((row) -> {
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
