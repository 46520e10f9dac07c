package org.fupin.graphql;

import java.util.List;

/**
 * A page of a cursor connection (Relay style), shared by every list in the API.
 *
 * @param edges the items of this page with their cursors
 * @param pageInfo where this page sits
 * @param totalCount items matching the filter over all pages; {@code null} when the query
 * did not select it, so that it is never counted for nothing
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Long totalCount) {

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
