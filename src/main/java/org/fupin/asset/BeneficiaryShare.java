package org.fupin.asset;

import org.fupin.money.Money;

/**
 * Money one beneficiary received from one part of an asset's income (a {@code BENEFITS}
 * relationship), with where it came from.
 *
 * @param beneficiaryId credit code, household number or place code
 * @param use GraphQL {@code IncomeUseKind} of the part
 */
public record BeneficiaryShare(String beneficiaryId, Money amount, String use, String useId, int year,
		String registerNo) {

	/**
	 * Projection of {@code b:BENEFITS} from use {@code u} of income {@code i} of asset
	 * {@code a} to beneficiary id {@code beneficiaryId}, for {@link #from}.
	 */
	static final String PROJECTION = "{beneficiaryId: beneficiaryId, amount: b.amount, use: u.use, useId: u.id, "
			+ "year: i.year, registerNo: a.registerNo}";

	static BeneficiaryShare from(Row row) {
		return new BeneficiaryShare(row.str("beneficiaryId"), row.money("amount"), row.str("use"), row.str("useId"),
				row.integer("year"), row.str("registerNo"));
	}

}
