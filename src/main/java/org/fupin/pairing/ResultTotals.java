package org.fupin.pairing;

import java.util.List;

/**
 * The yearly results of every pairing whose recipient lies at or below a place (GraphQL
 * {@code PairingResultTotals}), each pairing's own figures counted once.
 *
 * @param placeCode the place, or empty for the whole country
 * @param pairingsReporting pairings with at least one figure (a target, or an actual
 * above zero) in the year
 * @param belowTargetIds the pairings with at least one figure below its target, by id
 */
public record ResultTotals(String placeCode, int year, List<IndicatorTotal> figures, int pairingsReporting,
		List<String> belowTargetIds) {

	public int pairingsBelowTarget() {
		return this.belowTargetIds.size();
	}

}
