package org.fupin.pairing;

import org.fupin.graphql.Cursors;

/**
 * Keyset cursors of the pairing feature's lists ({@link Cursors} with one key): the list
 * kind and the sort key of the last item seen, so the next page is a range seek.
 */
final class PairingCursor {

	static final String PAIRING = "pairings";

	private PairingCursor() {
	}

	static String encode(String key) {
		return encode(PAIRING, key);
	}

	static String encode(String kind, String key) {
		return Cursors.encode(kind, key);
	}

	static String decode(String cursor) {
		return decode(PAIRING, cursor);
	}

	/** The key in a cursor of list {@code kind}, or null for no cursor. */
	static String decode(String kind, String cursor) {
		String[] keys = Cursors.decode(cursor, kind, 1);
		return (keys != null) ? keys[0] : null;
	}

}
