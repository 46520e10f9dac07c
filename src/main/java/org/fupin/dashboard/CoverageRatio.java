package org.fupin.dashboard;

/** How many of the subjects counted are covered; ratio null when none are counted. */
public record CoverageRatio(long numerator, long denominator, Double ratio) {

	static CoverageRatio of(long numerator, long denominator) {
		return new CoverageRatio(numerator, denominator, (denominator == 0) ? null : (double) numerator / denominator);
	}

}
