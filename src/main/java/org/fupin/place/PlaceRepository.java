package org.fupin.place;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Lean Cypher for places: each query returns exactly the rows the API shows, in one round
 * trip. Dynamic parts are chosen from fixed fragments; every value is a parameter.
 */
@Repository
class PlaceRepository {

	private final Neo4jClient neo4j;

	PlaceRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	Map<String, Place> findByCodes(Collection<String> codes) {
		Map<String, Place> places = new HashMap<>();
		this.neo4j.query("MATCH (p:Place) WHERE p.code IN $codes RETURN " + PlaceRows.PROJECTION + " AS place")
			.bind(codes)
			.to("codes")
			.fetch()
			.all()
			.forEach((row) -> {
				Place place = Place.from(map(row.get("place")));
				places.put(place.code(), place);
			});
		return places;
	}

	/**
	 * Rows of one page under a parent: up to {@code limit} places, and the total if
	 * asked.
	 */
	record Rows(List<Place> places, Long total) {
	}

	/**
	 * Loads the same list under each parent code (empty string: the whole country) with
	 * one query.
	 */
	Map<String, Rows> findPages(PlaceListKey shape, Collection<String> parentCodes, PlaceCursor after, int limit) {
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
		String match = "MATCH (n:" + level.label() + ") WHERE " + String.join(" AND ", conditions);

		List<String> pageConditions = new ArrayList<>();
		if (after != null) {
			pageConditions.add(keyset(shape.order()));
			parameters.put("afterCode", after.code());
			parameters.put("afterName", after.name());
		}
		String pageMatch = pageConditions.isEmpty() ? match : match + " AND " + pageConditions.get(0);
		String orderBy = switch (shape.order()) {
			case CODE_ASC -> "n.code ASC";
			case CODE_DESC -> "n.code DESC";
			case NAME_ASC -> "n.name ASC, n.code ASC";
			case NAME_DESC -> "n.name DESC, n.code DESC";
		};
		String total = shape.withTotal() ? """
				CALL (parent) {
				  %s
				  RETURN count(n) AS total
				}
				""".formatted(match) : "";
		String cypher = """
				UNWIND $parents AS parent
				CALL (parent) {
				  %s
				  WITH n ORDER BY %s LIMIT $limit
				  RETURN collect(n {.*}) AS nodes
				}
				%s
				RETURN parent, nodes, %s AS total
				""".formatted(pageMatch, orderBy, total, shape.withTotal() ? "total" : "null");
		parameters.put("parents", List.copyOf(parentCodes));
		parameters.put("limit", limit);

		Map<String, Rows> pages = new LinkedHashMap<>();
		this.neo4j.query(cypher).bindAll(parameters).fetch().all().forEach((row) -> {
			List<Place> places = ((List<?>) row.get("nodes")).stream().map((node) -> Place.from(map(node))).toList();
			Object count = row.get("total");
			pages.put((String) row.get("parent"),
					new Rows(places, (count != null) ? ((Number) count).longValue() : null));
		});
		return pages;
	}

	private static String keyset(PlaceOrder order) {
		return switch (order) {
			case CODE_ASC -> "n.code > $afterCode";
			case CODE_DESC -> "n.code < $afterCode";
			case NAME_ASC -> "(n.name > $afterName OR (n.name = $afterName AND n.code > $afterCode))";
			case NAME_DESC -> "(n.name < $afterName OR (n.name = $afterName AND n.code < $afterCode))";
		};
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
