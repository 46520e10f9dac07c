package org.fupin.pairing;

import java.util.List;

import org.fupin.money.Money;

/**
 * Dashboard numbers of one place over the active pairings whose recipient is at or below
 * it.
 */
public record PairingSummary(String placeCode, String placeName, List<String> eastWestPartnerIds,
		List<String> eastWestPartnerNames, int countyPairs, int designatedUnits, int enterprisesLinked,
		int villagesLinked, Money investment, int cadres, int projects) {
}
