package org.fupin.pairing;

import org.fupin.graphql.ListKey;
import org.fupin.graphql.PageRequest;

/**
 * One page of what flows through one pairing; keys differing only in the pairing load
 * together.
 */
record FlowKey(PairingFlow flow, String pairingId, PageRequest page, boolean withTotal) implements ListKey<FlowKey> {

	FlowKey {
		PairingCursor.flow(flow).after(page.after());
	}

	@Override
	public FlowKey shape() {
		return new FlowKey(this.flow, null, this.page, this.withTotal);
	}

	@Override
	public String parent() {
		return this.pairingId;
	}

}
