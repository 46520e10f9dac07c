package org.fupin.asset;

import org.fupin.graphql.ListKey;
import org.fupin.graphql.PageRequest;

/**
 * One page of a list under a parent (an asset's ownership periods, a use's beneficiaries
 * ...), with the list's own argument (a date, a year) or null. Keys that differ only in
 * the parent are loaded with one query.
 */
record PageKey(String parent, Object argument, PageRequest page, boolean withTotal) implements ListKey<PageKey> {

	@Override
	public PageKey shape() {
		return new PageKey(null, this.argument, this.page, this.withTotal);
	}

}
