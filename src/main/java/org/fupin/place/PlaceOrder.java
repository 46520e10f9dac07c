package org.fupin.place;

import org.fupin.graphql.Keyset;
import org.fupin.graphql.SortKey;

/** Sort orders of place lists; each ends on the code, so pages are stable. */
public enum PlaceOrder {

	CODE_ASC, CODE_DESC, NAME_ASC, NAME_DESC;

	private static final SortKey<Place> CODE = SortKey.text("code", "n.code", Place::code);

	private static final SortKey<Place> NAME = SortKey.text("name", "n.name", Place::name);

	/** The keys of this order over places bound to {@code n}. */
	Keyset<Place> keyset() {
		return switch (this) {
			case CODE_ASC -> Keyset.ordered("places", this, CODE);
			case CODE_DESC -> Keyset.ordered("places", this, CODE.desc());
			case NAME_ASC -> Keyset.ordered("places", this, NAME, CODE);
			case NAME_DESC -> Keyset.ordered("places", this, NAME.desc(), CODE.desc());
		};
	}

}
