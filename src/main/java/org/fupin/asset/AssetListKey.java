package org.fupin.asset;

import org.fupin.graphql.ListKey;
import org.fupin.graphql.PageRequest;

/**
 * One asset list to load: under which parent (an owner, custodian, operator, project,
 * fund source or place, or none for the root list), with which filter, order and page.
 * Lists of many parents that differ only in the parent are loaded with one query.
 *
 * @param anchor what {@code parent} is
 * @param parent the parent's id; empty for {@link Anchor#NONE}
 * @param filter the filter, with {@code asOf} resolved
 * @param scope the place the caller reads assets in ({@code Caller#readScope}), or null
 * for everywhere: the list holds only assets at or below it, so that no item, count or
 * cursor of it tells of an asset the caller may not read
 */
record AssetListKey(Anchor anchor, String parent, AssetFilter filter, String scope, AssetOrder order, PageRequest page,
		boolean withTotal) implements ListKey<AssetListKey> {

	enum Anchor {

		/** The root list. */
		NONE,
		/** Assets in or below a place. */
		PLACE,
		/** Assets a party owned (a share of) on {@code filter.asOf}. */
		OWNER,
		/** Assets in an organisation's custody on {@code filter.asOf}. */
		CUSTODIAN,
		/** Assets a party operated under a contract running on {@code filter.asOf}. */
		OPERATOR,
		/** Assets a project formed. */
		PROJECT,
		/** Assets formed by projects a fund source funded. */
		FUND

	}

	@Override
	public AssetListKey shape() {
		return new AssetListKey(this.anchor, null, this.filter, this.scope, this.order, this.page, this.withTotal);
	}

}
