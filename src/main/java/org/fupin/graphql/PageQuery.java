package org.fupin.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One bounded page of the same list under many parents in one query: {@code UNWIND
 * $parents AS parent}, a subquery per parent that reads up to {@link PageRequest#limit()}
 * rows after the cursor in the {@link Keyset}'s order, and a count subquery only when the
 * total was asked for. The fragments come from fixed text; every value is a parameter.
 *
 * <p>
 * A list whose rows are one variable can read its page and its total in one pass
 * ({@link #counted}): the rows are matched once, sorted and collected, and the page is a
 * slice of them, where the default form matches them twice (once for the page, once for
 * the count). It holds every row's node in memory for the moment, so it suits lists
 * bounded by their anchor (a province's pairings), not a whole register.
 *
 * @param match Cypher binding the list's rows for {@code parent} (a list without parents
 * has the one parent {@code ""}), ending with a {@code WITH} of the variables that the
 * order and the projection use
 * @param keyset the list's order
 * @param projection the expression each row becomes
 * @param row the one variable that {@code match} binds and the order and projection use,
 * for the one-pass count; {@code null} for the default form
 */
public record PageQuery(String match, Keyset<?> keyset, String projection, String row) {

	public PageQuery(String match, Keyset<?> keyset, String projection) {
		this(match, keyset, projection, null);
	}

	/**
	 * A page query whose rows are the variable {@code row} alone, read with its total in
	 * one pass.
	 */
	public static PageQuery counted(String match, Keyset<?> keyset, String projection, String row) {
		return new PageQuery(match, keyset, projection, row);
	}

	/**
	 * The query's text: with the keyset condition after a cursor, with the count if
	 * asked.
	 */
	public String cypher(boolean afterCursor, boolean withTotal) {
		return "UNWIND $parents AS parent\n" + perParent(afterCursor, withTotal) + "RETURN parent, items, "
				+ (withTotal ? "total" : "null AS total") + "\n";
	}

	/**
	 * The subqueries that read the page under {@code parent}, a variable already bound,
	 * into {@code items} and, when {@code withTotal}, {@code total}: what {@link #cypher}
	 * runs for each of {@code $parents}, for a statement that finds the parents itself (a
	 * list nested in a root field's one statement).
	 */
	public String perParent(boolean afterCursor, boolean withTotal) {
		if (withTotal && this.row != null) {
			String rows = afterCursor ? "[%1$s IN rows WHERE %2$s]".formatted(this.row, this.keyset.condition())
					: "rows";
			return """
					CALL (parent) {
					  %1$s
					  WITH %2$s ORDER BY %3$s
					  WITH collect(%2$s) AS rows
					  RETURN [%2$s IN %4$s[..$limit] | %5$s] AS items, size(rows) AS total
					}
					""".formatted(this.match, this.row, this.keyset.orderBy(), rows, this.projection);
		}
		String page = afterCursor ? this.match + " WHERE " + this.keyset.condition() : this.match;
		String total = withTotal ? """
				CALL (parent) {
				  %s
				  RETURN count(*) AS total
				}
				""".formatted(this.match) : "";
		return """
				CALL (parent) {
				  %s
				  WITH * ORDER BY %s LIMIT $limit
				  RETURN collect(%s) AS items
				}
				%s""".formatted(page, this.keyset.orderBy(), this.projection, total);
	}

	/**
	 * Reads the page {@code page} under each of {@code parents} (with {@code parameters}
	 * besides {@code parents}, {@code limit} and the cursor's); each item is made by
	 * {@code item} from its parent and projected row. Parents without rows are absent.
	 */
	public <T> Map<String, Rows<T>> fetch(Statements statements, Collection<String> parents, PageRequest page,
			boolean withTotal, Map<String, Object> parameters, BiFunction<String, Object, T> item) {
		Map<String, Object> after = this.keyset.after(page.after());
		Map<String, Object> all = new HashMap<>(parameters);
		if (after != null) {
			all.putAll(after);
		}
		all.put("parents", List.copyOf(parents));
		all.put("limit", page.limit());
		Map<String, Rows<T>> pages = new HashMap<>();
		statements.rows(cypher(after != null, withTotal), all).forEach((row) -> {
			String parent = (String) row.get("parent");
			List<T> items = ((List<?>) row.get("items")).stream().map((value) -> item.apply(parent, value)).toList();
			Object total = row.get("total");
			pages.put(parent, new Rows<>(items, (total != null) ? ((Number) total).longValue() : null));
		});
		return pages;
	}

	/** The rows of the page {@code page} of a list without parents. */
	public <T> Rows<T> fetch(Statements statements, PageRequest page, boolean withTotal, Map<String, Object> parameters,
			Function<Object, T> item) {
		return fetch(statements, List.of(""), page, withTotal, parameters, (parent, value) -> item.apply(value))
			.getOrDefault("", Rows.empty(withTotal));
	}

	/**
	 * Where a page's statement runs: {@code SingleStatementReads::rows} in the
	 * application, so that a page read outside a transaction is one read of its own.
	 */
	@FunctionalInterface
	public interface Statements {

		/** The rows of {@code cypher}, each as a map of its columns. */
		Collection<Map<String, Object>> rows(String cypher, Map<String, Object> parameters);

	}

}
