package org.fupin.pairing;

import java.util.List;

/**
 * What a pairing delivered in one year (GraphQL {@code PairingYearResults}).
 *
 * @param rollup whether the figures add up the pairing and every pairing under it
 * @param figures one per indicator the pairing's program carries (for a rollup: carried
 * by any of the pairings added up), in reporting order
 */
public record PairingYearResults(String pairingId, int year, boolean rollup, List<IndicatorFigure> figures) {

	public boolean belowTarget() {
		return this.figures.stream().anyMatch(IndicatorFigure::belowTarget);
	}

}
