package org.fupin.party;

import java.util.Map;

/**
 * A person with a role in the register or a pairing: a custodian (管护责任人), a resident
 * cadre (驻村第一书记) or a liaison.
 */
public record Person(String personId, String name, String role, String organisationCode, boolean illustrative) {

	static Person from(Map<String, Object> row) {
		return new Person((String) row.get("personId"), (String) row.get("name"), (String) row.get("role"),
				(String) row.get("organisationCode"), Boolean.TRUE.equals(row.get("illustrative")));
	}

}
