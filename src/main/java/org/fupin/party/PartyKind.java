package org.fupin.party;

import org.fupin.place.Place;
import org.fupin.place.PlaceLevel;

/**
 * What a party id names. The form of the id tells: a place has a statistical code (2-12
 * digits), a household number starts with {@code H}, anything else is an organisation's
 * unified social credit code (18 characters).
 */
public enum PartyKind {

	ORGANISATION("Organisation", "creditCode"), HOUSEHOLD("Household", "householdNo"), PLACE("Place", "code");

	private final String label;

	private final String key;

	PartyKind(String label, String key) {
		this.label = label;
		this.key = key;
	}

	/** The Neo4j label of the party's node. */
	public String label() {
		return this.label;
	}

	/** The property holding the party's id. */
	public String key() {
		return this.key;
	}

	/**
	 * The kind an id's form names, or {@code null} when it has none of the three forms.
	 */
	public static PartyKind ofId(String id) {
		if (id == null || id.isEmpty()) {
			return null;
		}
		// First: a credit code may be all digits (914403001922038216), and no place
		// code has 18.
		if (id.length() == 18 && id.chars().allMatch((c) -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
			return ORGANISATION;
		}
		if (PlaceLevel.digits(id)) {
			return PLACE;
		}
		return (id.charAt(0) == 'H' && PlaceLevel.digits(id.substring(1))) ? HOUSEHOLD : null;
	}

	/**
	 * The kind of a party record ({@link Organisation}, {@link Household} or a place), or
	 * {@code null} for anything else.
	 */
	public static PartyKind of(Object party) {
		if (party instanceof Organisation) {
			return ORGANISATION;
		}
		if (party instanceof Household) {
			return HOUSEHOLD;
		}
		return (party instanceof Place) ? PLACE : null;
	}

}
