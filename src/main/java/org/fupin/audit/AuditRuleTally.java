package org.fupin.audit;

import org.fupin.money.Money;

/**
 * Findings of one rule among the assets whose place code begins with {@code placeKey}:
 * how many, and the sum of those assets' original values.
 */
public record AuditRuleTally(String placeKey, AuditRule rule, long count, Money value) {
}
