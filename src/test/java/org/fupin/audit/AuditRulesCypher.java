package org.fupin.audit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The audit rules' own Cypher for the benchmark's floor of audit findings
 * ({@code org.fupin.bench}): the findings a person would compute by hand are these
 * queries, so the floor uses them rather than a copy that could drift.
 */
public final class AuditRulesCypher {

	private AuditRulesCypher() {
	}

	/**
	 * Every rule's query joined with {@code UNION ALL}, each yielding {@code registerNo},
	 * {@code rule}, {@code placeCode} and {@code detail}; they read {@code $today} and
	 * {@code $idleBefore}.
	 * @param selector the condition on the asset {@code a}, e.g.
	 * {@code a.placeCode STARTS WITH $placeCode}
	 */
	public static String union(String selector) {
		return Arrays.stream(AuditRule.values())
			.map((rule) -> rule.cypher(selector))
			.collect(Collectors.joining("\nUNION ALL\n"));
	}

	/** The value of {@code $idleBefore} on a day. */
	public static LocalDate idleBefore(LocalDate today) {
		return today.minusDays(AuditRule.IDLE_DAYS);
	}

}
