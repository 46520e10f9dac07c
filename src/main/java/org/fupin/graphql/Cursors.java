package org.fupin.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Opaque keyset cursors and the pages built from them, for any list ordered by a few
 * string keys: a cursor holds the list's name and the sort keys of the last item seen, so
 * the next page is a range seek ({@code WHERE key > $after}) instead of a skip.
 */
public final class Cursors {

	private static final char SEPARATOR = '\u001f';

	private Cursors() {
	}

	/** A cursor of the list {@code list} positioned after an item with these keys. */
	public static String encode(String list, String... keys) {
		String raw = list + SEPARATOR + String.join(String.valueOf(SEPARATOR), keys);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The keys held by {@code cursor}, or {@code null} for no cursor.
	 * @throws ApiException {@link ErrorCode#INVALID_CURSOR} for a cursor this list did
	 * not hand out
	 */
	public static String[] decode(String cursor, String list, int keys) {
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
		if (parts.length != keys + 1 || !parts[0].equals(list)) {
			throw invalid(cursor);
		}
		String[] values = new String[keys];
		System.arraycopy(parts, 1, values, 0, keys);
		return values;
	}

	/**
	 * A page from the rows of a query that asked for {@code page.first() + 1} rows: the
	 * extra row only tells that a next page exists.
	 */
	public static <T> Connection<T> page(List<T> rows, PageRequest page, Function<T, String> cursorOf, Long total) {
		List<Connection.Edge<T>> edges = rows.stream()
			.limit(page.first())
			.map((row) -> new Connection.Edge<>(cursorOf.apply(row), row))
			.toList();
		Connection.PageInfo info = new Connection.PageInfo(rows.size() > page.first(), page.after() != null,
				edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, info, total);
	}

	private static ApiException invalid(String cursor) {
		return new ApiException(ErrorCode.INVALID_CURSOR, "after",
				"'" + cursor + "' is not a cursor of this list; use an edge's cursor or pageInfo.endCursor.");
	}

}
