package org.fupin.pairing;

import org.fupin.graphql.PageRequest;

/**
 * One page of what flows through one pairing; keys differing only in the pairing load
 * together.
 */
record FlowKey(PairingFlow flow, String pairingId, PageRequest page, boolean withTotal) {

	FlowKey {
		PairingCursor.decode(flow.cursorKind(), page.after());
	}

	FlowKey shape() {
		return new FlowKey(this.flow, null, this.page, this.withTotal);
	}

}
