package org.fupin.audit;

/** How many assets break one rule. */
public record AuditRuleCount(AuditRule rule, Severity severity, int count) {
}
