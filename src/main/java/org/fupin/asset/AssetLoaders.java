package org.fupin.asset;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.fupin.graphql.Connection;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * The DataLoaders of every per-parent field of assets, projects, fund sources and the
 * parties' reverse ways: the keys wanted anywhere on a response level are read with one
 * query (per shape, for lists).
 */
@Component
public class AssetLoaders {

	/** Assets by register number, for any feature's Asset-typed field. */
	public static final String ASSET_BY_REGISTER_NO = "assetByRegisterNo";

	static final String ASSET_LISTS = "assetLists";

	static final String OWNERS = "assetOwners";

	static final String CUSTODY = "assetCustody";

	static final String DISPOSAL = "assetDisposal";

	static final String OWNERSHIP_HISTORY = "assetOwnershipHistory";

	static final String CUSTODY_HISTORY = "assetCustodyHistory";

	static final String CONTRACTS = "assetOperationContracts";

	static final String INCOMES = "assetIncomes";

	static final String BENEFICIARIES = "incomeUseBeneficiaries";

	static final String BENEFITS = "partyBenefits";

	/** Projects by code, for any feature's Project-typed fields. */
	public static final String PROJECT_BY_CODE = "projectByCode";

	/** Fund sources by code, for any feature's FundSource-typed fields. */
	public static final String FUND_SOURCE_BY_CODE = "fundSourceByCode";

	static final String PROJECT_FUNDING = "projectFunding";

	static final String FUND_ALLOCATIONS = "fundSourceAllocations";

	AssetLoaders(BatchLoaderRegistry registry, AssetService assets) {
		registry.<String, Asset>forName(ASSET_BY_REGISTER_NO)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.findByRegisterNos(keys)));
		registry.<AssetListKey, Connection<Asset>>forName(ASSET_LISTS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.list(keys)));
		registry.<DatedKey, List<Ownership>>forName(OWNERS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.owners(keys)));
		registry.<DatedKey, Custody>forName(CUSTODY)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.custody(keys)));
		registry.<String, Disposal>forName(DISPOSAL)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.disposals(keys)));
		registry.<PageKey, Connection<Ownership>>forName(OWNERSHIP_HISTORY)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.ownershipHistory(keys)));
		registry.<PageKey, Connection<Custody>>forName(CUSTODY_HISTORY)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.custodyHistory(keys)));
		registry.<PageKey, Connection<OperationContract>>forName(CONTRACTS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.contracts(keys)));
		registry.<PageKey, Connection<Income>>forName(INCOMES)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.incomes(keys)));
		registry.<PageKey, Connection<BeneficiaryShare>>forName(BENEFICIARIES)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.beneficiaries(keys)));
		registry.<PageKey, Connection<BeneficiaryShare>>forName(BENEFITS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.benefits(keys)));
		registry.<String, Project>forName(PROJECT_BY_CODE)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.findProjects(keys)));
		registry.<String, FundSource>forName(FUND_SOURCE_BY_CODE)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.findFundSources(keys)));
		registry.<String, List<FundAllocation>>forName(PROJECT_FUNDING)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> {
				Map<String, List<FundAllocation>> found = assets.allocationsToProjects(keys);
				keys.forEach((key) -> found.putIfAbsent(key, List.of()));
				return found;
			}));
		registry.<PageKey, Connection<FundAllocation>>forName(FUND_ALLOCATIONS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> assets.allocations(keys)));
	}

}
