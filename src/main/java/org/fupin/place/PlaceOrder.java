package org.fupin.place;

/** Sort orders of place lists; each ends on the code, so pages are stable. */
public enum PlaceOrder {

	CODE_ASC, CODE_DESC, NAME_ASC, NAME_DESC;

	boolean byName() {
		return this == NAME_ASC || this == NAME_DESC;
	}

	boolean descending() {
		return this == CODE_DESC || this == NAME_DESC;
	}

}
