package org.fupin.place;

import org.fupin.graphql.PageRequest;

/**
 * One place list to load: the level listed, its filter (whose parent code says under
 * which place), order and page. Lists under many parents that differ only in the parent
 * are loaded together in one query.
 */
record PlaceListKey(PlaceLevel level, PlaceFilter filter, PlaceOrder order, PageRequest page, boolean withTotal) {

	/** The same list under no particular parent: what batched keys have in common. */
	PlaceListKey shape() {
		return new PlaceListKey(this.level, this.filter.withParentCode(null), this.order, this.page, this.withTotal);
	}

	String parentCode() {
		return (this.filter.parentCode() != null) ? this.filter.parentCode() : "";
	}

}
