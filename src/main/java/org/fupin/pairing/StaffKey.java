package org.fupin.pairing;

import org.fupin.graphql.ListKey;
import org.fupin.graphql.PageRequest;

/**
 * One page of the people staffed on one pairing; keys differing only in the pairing load
 * together.
 */
record StaffKey(String pairingId, PageRequest page, boolean withTotal) implements ListKey<StaffKey> {

	StaffKey {
		PairingCursor.STAFF.after(page.after());
	}

	@Override
	public StaffKey shape() {
		return new StaffKey(null, this.page, this.withTotal);
	}

	@Override
	public String parent() {
		return this.pairingId;
	}

}
