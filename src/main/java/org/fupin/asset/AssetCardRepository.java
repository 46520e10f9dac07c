package org.fupin.asset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graph.Model;
import org.fupin.neo4j.SingleStatementReads;
import org.fupin.party.Household;
import org.fupin.party.Organisation;
import org.fupin.party.PartyRows;
import org.fupin.party.Person;
import org.fupin.place.Place;
import org.fupin.place.PlaceLevel;
import org.fupin.place.PlaceRows;

import org.springframework.stereotype.Repository;

/**
 * An asset with exactly the parts its query selected, as one expression over {@code a}: a
 * map of the asset's own projection and a COLLECT subquery per part (fixed fragments,
 * values as parameters). Each part repeats the Cypher of the loader it stands in for
 * (same match, same order, same projection), so the answer is what those loaders would
 * give. The single asset by register number reads it alone ({@link #find}); a page of
 * assets reads it as the projection of every item of the page query
 * ({@link AssetRepository#findPagesWithParts}), so either is one statement.
 */
@Repository
class AssetCardRepository {

	private static final String PLACES = """
			COLLECT { MATCH (p:Place) WHERE p.code IN [n IN $codeLengths WHERE n <= size(a.placeCode) | left(a.placeCode, n)]
			          RETURN %s AS place }"""
		.formatted(PlaceRows.PROJECTION);

	private static final String OWNERS = """
			COLLECT { UNWIND $ownerDates AS date
			          MATCH (a)-[o:OWNED_BY]->(p) WHERE %s
			          WITH date, %s AS row ORDER BY row.ownerId, row.validFrom
			          RETURN {date: date, row: row} AS entry }"""
		.formatted(Model.OWNED_BY.period().currentOn("o", "date"), Ownership.PROJECTION);

	/** Owners on the dates asked, one subquery per kind of party. */
	private static final String OWNER_PARTIES = ownerParties("UNWIND $ownerDates AS date\n          ",
			Model.OWNED_BY.period().currentOn("r", "date"));

	private static final String CUSTODY = """
			COLLECT { UNWIND $custodyDates AS date
			          CALL (a, date) {
			            MATCH (a)-[:HAS_CUSTODY]->(c:Custody) WHERE %s
			            RETURN c ORDER BY c.validFrom DESC, c.id DESC LIMIT 1
			          }
			          RETURN {date: date, row: %s%%s%%s} AS entry }"""
		.formatted(Model.CUSTODY.period().currentOn("c", "date"), Custody.PROJECTION);

	private static final String CUSTODIANS = """
			, custodians: COLLECT { MATCH (c)-[:CUSTODIAN]->(o:Organisation) RETURN %s AS party }"""
		.formatted(PartyRows.ORGANISATION);

	private static final String RESPONSIBLE_PERSONS = """
			, persons: COLLECT { MATCH (c)-[:RESPONSIBLE_PERSON]->(p:Person) RETURN %s AS person }"""
		.formatted(PartyRows.PERSON);

	private static final List<Integer> CODE_LENGTHS = Arrays.stream(PlaceLevel.values())
		.map(PlaceLevel::codeLength)
		.toList();

	private final SingleStatementReads reads;

	AssetCardRepository(SingleStatementReads reads) {
		this.reads = reads;
	}

	/** The asset with the parts asked, or null when no asset has the number. */
	AssetCard find(String registerNo, AssetParts parts, LocalDate today) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("registerNo", registerNo);
		String cypher = "MATCH (a:Asset {registerNo: $registerNo})\nRETURN " + projection(parts, parameters)
				+ " AS card";
		return this.reads.first(cypher, parameters)
			.map((result) -> card(Row.of(result.get("card")), today))
			.orElse(null);
	}

	/**
	 * The asset bound to {@code a} with the parts asked, as one map expression; the
	 * parameters it uses are added to {@code parameters}. {@link #card} reads it.
	 */
	static String projection(AssetParts parts, Map<String, Object> parameters) {
		List<String> entries = new ArrayList<>();
		entries.add("asset: " + Asset.PROJECTION);
		if (parts.places()) {
			entries.add("places: " + PLACES);
			parameters.put("codeLengths", CODE_LENGTHS);
		}
		if (!parts.ownerDates().isEmpty()) {
			entries.add("owners: " + OWNERS);
			parameters.put("ownerDates", parts.ownerDates());
			if (parts.ownerParties()) {
				entries.add(OWNER_PARTIES);
			}
		}
		if (!parts.custodyDates().isEmpty()) {
			entries.add("custody: " + CUSTODY.formatted(parts.custodians() ? CUSTODIANS : "",
					parts.responsiblePersons() ? RESPONSIBLE_PERSONS : ""));
			parameters.put("custodyDates", parts.custodyDates());
		}
		return "{" + String.join(",\n", entries) + "}";
	}

	/**
	 * The parties owning {@code a} through {@code r:OWNED_BY} where {@code condition}
	 * holds (after {@code unwind}, which binds what the condition uses), as map entries,
	 * one subquery per kind of party, bound as its loader binds it: the party loader
	 * matches each kind by label, so the end node is tested for it here, after expanding
	 * from the asset. {@link #parties} reads them.
	 */
	static String ownerParties(String unwind, String condition) {
		return """
				ownerOrganisations: COLLECT { %1$sMATCH (a)-[r:OWNED_BY]->(o) WHERE o:Organisation AND %2$s
				          RETURN DISTINCT %3$s AS party },
				ownerHouseholds: COLLECT { %1$sMATCH (a)-[r:OWNED_BY]->(h) WHERE h:Household AND %2$s
				          RETURN DISTINCT %4$s AS party },
				ownerPlaces: COLLECT { %1$sMATCH (a)-[r:OWNED_BY]->(p) WHERE p:Place AND %2$s
				          RETURN DISTINCT %5$s AS party }""".formatted(unwind, condition, PartyRows.ORGANISATION,
				PartyRows.HOUSEHOLD, PlaceRows.PROJECTION);
	}

	/** The owners' parties by id, from what {@link #ownerParties} made. */
	static Map<String, Object> parties(Row result) {
		Map<String, Object> parties = new HashMap<>();
		for (Row row : result.rows("ownerOrganisations")) {
			Organisation organisation = PartyRows.organisation(row.values());
			parties.put(organisation.creditCode(), organisation);
		}
		for (Row row : result.rows("ownerHouseholds")) {
			Household household = PartyRows.household(row.values());
			parties.put(household.householdNo(), household);
		}
		for (Row row : result.rows("ownerPlaces")) {
			Place place = PlaceRows.place(row.values());
			parties.put(place.code(), place);
		}
		return parties;
	}

	/** Reads what {@link #projection} made. */
	static AssetCard card(Row result, LocalDate today) {
		Asset asset = Asset.from(Row.of(result.values().get("asset")));
		Map<String, Place> places = new HashMap<>();
		for (Row row : result.rows("places")) {
			Place place = PlaceRows.place(row.values());
			places.put(place.code(), place);
		}
		Map<LocalDate, List<Ownership>> owners = new LinkedHashMap<>();
		for (Row entry : result.rows("owners")) {
			owners.computeIfAbsent(entry.date("date"), (date) -> new ArrayList<>())
				.add(Ownership.from(asset.registerNo(), Row.of(entry.values().get("row")), today));
		}
		Map<String, Object> parties = parties(result);
		Map<LocalDate, Custody> custody = new LinkedHashMap<>();
		Map<String, Organisation> organisations = new HashMap<>();
		Map<String, Person> persons = new HashMap<>();
		for (Row entry : result.rows("custody")) {
			custody.put(entry.date("date"), Custody.from(asset.registerNo(), Row.of(entry.values().get("row"))));
			for (Row row : entry.rows("custodians")) {
				Organisation organisation = PartyRows.organisation(row.values());
				organisations.put(organisation.creditCode(), organisation);
			}
			for (Row row : entry.rows("persons")) {
				Person person = PartyRows.person(row.values());
				persons.put(person.personId(), person);
			}
		}
		return new AssetCard(asset, places, owners, parties, custody, organisations, persons);
	}

}
