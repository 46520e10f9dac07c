package org.fupin.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a list is ordered, and everything paging derives from it: the ORDER BY, the keyset
 * condition that continues after a cursor ({@code WHERE key > $afterKey}, a range seek
 * instead of a skip, so page 1,000 costs what page 1 costs), the opaque cursor of an item
 * and the {@link Connection} of a page. The last key must be unique within the list, so
 * that the order is total.
 * <p>
 * A cursor is the list's name, its order's name and the item's sort key values, joined
 * and Base64url-encoded. It is opaque to clients: only its error behaviour is promised (a
 * cursor of another kind of list or of another order is refused with
 * {@link ErrorCode#INVALID_CURSOR}). It does not carry the list's parent or filter: lists
 * of one kind share their cursors (the five place levels are one kind, {@code places}).
 *
 * @param list the list's name, which a cursor must carry to continue it
 * @param order the name of the order, for lists that offer several, or {@code ""}
 * @param keys the sort keys, most significant first
 */
public record Keyset<T>(String list, String order, List<SortKey<T>> keys) {

	private static final char SEPARATOR = '\u001f';

	@SafeVarargs
	public static <T> Keyset<T> of(String list, SortKey<T>... keys) {
		return new Keyset<>(list, "", List.of(keys));
	}

	/** The same list in the order {@code order}, with these keys. */
	@SafeVarargs
	public static <T> Keyset<T> ordered(String list, Enum<?> order, SortKey<T>... keys) {
		return new Keyset<>(list, order.name(), List.of(keys));
	}

	/** The ORDER BY items. */
	public String orderBy() {
		return String.join(", ",
				this.keys.stream().map((key) -> key.expression() + (key.descending() ? " DESC" : " ASC")).toList());
	}

	/**
	 * The condition that holds for the items after the cursor's position, with the
	 * position's values as parameters ({@link #after}).
	 */
	public String condition() {
		return condition(0);
	}

	private String condition(int i) {
		SortKey<T> key = this.keys.get(i);
		String seek = key.expression() + (key.descending() ? " < $" : " > $") + key.parameter();
		if (i == this.keys.size() - 1) {
			return seek;
		}
		String rest = condition(i + 1);
		String after = "(" + seek + " OR (" + key.expression() + " = $" + key.parameter() + " AND " + rest + "))";
		if (!key.nullable()) {
			return after;
		}
		// Nulls come last going up, first going down; a cursor's null stands for them.
		String value = "$" + key.parameter();
		String valueIsNull = "(" + value + " IS NULL AND " + (key.descending()
				? "(" + key.expression() + " IS NOT NULL OR " + rest + ")" : key.expression() + " IS NULL AND " + rest)
				+ ")";
		String afterValue = key.descending() ? after : "(" + seek + " OR " + key.expression() + " IS NULL OR ("
				+ key.expression() + " = " + value + " AND " + rest + "))";
		return "(" + valueIsNull + " OR (" + value + " IS NOT NULL AND " + afterValue + "))";
	}

	/** The cursor of {@code item}: the list, the order and the item's sort key values. */
	public String cursor(T item) {
		StringBuilder raw = new StringBuilder(this.list).append(SEPARATOR).append(this.order);
		for (SortKey<T> key : this.keys) {
			Object value = key.value().apply(item);
			raw.append(SEPARATOR).append((value != null) ? value.toString() : "");
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The parameters of {@link #condition()} for {@code cursor}, or {@code null} for no
	 * cursor. Pure, so that it can validate the arguments of each parent object.
	 * @throws ApiException {@link ErrorCode#INVALID_CURSOR} for a cursor this list in
	 * this order did not hand out
	 */
	public Map<String, Object> after(String cursor) {
		if (cursor == null) {
			return null;
		}
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(cursor);
		}
		String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
		if (parts.length < 2 || !parts[0].equals(this.list)) {
			throw invalid(cursor);
		}
		if (!parts[1].equals(this.order)) {
			throw new ApiException(ErrorCode.INVALID_CURSOR, "after", "The cursor was made for orderBy " + parts[1]
					+ " and cannot continue a list ordered by " + this.order + ".");
		}
		if (parts.length != this.keys.size() + 2) {
			throw invalid(cursor);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		for (int i = 0; i < this.keys.size(); i++) {
			SortKey<T> key = this.keys.get(i);
			String text = parts[i + 2];
			try {
				after.put(key.parameter(), text.isEmpty() ? null : key.parse().apply(text));
			}
			catch (RuntimeException ex) {
				throw invalid(cursor);
			}
		}
		return after;
	}

	/**
	 * The page of rows read with {@link PageRequest#limit()}: the extra row only tells
	 * that a next page exists.
	 */
	public Connection<T> connection(Rows<T> rows, PageRequest page) {
		List<Connection.Edge<T>> edges = rows.items()
			.stream()
			.limit(page.first())
			.map((row) -> new Connection.Edge<>(cursor(row), row))
			.toList();
		Connection.PageInfo info = new Connection.PageInfo(rows.items().size() > page.first(), page.after() != null,
				edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, info, rows.total());
	}

	/** As {@link #connection(Rows, PageRequest)}. */
	public Connection<T> connection(List<T> rows, PageRequest page, Long total) {
		return connection(new Rows<>(rows, total), page);
	}

	private static ApiException invalid(String cursor) {
		return new ApiException(ErrorCode.INVALID_CURSOR, "after",
				"'" + cursor + "' is not a cursor of this list; use an edge's cursor or pageInfo.endCursor.");
	}

}
