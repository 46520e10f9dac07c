package org.fupin.asset;

import java.time.LocalDate;
import java.util.function.Function;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.Cursors;
import org.fupin.graphql.ErrorCode;
import org.fupin.graphql.PageRequest;

/**
 * The lists hanging off assets, parties, uses and fund sources, each with its cursor's
 * name and the number of sort keys a cursor holds.
 */
enum PageKind {

	OWNERSHIP("ownership", 2, LocalDate::parse), CUSTODY("custody", 2, LocalDate::parse),
	CONTRACTS("contracts", 2, LocalDate::parse), INCOMES("incomes", 2, Long::parseLong),
	BENEFICIARIES("beneficiaries", 1, String::valueOf), BENEFITS("benefits", 2, Long::parseLong),
	ALLOCATIONS("allocations", 1, String::valueOf);

	private final String list;

	private final int keys;

	/** Parses the first sort key, to reject a cursor whose value was tampered with. */
	private final Function<String, Object> firstKey;

	PageKind(String list, int keys, Function<String, Object> firstKey) {
		this.list = list;
		this.keys = keys;
		this.firstKey = firstKey;
	}

	/**
	 * A key of this list after checking its cursor; pure, as it runs once per parent.
	 */
	PageKey key(String parent, Object argument, PageRequest page, boolean withTotal) {
		String[] after = decode(page.after());
		if (after != null) {
			try {
				this.firstKey.apply(after[0]);
			}
			catch (RuntimeException ex) {
				throw new ApiException(ErrorCode.INVALID_CURSOR, "after", "'" + page.after()
						+ "' is not a cursor of this list; use an edge's cursor or pageInfo.endCursor.");
			}
		}
		return new PageKey(parent, argument, page, withTotal);
	}

	/** The sort keys held by {@code cursor}, or null for none. */
	String[] decode(String cursor) {
		return Cursors.decode(cursor, this.list, this.keys);
	}

	String encode(String... keys) {
		return Cursors.encode(this.list, keys);
	}

}
