package org.fupin.pairing;

import org.fupin.money.Money;
import org.fupin.money.Share;

/**
 * One indicator summed over the pairings of a place in a year (GraphQL
 * {@code IndicatorTotal}).
 *
 * @param target sum of the agreed targets
 * @param actual sum of every actual value
 * @param actualAgainstTarget sum of the actual values of the figures that have a target
 * @param withTarget figures with a target
 * @param belowTarget figures whose actual falls short of their target
 */
public record IndicatorTotal(PairingIndicator indicator, long target, long actual, long actualAgainstTarget,
		int figures, int withTarget, int belowTarget) {

	public PairingIndicator.Unit unit() {
		return this.indicator.unit();
	}

	public Money targetAmount() {
		return this.indicator.unit().money() ? Money.ofFen(this.target) : null;
	}

	public Money actualAmount() {
		return this.indicator.unit().money() ? Money.ofFen(this.actual) : null;
	}

	public Integer targetCount() {
		return this.indicator.unit().money() ? null : Math.toIntExact(this.target);
	}

	public Integer actualCount() {
		return this.indicator.unit().money() ? null : Math.toIntExact(this.actual);
	}

	/** Actual over target among the figures with a target; null when none has one. */
	public Share attainment() {
		return IndicatorFigure.attainment(this.actualAgainstTarget, this.target);
	}

}
