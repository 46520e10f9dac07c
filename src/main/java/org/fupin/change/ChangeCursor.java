package org.fupin.change;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;

/**
 * Keyset position in the change history, newest first: the time and id of the last event
 * seen. The id breaks ties between events of the same instant.
 */
record ChangeCursor(OffsetDateTime at, String id) {

	private static final String PREFIX = "change|";

	static ChangeCursor after(ChangeEvent event) {
		return new ChangeCursor(event.at(), event.id());
	}

	String encode() {
		String raw = PREFIX + this.at + "|" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** The position a cursor names, or {@code null} for none. */
	static ChangeCursor decode(String cursor) {
		if (cursor == null) {
			return null;
		}
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			String[] parts = raw.split("\\|", 3);
			if (parts.length != 3 || !(parts[0] + "|").equals(PREFIX) || parts[2].isEmpty()) {
				throw invalid(cursor);
			}
			return new ChangeCursor(OffsetDateTime.parse(parts[1]), parts[2]);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw invalid(cursor);
		}
	}

	private static ApiException invalid(String cursor) {
		return new ApiException(ErrorCode.INVALID_CURSOR, "after",
				"'" + cursor + "' is not a cursor of the change history; use an edge's cursor or pageInfo.endCursor.");
	}

}
