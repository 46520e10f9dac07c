package org.fupin.asset;

import java.util.List;

import org.fupin.money.Money;

/**
 * The chain funds -> project -> asset -> owners -> income -> beneficiaries of one asset,
 * for an audit working paper. Its project is the asset's. Lists hold at most
 * {@link #MAX_ITEMS} items each; the totals cover everything.
 */
public record Provenance(Asset asset, List<FundAllocation> funding, Money fundingTotal,
		List<Ownership> ownershipHistory, List<Ownership> currentOwners, List<Income> incomes, Money incomeTotal,
		Money distributedTotal, int beneficiaryCount, Money beneficiaryTotal) {

	/** The most items each list of a provenance holds. */
	public static final int MAX_ITEMS = 100;

}
