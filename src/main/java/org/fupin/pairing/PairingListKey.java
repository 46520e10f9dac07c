package org.fupin.pairing;

import org.fupin.graphql.ListKey;
import org.fupin.graphql.PageRequest;

/**
 * One pairing list to load: its scope and anchor, filter and page. Keys that differ only
 * in the anchor load together in one query.
 */
record PairingListKey(PairingScope scope, String anchor, PairingFilter filter, PageRequest page,
		boolean withTotal) implements ListKey<PairingListKey> {

	PairingListKey {
		PairingCursor.PAIRINGS.after(page.after());
	}

	@Override
	public PairingListKey shape() {
		return new PairingListKey(this.scope, null, this.filter, this.page, this.withTotal);
	}

	@Override
	public String parent() {
		return (this.anchor != null) ? this.anchor : "";
	}

}
