package org.fupin.place;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.PageQuery;
import org.fupin.graphql.Rows;
import org.fupin.neo4j.SingleStatementReads;

import org.springframework.stereotype.Repository;

/**
 * Lean Cypher for places: each query returns exactly the rows the API shows, in one round
 * trip. Dynamic parts are chosen from fixed fragments; every value is a parameter.
 */
@Repository
class PlaceRepository {

	private final SingleStatementReads reads;

	PlaceRepository(SingleStatementReads reads) {
		this.reads = reads;
	}

	Map<String, Place> findByCodes(Collection<String> codes) {
		Map<String, Place> places = new HashMap<>();
		this.reads
			.rows("MATCH (p:Place) WHERE p.code IN $codes RETURN " + PlaceRows.PROJECTION + " AS place",
					Map.of("codes", List.copyOf(codes)))
			.forEach((row) -> {
				Place place = Place.from(map(row.get("place")));
				places.put(place.code(), place);
			});
		return places;
	}

	/**
	 * Loads the same list under each parent code (empty string: the whole country) with
	 * one query.
	 */
	Map<String, Rows<Place>> findPages(PlaceListKey shape, Collection<String> parentCodes) {
		PlaceLevel level = shape.level();
		PlaceFilter filter = shape.filter();
		Map<String, Object> parameters = new HashMap<>();
		List<String> conditions = new ArrayList<>();
		conditions.add("n.code STARTS WITH parent");
		condition(conditions, parameters, filter.nameContains(), "n.name CONTAINS $nameContains", "nameContains");
		condition(conditions, parameters, filter.region(), "n.region = $region", "region");
		condition(conditions, parameters, filter.formerlyPoor(), "n.formerlyPoor = $formerlyPoor", "formerlyPoor");
		condition(conditions, parameters, filter.nationalKeyCounty(), "n.nationalKeyCounty = $nationalKeyCounty",
				"nationalKeyCounty");
		condition(conditions, parameters, filter.keyVillage(), "n.keyVillage = $keyVillage", "keyVillage");
		condition(conditions, parameters, filter.relocationSite(), "n.relocationSite = $relocationSite",
				"relocationSite");
		String match = "MATCH (n:" + level.label() + ") WHERE " + String.join(" AND ", conditions) + "\nWITH n";
		return new PageQuery(match, shape.order().keyset(), "n {.*}").fetch(this.reads::rows, parentCodes, shape.page(),
				shape.withTotal(), parameters, (parent, node) -> Place.from(map(node)));
	}

	private static void condition(List<String> conditions, Map<String, Object> parameters, Object value,
			String fragment, String name) {
		if (value != null) {
			conditions.add(fragment);
			parameters.put(name, value);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
