package org.fupin.audit;

/**
 * The GraphQL {@code AuditFindingFilter}.
 *
 * @param placeCode code of any place level; findings on assets in it or below
 */
public record AuditFindingFilter(String placeCode, AuditRule rule, Severity severity) {

	static final AuditFindingFilter NONE = new AuditFindingFilter(null, null, null);

}
