package org.fupin.asset;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.Cursors;
import org.fupin.graphql.ErrorCode;

/**
 * Cursors of asset lists: the order, the sort value and the register number of the last
 * item, so the next page is a range seek. A cursor made for one order does not continue
 * another.
 */
final class AssetCursors {

	private AssetCursors() {
	}

	static String encode(AssetOrder order, Asset asset) {
		return Cursors.encode("assets-" + order.name(), order.sortValue(asset), asset.registerNo());
	}

	/** The sort value and register number held by {@code cursor}, or null for none. */
	static String[] decode(String cursor, AssetOrder order) {
		String[] keys = Cursors.decode(cursor, "assets-" + order.name(), 2);
		if (keys != null) {
			try {
				order.parseSortValue(keys[0]);
			}
			catch (RuntimeException ex) {
				throw new ApiException(ErrorCode.INVALID_CURSOR, "after",
						"'" + cursor + "' is not a cursor of this list; use an edge's cursor or pageInfo.endCursor.");
			}
		}
		return keys;
	}

}
