package org.fupin.pairing;

import org.fupin.graphql.ListKey;
import org.fupin.graphql.PageRequest;

/**
 * One page of what flows through one pairing; keys differing only in the pairing load
 * together.
 *
 * @param scope the place the caller reads assets in ({@code Caller#readScope}), or null
 * for everywhere: a pairing's assets span counties, and the list holds those at or below
 * it, so that no item, count or cursor of it tells of an asset the caller may not read
 */
record FlowKey(PairingFlow flow, String pairingId, String scope, PageRequest page,
		boolean withTotal) implements ListKey<FlowKey> {

	FlowKey {
		PairingCursor.flow(flow).after(page.after());
	}

	@Override
	public FlowKey shape() {
		return new FlowKey(this.flow, null, this.scope, this.page, this.withTotal);
	}

	@Override
	public String parent() {
		return this.pairingId;
	}

}
