package org.fupin.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.ApiException;
import org.fupin.money.Money;
import org.fupin.neo4j.SingleStatementReads;
import org.fupin.place.PlaceLevel;

import org.springframework.stereotype.Service;

/**
 * Dashboard numbers (统计看板) of any place or the whole country, in one read-only
 * transaction: counties and the levels above read their rollup node
 * ({@link DashboardRollups}); townships and villages, which are small, are counted on the
 * fly with the same Cypher.
 */
@Service
public class DashboardService {

	/** The name of the whole country. */
	static final String COUNTRY = "全国";

	private static final Map<String, String> OTHER_OWNERS = Map.of("HOUSEHOLD", "农户", "PLACE", "行政区", "ORGANISATION",
			"其他组织");

	private final RollupRepository repository;

	private final DashboardRollups rollups;

	private final DashboardLabels labels;

	private final Clock clock;

	private final SingleStatementReads reads;

	DashboardService(RollupRepository repository, DashboardRollups rollups, DashboardLabels labels, Clock clock,
			SingleStatementReads reads) {
		this.repository = repository;
		this.reads = reads;
		this.rollups = rollups;
		this.labels = labels;
		this.clock = clock;
	}

	/**
	 * The dashboard of the place with this code, or of the whole country when null.
	 * @throws ApiException {@code INVALID_CODE} for a malformed code, {@code NOT_FOUND}
	 * when no place has it
	 */
	public Dashboard dashboard(String placeCode) {
		return this.reads.inOneRead(() -> read(placeCode));
	}

	private Dashboard read(String placeCode) {
		String code = (placeCode != null) ? placeCode.strip() : "";
		PlaceLevel level = code.isEmpty() ? null : PlaceLevel.ofCode(code, "placeCode");
		LocalDate today = LocalDate.now(this.clock);
		RollupRepository.Lookup lookup = this.repository.lookup(code);
		if (level != null && !lookup.placeExists()) {
			throw ApiException.notFound("placeCode", "No place has the code " + code + " (统计用区划代码).");
		}
		String name = (level != null) ? lookup.name() : COUNTRY;
		if (!lookup.built()) {
			// Rows that mutations wrote on a store never rebuilt hold only their changes.
			this.rollups.refreshLater();
		}
		else if (lookup.row().isPresent() && (level == null || level.codeLength() <= 6)) {
			RollupRepository.Row row = lookup.row().get();
			LocalDate asOf = (row.computedFor() != null) ? row.computedFor() : today;
			if (!asOf.equals(today)) {
				this.rollups.refreshLater();
			}
			return build(code, name, level, asOf, row.summable(), row.pairings());
		}
		Tally summable = this.rollups.count(code, code.length(), today).getOrDefault(code, new Tally());
		return build(code, name, level, today, summable, this.rollups.countPairings(code));
	}

	private Dashboard build(String code, String name, PlaceLevel level, LocalDate asOf, Tally summable,
			Tally pairings) {
		Tally.Cell assets = summable.get("assets/all");
		Map<String, String> owners = new LinkedHashMap<>(this.labels.of("OrganisationKind"));
		owners.putAll(OTHER_OWNERS);
		return new Dashboard(code.isEmpty() ? null : code, name, level, asOf, assets.count(),
				Money.ofFen(assets.value()), every(summable, "category", this.labels.of("AssetCategory")),
				every(summable, "type", this.labels.of("AssetType")),
				every(summable, "status", this.labels.of("AssetStatus")), years(summable, "year"),
				years(summable, "incomeYear"), every(summable, "incomeUse", this.labels.of("IncomeUseKind")),
				present(summable, "owner", owners), every(summable, "audit", this.labels.of("AuditRule")),
				every(pairings, "program", this.labels.of("PairingProgram")),
				CoverageRatio.of(summable.get("keyCounty/linked").count(),
						summable.get("keyCounty/linked").count() + summable.get("keyCounty/unlinked").count()),
				ratio(pairings, "western/partnered", "western/unpartnered"),
				ratio(pairings, "counterpart/supported", "counterpart/unsupported"));
	}

	private static CoverageRatio ratio(Tally tally, String covered, String uncovered) {
		return CoverageRatio.of(tally.get(covered).count(), tally.get(covered).count() + tally.get(uncovered).count());
	}

	/** Every value of an enum, zeros included, in schema order. */
	private static List<DashboardItem> every(Tally tally, String dimension, Map<String, String> labels) {
		List<DashboardItem> items = new ArrayList<>();
		labels.forEach((key, label) -> items.add(item(tally, dimension, key, label)));
		return items;
	}

	/** The values that have numbers, in key order. */
	private static List<DashboardItem> present(Tally tally, String dimension, Map<String, String> labels) {
		return tally.values(dimension)
			.stream()
			.map((key) -> item(tally, dimension, key, labels.getOrDefault(key, key)))
			.toList();
	}

	private static List<DashboardItem> years(Tally tally, String dimension) {
		return tally.values(dimension).stream().map((year) -> item(tally, dimension, year, year + "年")).toList();
	}

	private static DashboardItem item(Tally tally, String dimension, String key, String label) {
		Tally.Cell cell = tally.get(dimension + "/" + key);
		return new DashboardItem(key, label, cell.count(), Money.ofFen(cell.value()));
	}

}
