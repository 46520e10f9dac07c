package org.fupin.asset;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.Connection;
import org.fupin.graphql.ListKey;
import org.fupin.graphql.Rows;
import org.fupin.neo4j.CypherStatement;

import org.springframework.stereotype.Service;

/**
 * The asset register (扶贫项目资产台账) for reading: assets and asset lists, and what hangs off
 * an asset (ownership through time, custody, operation, income and its beneficiaries,
 * funding, disposal). Every method takes many parents at once, so that DataLoaders read a
 * whole response level with one query.
 */
@Service
public class AssetService {

	private final AssetRepository assets;

	private final AssetRecordRepository records;

	private final FundingRepository funding;

	private final AssetCardRepository cards;

	private final Clock clock;

	AssetService(AssetRepository assets, AssetRecordRepository records, FundingRepository funding,
			AssetCardRepository cards, Clock clock) {
		this.assets = assets;
		this.cards = cards;
		this.records = records;
		this.funding = funding;
		this.clock = clock;
	}

	/** Today's date in China (or the configured fixed date). */
	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** Assets by register number; unknown numbers are absent from the answer. */
	public Map<String, Asset> findByRegisterNos(Collection<String> registerNos) {
		return this.assets.findByRegisterNos(registerNos);
	}

	Asset find(String registerNo) {
		return this.assets.findByRegisterNos(List.of(registerNo)).get(registerNo);
	}

	/**
	 * One asset with the parts a query selected, in one query (the single-asset hot
	 * path), or null when no asset has the number.
	 */
	AssetCard card(String registerNo, AssetParts parts) {
		return this.cards.find(registerNo, parts, today());
	}

	Connection<Asset> list(AssetListKey key) {
		return list(List.of(key)).get(key);
	}

	/** Loads many asset lists, one query per shape (lists that differ only in parent). */
	Map<AssetListKey, Connection<Asset>> list(Collection<AssetListKey> keys) {
		return ListKey.load(keys, this.assets::findPages, (shape) -> shape.order().keyset());
	}

	/**
	 * One asset list with the parts of each asset its query selects, in one query: the
	 * page, and the card of each asset on it for priming the loaders of those parts.
	 */
	PageWithCards listWithCards(AssetListKey key, AssetParts parts) {
		Map<String, Rows<AssetCard>> rows = this.assets.findPagesWithParts(key, List.of(key.parent()), parts, today());
		Rows<AssetCard> found = rows.getOrDefault(key.parent(), Rows.empty(key.withTotal()));
		List<Asset> assets = found.items().stream().map(AssetCard::asset).toList();
		Connection<Asset> page = key.order().keyset().connection(assets, key.page(), found.total());
		return new PageWithCards(page, found.items());
	}

	/**
	 * A page of assets and the card of each asset read with it (one more than the page
	 * may hold: the extra one only tells that a next page exists).
	 */
	record PageWithCards(Connection<Asset> page, List<AssetCard> cards) {
	}

	/** Owners of each asset on each key's date, ordered by owner id. */
	Map<DatedKey, List<Ownership>> owners(Collection<DatedKey> keys) {
		return byDate(keys, (date, registerNos) -> this.records.findOwners(registerNos, date, today()), List.of());
	}

	/** Custody of each asset on each key's date; assets without any are absent. */
	Map<DatedKey, Custody> custody(Collection<DatedKey> keys) {
		return byDate(keys, (date, registerNos) -> this.records.findCustody(registerNos, date), null);
	}

	Map<String, Disposal> disposals(Collection<String> registerNos) {
		return this.records.findDisposals(registerNos);
	}

	Map<PageKey, Connection<Ownership>> ownershipHistory(Collection<PageKey> keys) {
		LocalDate today = today();
		return ListKey.load(keys, (shape, parents) -> this.records.findOwnershipPages(shape, parents, today),
				(shape) -> RecordLists.OWNERSHIP);
	}

	Map<PageKey, Connection<Custody>> custodyHistory(Collection<PageKey> keys) {
		return ListKey.load(keys, this.records::findCustodyPages, (shape) -> RecordLists.CUSTODY);
	}

	Map<PageKey, Connection<OperationContract>> contracts(Collection<PageKey> keys) {
		return ListKey.load(keys, this.records::findContractPages, (shape) -> RecordLists.CONTRACTS);
	}

	Map<PageKey, Connection<Income>> incomes(Collection<PageKey> keys) {
		return ListKey.load(keys, this.records::findIncomePages, (shape) -> RecordLists.INCOMES);
	}

	Map<PageKey, Connection<BeneficiaryShare>> beneficiaries(Collection<PageKey> keys) {
		return ListKey.load(keys, this.records::findBeneficiaryPages, (shape) -> RecordLists.BENEFICIARIES);
	}

	Map<PageKey, Connection<BeneficiaryShare>> benefits(Collection<PageKey> keys) {
		return ListKey.load(keys, this.records::findBenefitPages, (shape) -> RecordLists.BENEFITS);
	}

	Map<PageKey, Connection<FundAllocation>> allocations(Collection<PageKey> keys) {
		return ListKey.load(keys, this.funding::findAllocationPages, (shape) -> RecordLists.ALLOCATIONS);
	}

	public Map<String, Project> findProjects(Collection<String> codes) {
		return this.funding.findProjects(codes);
	}

	public Map<String, FundSource> findFundSources(Collection<String> codes) {
		return this.funding.findFundSources(codes);
	}

	Map<String, List<FundAllocation>> allocationsToProjects(Collection<String> projectCodes) {
		return this.funding.findAllocationsToProjects(projectCodes);
	}

	/**
	 * The assets a filter selects, for the ledger export: Cypher that binds {@code a} and
	 * ends in {@code WITH a}, the same selection as {@code assets(filter)}. The filter is
	 * checked as the list checks it, and its {@code asOf} is today when not given.
	 * @param field the filter's name in error messages
	 */
	public CypherStatement selection(AssetFilter filter, String field) {
		AssetFilter checked = AssetFilter.orNone(filter).validated(field).withDefaultAsOf(today());
		Map<String, Object> parameters = new HashMap<>();
		String match = AssetRepository.match(AssetListKey.Anchor.NONE, checked, null, parameters);
		return new CypherStatement(match, parameters);
	}

	/**
	 * The provenance chain of one asset with the parts its query selected, in one query,
	 * or null when no asset has the number.
	 */
	ProvenanceCard provenance(String registerNo, ProvenanceParts parts) {
		return this.records.findProvenance(registerNo, parts, today());
	}

	private static <V> Map<DatedKey, V> byDate(Collection<DatedKey> keys,
			java.util.function.BiFunction<LocalDate, List<String>, Map<String, V>> fetch, V absent) {
		Map<LocalDate, List<String>> byDate = new LinkedHashMap<>();
		for (DatedKey key : keys) {
			byDate.computeIfAbsent(key.date(), (date) -> new ArrayList<>()).add(key.parent());
		}
		Map<DatedKey, V> result = new HashMap<>();
		byDate.forEach((date, parents) -> {
			Map<String, V> found = fetch.apply(date, parents.stream().distinct().toList());
			for (String parent : parents) {
				V value = found.getOrDefault(parent, absent);
				if (value != null) {
					result.put(new DatedKey(parent, date), value);
				}
			}
		});
		return result;
	}

}
