package org.fupin.audit;

/**
 * One asset breaking one rule, with a sentence a person understands.
 */
public record AuditFinding(String registerNo, AuditRule rule, String message, String placeCode) {

	public Severity severity() {
		return this.rule.severity();
	}

}
