package org.fupin.party;

import graphql.GraphQLContext;

/**
 * The one place that decides whether a household's personal data is shown as it is or
 * masked. The grant is the GraphQL context value {@link #GRANT_KEY}; authentication sets
 * it for the roles that hold it, so without authentication nobody sees personal data.
 */
public final class PersonalData {

	/**
	 * GraphQL context key whose value {@code true} means the caller may see personal
	 * data.
	 */
	public static final String GRANT_KEY = "personalDataGranted";

	private PersonalData() {
	}

	public static boolean granted(GraphQLContext context) {
		return Boolean.TRUE.equals(context.get(GRANT_KEY));
	}

	/** 张三丰 becomes 张**: the family name stays, every other character is masked. */
	public static String maskName(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
	}

	/** 450102199001011234 becomes 4501**********1234: region and check digits stay. */
	public static String maskIdNumber(String idNumber) {
		if (idNumber == null || idNumber.length() <= 8) {
			return (idNumber == null) ? null : "*".repeat(idNumber.length());
		}
		return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
	}

}
