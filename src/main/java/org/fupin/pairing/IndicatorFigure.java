package org.fupin.pairing;

import java.math.BigInteger;

import org.fupin.money.Money;
import org.fupin.money.Share;

/**
 * One indicator of a pairing in one year (GraphQL {@code IndicatorFigure}): the agreed
 * target and the actual value as integers of the indicator's unit (fen for money).
 *
 * @param target null when no target was agreed
 * @param actual null when a recorded figure has no actual value yet
 * @param source where a recorded figure comes from, or null
 * @param correctionReason why the figure was last corrected, or null
 */
public record IndicatorFigure(PairingIndicator indicator, PairingIndicator.Origin origin, Long target, Long actual,
		String source, boolean illustrative, String correctionReason) {

	public PairingIndicator.Unit unit() {
		return this.indicator.unit();
	}

	public Money targetAmount() {
		return (this.indicator.unit().money() && this.target != null) ? Money.ofFen(this.target) : null;
	}

	public Money actualAmount() {
		return (this.indicator.unit().money() && this.actual != null) ? Money.ofFen(this.actual) : null;
	}

	public Integer targetCount() {
		return (!this.indicator.unit().money() && this.target != null) ? Math.toIntExact(this.target) : null;
	}

	public Integer actualCount() {
		return (!this.indicator.unit().money() && this.actual != null) ? Math.toIntExact(this.actual) : null;
	}

	/**
	 * Whether the actual value falls short of an agreed target (a missing actual does).
	 */
	public boolean belowTarget() {
		return this.target != null && (this.actual == null || this.actual < this.target);
	}

	/**
	 * Actual over target, floored to a hundredth of a percent; null without a target
	 * above zero.
	 */
	public Share attainment() {
		return attainment((this.actual != null) ? this.actual : 0, (this.target != null) ? this.target : 0);
	}

	static Share attainment(long actual, long target) {
		if (target <= 0) {
			return null;
		}
		return Share.ofHundredths(BigInteger.valueOf(actual)
			.multiply(BigInteger.valueOf(Share.WHOLE))
			.divide(BigInteger.valueOf(target))
			.longValueExact());
	}

}
