package org.fupin.party;

import java.util.Map;

/**
 * A household (农户). {@code headName} and {@code idNumber} are personal data: the API
 * shows them only through {@link PersonalData}, which masks them without the grant.
 */
public record Household(String householdNo, String headName, String idNumber, Integer size, boolean formerlyPoor,
		String villageCode, boolean illustrative) {

	static Household from(Map<String, Object> row) {
		Object size = row.get("size");
		return new Household((String) row.get("householdNo"), (String) row.get("headName"),
				(String) row.get("idNumber"), (size instanceof Number number) ? number.intValue() : null,
				Boolean.TRUE.equals(row.get("formerlyPoor")), (String) row.get("villageCode"),
				Boolean.TRUE.equals(row.get("illustrative")));
	}

}
