package org.fupin.asset;

import java.time.LocalDate;

/**
 * Custody of an asset (管护): the custodian organisation, the named responsible person and
 * the duty, for a period ({@code validTo} exclusive, null while it runs).
 */
public record Custody(String id, String registerNo, String custodianCode, String responsiblePersonId, String duty,
		LocalDate validFrom, LocalDate validTo) {

	/** Projection of a {@code c:Custody} node, for {@link #from}. */
	static final String PROJECTION = "c {.id, .duty, .validFrom, .validTo, "
			+ "custodianCode: head([(c)-[:CUSTODIAN]->(o) | o.creditCode]), "
			+ "responsiblePersonId: head([(c)-[:RESPONSIBLE_PERSON]->(p) | p.personId])}";

	static Custody from(String registerNo, Row row) {
		return new Custody(row.str("id"), registerNo, row.str("custodianCode"), row.str("responsiblePersonId"),
				row.str("duty"), row.date("validFrom"), row.date("validTo"));
	}

}
