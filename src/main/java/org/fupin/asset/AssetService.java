package org.fupin.asset;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fupin.graphql.Connection;
import org.fupin.graphql.Cursors;
import org.fupin.graphql.PageRequest;
import org.fupin.neo4j.CypherStatement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset register (扶贫项目资产台账) for reading: assets and asset lists, and what hangs off
 * an asset (ownership through time, custody, operation, income and its beneficiaries,
 * funding, disposal). Every method takes many parents at once, so that DataLoaders read a
 * whole response level with one query.
 */
@Service
@Transactional(readOnly = true)
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

	/**
	 * Today's date in China (or the configured fixed date). Private: a call through the
	 * transactional proxy would start a transaction for nothing.
	 */
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
		Map<AssetListKey, List<AssetListKey>> byShape = new LinkedHashMap<>();
		for (AssetListKey key : keys) {
			byShape.computeIfAbsent(key.shape(), (shape) -> new ArrayList<>()).add(key);
		}
		Map<AssetListKey, Connection<Asset>> result = new HashMap<>();
		byShape.forEach((shape, sameShape) -> {
			AssetOrder order = shape.order();
			String[] after = AssetCursors.decode(shape.page().after(), order);
			List<String> parents = sameShape.stream().map(AssetListKey::parent).distinct().toList();
			Map<String, Rows<Asset>> rows = this.assets.findPages(shape, parents,
					(after != null) ? order.parseSortValue(after[0]) : null, (after != null) ? after[1] : null);
			for (AssetListKey key : sameShape) {
				result.put(key, connection(rows.get(key.parent()), shape.page(), shape.withTotal(),
						(asset) -> AssetCursors.encode(order, asset)));
			}
		});
		return result;
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
		return pages(keys, PageKind.OWNERSHIP,
				(shape, parents, after) -> this.records.findOwnershipPages(shape, parents, after, today),
				(o) -> PageKind.OWNERSHIP.encode(o.validFrom().toString(), o.ownerId()));
	}

	Map<PageKey, Connection<Custody>> custodyHistory(Collection<PageKey> keys) {
		return pages(keys, PageKind.CUSTODY, this.records::findCustodyPages,
				(c) -> PageKind.CUSTODY.encode(c.validFrom().toString(), c.id()));
	}

	Map<PageKey, Connection<OperationContract>> contracts(Collection<PageKey> keys) {
		return pages(keys, PageKind.CONTRACTS, this.records::findContractPages,
				(k) -> PageKind.CONTRACTS.encode(k.startDate().toString(), k.contractNo()));
	}

	Map<PageKey, Connection<Income>> incomes(Collection<PageKey> keys) {
		return pages(keys, PageKind.INCOMES, this.records::findIncomePages,
				(i) -> PageKind.INCOMES.encode(Integer.toString(i.year()), i.id()));
	}

	Map<PageKey, Connection<BeneficiaryShare>> beneficiaries(Collection<PageKey> keys) {
		return pages(keys, PageKind.BENEFICIARIES, this.records::findBeneficiaryPages,
				(b) -> PageKind.BENEFICIARIES.encode(b.beneficiaryId()));
	}

	Map<PageKey, Connection<BeneficiaryShare>> benefits(Collection<PageKey> keys) {
		return pages(keys, PageKind.BENEFITS, this.records::findBenefitPages,
				(b) -> PageKind.BENEFITS.encode(Integer.toString(b.year()), b.useId()));
	}

	Map<PageKey, Connection<FundAllocation>> allocations(Collection<PageKey> keys) {
		return pages(keys, PageKind.ALLOCATIONS, this.funding::findAllocationPages,
				(a) -> PageKind.ALLOCATIONS.encode(a.projectCode()));
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
		String match = AssetRepository.match(AssetListKey.Anchor.NONE, checked, parameters);
		return new CypherStatement(match, parameters);
	}

	/** The provenance chain of one asset, or null when no asset has the number. */
	Provenance provenance(String registerNo) {
		return this.records.findProvenance(registerNo, today());
	}

	@FunctionalInterface
	interface PageFetcher<T> {

		Map<String, Rows<T>> fetch(PageKey shape, Collection<String> parents, String[] after);

	}

	private <T> Map<PageKey, Connection<T>> pages(Collection<PageKey> keys, PageKind kind, PageFetcher<T> fetcher,
			Function<T, String> cursorOf) {
		Map<PageKey, List<PageKey>> byShape = new LinkedHashMap<>();
		for (PageKey key : keys) {
			byShape.computeIfAbsent(key.shape(), (shape) -> new ArrayList<>()).add(key);
		}
		Map<PageKey, Connection<T>> result = new HashMap<>();
		byShape.forEach((shape, sameShape) -> {
			List<String> parents = sameShape.stream().map(PageKey::parent).distinct().toList();
			Map<String, Rows<T>> rows = fetcher.fetch(shape, parents, kind.decode(shape.page().after()));
			for (PageKey key : sameShape) {
				result.put(key, connection(rows.get(key.parent()), shape.page(), shape.withTotal(), cursorOf));
			}
		});
		return result;
	}

	private static <T> Connection<T> connection(Rows<T> rows, PageRequest page, boolean withTotal,
			Function<T, String> cursorOf) {
		Rows<T> found = (rows != null) ? rows : Rows.empty(withTotal);
		return Cursors.page(found.items(), page, cursorOf, found.total());
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
