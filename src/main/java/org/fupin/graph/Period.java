package org.fupin.graph;

/**
 * The validity period of a node or relationship: the property that starts it and the one
 * that ends it, and how the end is read. Every query that asks "current on a date"
 * renders its condition here, so one period is read the same way everywhere.
 *
 * @param from the start property
 * @param to the end property; absent while the period is open
 * @param endInclusive whether the end date is the last day of the period (else the first
 * day after it)
 * @param startOptional whether a period may lack its start (then it began before records)
 */
public record Period(String from, String to, boolean endInclusive, boolean startOptional) {

	/** A period whose start is required and whose end is the first day after it. */
	public static Period halfOpen(String from, String to) {
		return new Period(from, to, false, false);
	}

	/**
	 * Cypher true when the period of {@code variable} holds on {@code date} (an
	 * expression: {@code $asOf}, a variable).
	 */
	public String currentOn(String variable, String date) {
		String start = this.startOptional
				? "(%1$s.%2$s IS NULL OR %1$s.%2$s <= %3$s)".formatted(variable, this.from, date)
				: "%s.%s <= %s".formatted(variable, this.from, date);
		return start + " AND " + notEndedBy(variable, date);
	}

	/**
	 * Cypher true when the period of {@code variable} has not ended by {@code date},
	 * whenever it started.
	 */
	public String notEndedBy(String variable, String date) {
		return "(%1$s.%2$s IS NULL OR %1$s.%2$s %3$s %4$s)".formatted(variable, this.to, this.endInclusive ? ">=" : ">",
				date);
	}

}
