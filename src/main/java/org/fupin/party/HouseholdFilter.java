package org.fupin.party;

/**
 * Filter of household lists; every part is optional.
 *
 * @param placeCode in this place or below it
 * @param idNumber the head's ID number (personal data)
 * @param headName the head's name (personal data)
 */
public record HouseholdFilter(String placeCode, String idNumber, String headName) {

	static HouseholdFilter orNone(HouseholdFilter filter) {
		return (filter != null) ? filter : new HouseholdFilter(null, null, null);
	}

	boolean byPersonalData() {
		return this.idNumber != null || this.headName != null;
	}

}
