package org.fupin.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * One bounded page of the same list under many parents in one query: {@code UNWIND
 * $parents AS parent}, a subquery per parent that reads up to {@link PageRequest#limit()}
 * rows after the cursor in the {@link Keyset}'s order, and a count subquery only when the
 * total was asked for. The fragments come from fixed text; every value is a parameter.
 *
 * @param match Cypher binding the list's rows for {@code parent} (a list without parents
 * has the one parent {@code ""}), ending with a {@code WITH} of the variables that the
 * order and the projection use
 * @param keyset the list's order
 * @param projection the expression each row becomes
 */
public record PageQuery(String match, Keyset<?> keyset, String projection) {

	/**
	 * The query's text: with the keyset condition after a cursor, with the count if
	 * asked.
	 */
	public String cypher(boolean afterCursor, boolean withTotal) {
		String page = afterCursor ? this.match + " WHERE " + this.keyset.condition() : this.match;
		String total = withTotal ? """
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
				""".formatted(page, this.keyset.orderBy(), this.projection, total, withTotal ? "total" : "null");
	}

	/**
	 * Reads the page {@code page} under each of {@code parents} (with {@code parameters}
	 * besides {@code parents}, {@code limit} and the cursor's); each item is made by
	 * {@code item} from its parent and projected row. Parents without rows are absent.
	 */
	public <T> Map<String, Rows<T>> fetch(Neo4jClient neo4j, Collection<String> parents, PageRequest page,
			boolean withTotal, Map<String, Object> parameters, BiFunction<String, Object, T> item) {
		Map<String, Object> after = this.keyset.after(page.after());
		Map<String, Object> all = new HashMap<>(parameters);
		if (after != null) {
			all.putAll(after);
		}
		all.put("parents", List.copyOf(parents));
		all.put("limit", page.limit());
		Map<String, Rows<T>> pages = new HashMap<>();
		neo4j.query(cypher(after != null, withTotal)).bindAll(all).fetch().all().forEach((row) -> {
			String parent = (String) row.get("parent");
			List<T> items = ((List<?>) row.get("items")).stream().map((value) -> item.apply(parent, value)).toList();
			Object total = row.get("total");
			pages.put(parent, new Rows<>(items, (total != null) ? ((Number) total).longValue() : null));
		});
		return pages;
	}

	/** The rows of the page {@code page} of a list without parents. */
	public <T> Rows<T> fetch(Neo4jClient neo4j, PageRequest page, boolean withTotal, Map<String, Object> parameters,
			Function<Object, T> item) {
		return fetch(neo4j, List.of(""), page, withTotal, parameters, (parent, value) -> item.apply(value))
			.getOrDefault("", Rows.empty(withTotal));
	}

}
