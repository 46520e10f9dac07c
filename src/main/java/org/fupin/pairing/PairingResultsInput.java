package org.fupin.pairing;

import java.util.List;

import org.fupin.money.Money;

/**
 * The GraphQL inputs {@code RecordPairingResultsInput} and
 * {@code CorrectPairingResultsInput}: a year's figures of one pairing.
 *
 * @param source where recorded figures come from (a report, a ledger); null when not said
 * @param reason why a correction is made; null when recording
 */
public record PairingResultsInput(String pairingId, Integer year, List<FigureInput> figures, String source,
		String reason) {

	/**
	 * One figure: money indicators take {@code targetAmount} and {@code actualAmount},
	 * the others {@code targetCount} and {@code actualCount}.
	 */
	public record FigureInput(PairingIndicator indicator, Money targetAmount, Money actualAmount, Integer targetCount,
			Integer actualCount) {

		public Long target() {
			return (this.targetAmount != null) ? Long.valueOf(this.targetAmount.fen())
					: (this.targetCount != null) ? Long.valueOf(this.targetCount) : null;
		}

		public Long actual() {
			return (this.actualAmount != null) ? Long.valueOf(this.actualAmount.fen())
					: (this.actualCount != null) ? Long.valueOf(this.actualCount) : null;
		}

	}

}
