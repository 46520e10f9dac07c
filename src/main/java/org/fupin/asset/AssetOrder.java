package org.fupin.asset;

import org.fupin.graphql.Keyset;
import org.fupin.graphql.SortKey;

/**
 * Orders of asset lists. Ties are broken by register number, so every order is total and
 * keyset cursors hold the sort value and the register number of the last item.
 */
enum AssetOrder {

	REGISTER_NO_ASC, REGISTER_NO_DESC, ORIGINAL_VALUE_ASC, ORIGINAL_VALUE_DESC, COMPLETION_DATE_ASC,
	COMPLETION_DATE_DESC;

	private static final SortKey<Asset> REGISTER_NO = SortKey.text("no", "a.registerNo", Asset::registerNo);

	private static final SortKey<Asset> ORIGINAL_VALUE = SortKey.integer("value", "a.originalValue",
			(asset) -> asset.originalValue().fen());

	private static final SortKey<Asset> COMPLETION_DATE = SortKey
		.date("value", "a.completionDate", Asset::completionDate)
		.orNull();

	/** The keys of this order over assets bound to {@code a}. */
	Keyset<Asset> keyset() {
		return switch (this) {
			case REGISTER_NO_ASC -> Keyset.ordered("assets", this, REGISTER_NO);
			case REGISTER_NO_DESC -> Keyset.ordered("assets", this, REGISTER_NO.desc());
			case ORIGINAL_VALUE_ASC -> Keyset.ordered("assets", this, ORIGINAL_VALUE, REGISTER_NO);
			case ORIGINAL_VALUE_DESC -> Keyset.ordered("assets", this, ORIGINAL_VALUE.desc(), REGISTER_NO.desc());
			case COMPLETION_DATE_ASC -> Keyset.ordered("assets", this, COMPLETION_DATE, REGISTER_NO);
			case COMPLETION_DATE_DESC -> Keyset.ordered("assets", this, COMPLETION_DATE.desc(), REGISTER_NO.desc());
		};
	}

}
