package org.fupin.party;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import graphql.GraphQLContext;

/**
 * The one place that decides whether a household's personal data is shown as it is or
 * masked, and that notes every household shown unmasked. The grant is the GraphQL context
 * value {@link #GRANT_KEY}, a {@link Disclosures} that authentication puts there for the
 * roles that hold it and writes to the access log once the request is answered; without
 * it nobody sees personal data.
 */
public final class PersonalData {

	/**
	 * GraphQL context key whose value, a {@link Disclosures}, means the caller may see
	 * personal data.
	 */
	public static final String GRANT_KEY = "personalDataGranted";

	private PersonalData() {
	}

	public static boolean granted(GraphQLContext context) {
		return context.get(GRANT_KEY) instanceof Disclosures;
	}

	/** The household head's name: as it is with the grant (and noted), else masked. */
	public static String headName(Household household, GraphQLContext context) {
		return disclose(household, context) ? household.headName() : maskName(household.headName());
	}

	/**
	 * The household head's ID number: as it is with the grant (and noted), else masked.
	 */
	public static String idNumber(Household household, GraphQLContext context) {
		return disclose(household, context) ? household.idNumber() : maskIdNumber(household.idNumber());
	}

	/** Notes a household found by a search on its personal data. */
	static void searched(String householdNo, GraphQLContext context) {
		disclose(householdNo, context);
	}

	private static boolean disclose(Household household, GraphQLContext context) {
		return disclose(household.householdNo(), context);
	}

	private static boolean disclose(String householdNo, GraphQLContext context) {
		if (context.get(GRANT_KEY) instanceof Disclosures disclosures) {
			disclosures.add(householdNo);
			return true;
		}
		return false;
	}

	/**
	 * The households whose personal data one request showed unmasked, collected while it
	 * runs (fields resolve on several threads) and logged once at its end.
	 */
	public static final class Disclosures {

		private final Set<String> householdNos = new ConcurrentSkipListSet<>();

		void add(String householdNo) {
			this.householdNos.add(householdNo);
		}

		/** The household numbers, in order. */
		public List<String> householdNos() {
			return List.copyOf(this.householdNos);
		}

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
