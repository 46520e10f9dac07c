package org.fupin.asset;

import org.fupin.money.Money;

/** An amount of a fund source allocated to a project (a {@code FUNDED} relationship). */
public record FundAllocation(String fundCode, String projectCode, Money amount) {

	/** Projection of {@code f-[r:FUNDED]->p}, for {@link #from}. */
	static final String PROJECTION = "{fundCode: f.code, projectCode: p.code, amount: r.amount}";

	static FundAllocation from(Row row) {
		return new FundAllocation(row.str("fundCode"), row.str("projectCode"), row.money("amount"));
	}

}
