package org.fupin.place;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ListKey;
import org.fupin.graphql.PageRequest;

/**
 * One place list to load: the level listed, its filter (whose parent code says under
 * which place), order and page. Lists under many parents that differ only in the parent
 * are loaded together in one query.
 */
record PlaceListKey(PlaceLevel level, PlaceFilter filter, PlaceOrder order, PageRequest page,
		boolean withTotal) implements ListKey<PlaceListKey> {

	/**
	 * A list as asked for by the API, after validating its arguments. Pure validation: it
	 * must not touch the database, as it runs once per parent object.
	 */
	static PlaceListKey of(PlaceLevel level, PlaceFilter filter, PlaceOrder order, PageRequest page,
			boolean withTotal) {
		filter = PlaceFilter.orNone(filter);
		if (filter.parentCode() != null) {
			PlaceLevel parentLevel = PlaceLevel.ofCode(filter.parentCode(), "filter.parentCode");
			if (parentLevel.codeLength() >= level.codeLength()) {
				throw ApiException.invalid("filter.parentCode",
						"filter.parentCode must be the code of a place above the " + level.name().toLowerCase()
								+ " level; " + filter.parentCode() + " is a " + parentLevel.name().toLowerCase()
								+ " code.");
			}
		}
		if (filter.nameContains() != null && filter.nameContains().isBlank()) {
			throw ApiException.invalid("filter.nameContains", "filter.nameContains must not be blank.");
		}
		PlaceListKey key = new PlaceListKey(level, filter, (order != null) ? order : PlaceOrder.CODE_ASC, page,
				withTotal);
		key.order().keyset().after(page.after());
		return key;
	}

	@Override
	public PlaceListKey shape() {
		return new PlaceListKey(this.level, this.filter.withParentCode(null), this.order, this.page, this.withTotal);
	}

	@Override
	public String parent() {
		return (this.filter.parentCode() != null) ? this.filter.parentCode() : "";
	}

}
