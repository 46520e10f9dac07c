package org.fupin.pairing;

import org.fupin.graphql.PageRequest;

/**
 * One pairing list to load: its scope and anchor, filter and page. Keys that differ only
 * in the anchor load together in one query.
 */
record PairingListKey(PairingScope scope, String anchor, PairingFilter filter, PageRequest page, boolean withTotal) {

	PairingListKey {
		if (page.after() != null) {
			PairingCursor.decode(page.after());
		}
	}

	PairingListKey shape() {
		return new PairingListKey(this.scope, null, this.filter, this.page, this.withTotal);
	}

	String anchorOrEmpty() {
		return (this.anchor != null) ? this.anchor : "";
	}

}
