package org.fupin.place;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;

/**
 * Keyset position in a place list: the sort key of the last item seen. Pages continue
 * with a range seek instead of skipping rows, so page 1,000 costs what page 1 costs.
 */
record PlaceCursor(PlaceOrder order, String code, String name) {

	private static final String PREFIX = "place:";

	static PlaceCursor after(PlaceOrder order, Place place) {
		return new PlaceCursor(order, place.code(), place.name());
	}

	String encode() {
		String raw = PREFIX + this.order.name() + ":" + this.code + ":" + (this.order.byName() ? this.name : "");
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	static PlaceCursor decode(String cursor, PlaceOrder expectedOrder) {
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(cursor);
		}
		String[] parts = raw.split(":", 4);
		if (parts.length != 4 || !(parts[0] + ":").equals(PREFIX)) {
			throw invalid(cursor);
		}
		if (!parts[1].equals(expectedOrder.name())) {
			throw new ApiException(ErrorCode.INVALID_CURSOR, "after", "The cursor was made for orderBy " + parts[1]
					+ " and cannot continue a list ordered by " + expectedOrder + ".");
		}
		return new PlaceCursor(expectedOrder, parts[2], parts[3]);
	}

	private static ApiException invalid(String cursor) {
		return new ApiException(ErrorCode.INVALID_CURSOR, "after",
				"'" + cursor + "' is not a cursor of this list; use an edge's cursor or pageInfo.endCursor.");
	}

}
