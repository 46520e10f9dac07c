package org.fupin.asset;

import java.time.LocalDate;

import org.fupin.money.Money;

/**
 * How and when an asset was disposed (资产处置), and on whose approval.
 *
 * @param mode GraphQL {@code DisposalMode}
 * @param approvalRef approval reference, null when none was recorded
 * @param transfereeId who received it, or null
 */
public record Disposal(String id, String registerNo, String mode, LocalDate date, String approvalRef, Money proceeds,
		String transfereeId) {

	/** Projection of a {@code d:Disposal} node, for {@link #from}. */
	static final String PROJECTION = "d {.id, .mode, .date, .approvalRef, .proceeds, "
			+ "transfereeId: head([(d)-[:TRANSFERRED_TO]->(x) | coalesce(x.creditCode, x.householdNo, x.code)])}";

	static Disposal from(String registerNo, Row row) {
		return new Disposal(row.str("id"), registerNo, row.str("mode"), row.date("date"), row.str("approvalRef"),
				row.moneyOrNull("proceeds"), row.str("transfereeId"));
	}

}
