package org.fupin.asset;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * One page of the same list under many parents in one query: {@code UNWIND $parents}, a
 * subquery per parent that reads up to {@code $limit} rows after the cursor, and a count
 * subquery only when the total was asked for. The fragments come from fixed text; every
 * value is a parameter.
 *
 * @param match Cypher binding the list's rows for {@code parent}, ending with a
 * {@code WITH} of the variables that the other fragments use
 * @param keyset condition on those variables continuing after the cursor, or null for the
 * first page
 * @param orderBy the ORDER BY items
 * @param projection the expression each row becomes
 */
record PagedQuery(String match, String keyset, String orderBy, String projection, boolean withTotal) {

	String cypher() {
		String page = (this.keyset != null) ? this.match + " WHERE " + this.keyset : this.match;
		String total = this.withTotal ? """
				CALL (parent) {
				  %s
				  RETURN count(*) AS total
				}
				""".formatted(this.match) : "";
		return """
				UNWIND $parents AS parent
				CALL (parent) {
				  %s
				  WITH * ORDER BY %s LIMIT $limit
				  RETURN collect(%s) AS items
				}
				%sRETURN parent, items, %s AS total
				""".formatted(page, this.orderBy, this.projection, total, this.withTotal ? "total" : "null");
	}

	/**
	 * Runs the query for {@code parents} (with {@code parameters} besides {@code parents}
	 * and {@code limit}); each item is made by {@code item} from its parent and row.
	 */
	<T> Map<String, Rows<T>> fetch(Neo4jClient neo4j, Collection<String> parents, int limit,
			Map<String, Object> parameters, BiFunction<String, Row, T> item) {
		Map<String, Object> all = new HashMap<>(parameters);
		all.put("parents", List.copyOf(parents));
		all.put("limit", limit);
		Map<String, Rows<T>> pages = new HashMap<>();
		neo4j.query(cypher()).bindAll(all).fetch().all().forEach((row) -> {
			String parent = (String) row.get("parent");
			List<T> items = ((List<?>) row.get("items")).stream()
				.map((value) -> item.apply(parent, Row.of(value)))
				.toList();
			Object total = row.get("total");
			pages.put(parent, new Rows<>(items, (total != null) ? ((Number) total).longValue() : null));
		});
		return pages;
	}

}
