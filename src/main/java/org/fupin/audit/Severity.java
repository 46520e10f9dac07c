package org.fupin.audit;

/** How urgent a finding is (GraphQL {@code Severity}). */
public enum Severity {

	/** Assets may be lost or taken over, or money misdirected. */
	HIGH,
	/** Management is incomplete. */
	MEDIUM,
	/** Worth a look. */
	LOW

}
