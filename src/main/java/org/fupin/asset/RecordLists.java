package org.fupin.asset;

import org.fupin.graphql.Keyset;
import org.fupin.graphql.SortKey;

/**
 * The lists hanging off assets, parties, uses and fund sources, each in its one order
 * over the variables of its query (in {@link AssetRecordRepository} and
 * {@link FundingRepository}).
 */
final class RecordLists {

	static final Keyset<Ownership> OWNERSHIP = Keyset.of("ownership",
			SortKey.date("date", "o.validFrom", Ownership::validFrom),
			SortKey.text("id", "ownerId", Ownership::ownerId));

	static final Keyset<Custody> CUSTODY = Keyset.of("custody", SortKey.date("date", "c.validFrom", Custody::validFrom),
			SortKey.text("id", "c.id", Custody::id));

	static final Keyset<OperationContract> CONTRACTS = Keyset.of("contracts",
			SortKey.date("date", "k.startDate", OperationContract::startDate),
			SortKey.text("id", "k.contractNo", OperationContract::contractNo));

	static final Keyset<Income> INCOMES = Keyset.of("incomes",
			SortKey.integer("year", "i.year", (income) -> (long) income.year()),
			SortKey.text("id", "i.id", Income::id));

	static final Keyset<BeneficiaryShare> BENEFICIARIES = Keyset.of("beneficiaries",
			SortKey.text("id", "beneficiaryId", BeneficiaryShare::beneficiaryId));

	static final Keyset<BeneficiaryShare> BENEFITS = Keyset.of("benefits",
			SortKey.<BeneficiaryShare>integer("year", "i.year", (share) -> (long) share.year()).desc(),
			SortKey.text("id", "u.id", BeneficiaryShare::useId));

	static final Keyset<FundAllocation> ALLOCATIONS = Keyset.of("allocations",
			SortKey.text("code", "p.code", FundAllocation::projectCode));

	private RecordLists() {
	}

}
