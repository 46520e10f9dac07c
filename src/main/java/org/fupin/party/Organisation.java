package org.fupin.party;

import java.util.Map;

/**
 * An organisation (组织) as the API shows it.
 *
 * @param creditCode unified social credit code, the natural key
 * @param kind {@code COLLECTIVE}, {@code ENTERPRISE} ... (GraphQL
 * {@code OrganisationKind})
 * @param placeCode code of the place it is registered in, or null
 */
public record Organisation(String creditCode, String name, String kind, String enterpriseType, String placeCode,
		boolean illustrative) {

	static Organisation from(Map<String, Object> row) {
		return new Organisation((String) row.get("creditCode"), (String) row.get("name"), (String) row.get("kind"),
				(String) row.get("enterpriseType"), (String) row.get("placeCode"),
				Boolean.TRUE.equals(row.get("illustrative")));
	}

}
