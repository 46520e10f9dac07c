package org.fupin.asset;

import java.time.LocalDate;

import org.fupin.money.Share;

/**
 * An owner's share of an asset for a period (产权, 确权登记): an {@code OWNED_BY} relationship.
 *
 * @param ownerId credit code, household number or place code of the owner
 * @param share share in percent
 * @param validTo first day after the period (exclusive), null while open
 * @param current whether the period includes today
 * @param approvalRef approval reference of the transfer that opened the period, if any
 */
public record Ownership(String registerNo, String ownerId, Share share, LocalDate validFrom, LocalDate validTo,
		String certificateNo, boolean current, String approvalRef) {

	/** Projection of {@code o:OWNED_BY} to an owner {@code p}, for {@link #from}. */
	static final String PROJECTION = "{ownerId: coalesce(p.creditCode, p.householdNo, p.code), share: o.share, "
			+ "validFrom: o.validFrom, validTo: o.validTo, certificateNo: o.certificateNo, approvalRef: o.approvalRef}";

	static Ownership from(String registerNo, Row row, LocalDate today) {
		LocalDate from = row.date("validFrom");
		LocalDate to = row.date("validTo");
		return new Ownership(registerNo, row.str("ownerId"), row.share("share"), from, to, row.str("certificateNo"),
				covers(from, to, today), row.str("approvalRef"));
	}

	/** Whether {@code [from, to)} includes {@code date}; {@code to} null is open. */
	static boolean covers(LocalDate from, LocalDate to, LocalDate date) {
		return from != null && !from.isAfter(date) && (to == null || to.isAfter(date));
	}

}
