package org.fupin.asset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graph.Lookups;
import org.fupin.graph.Model;
import org.fupin.graphql.PageQuery;
import org.fupin.graphql.Rows;
import org.fupin.money.Money;
import org.fupin.neo4j.SingleStatementReads;

import org.springframework.stereotype.Repository;

/**
 * Lean Cypher for assets and asset lists. A list starts from the most selective anchor it
 * has (an owner, custodian, operator, project or fund source: index seeks and a short
 * traversal), or else from the {@code Asset} label with the place-code range seek, and
 * narrows with the filter's other conditions.
 */
@Repository
class AssetRepository {

	private final SingleStatementReads reads;

	AssetRepository(SingleStatementReads reads) {
		this.reads = reads;
	}

	Map<String, Asset> findByRegisterNos(Collection<String> registerNos) {
		Map<String, Asset> assets = new HashMap<>();
		this.reads
			.rows("MATCH (a:Asset) WHERE a.registerNo IN $registerNos RETURN " + Asset.PROJECTION + " AS asset",
					Map.of("registerNos", List.copyOf(registerNos)))
			.forEach((row) -> {
				Asset asset = Asset.from(Row.of(row.get("asset")));
				assets.put(asset.registerNo(), asset);
			});
		return assets;
	}

	/**
	 * Loads one page of the list {@code shape} under each of {@code parents} with one
	 * query.
	 */
	Map<String, Rows<Asset>> findPages(AssetListKey shape, Collection<String> parents) {
		Map<String, Object> parameters = new HashMap<>();
		PageQuery query = pageQuery(shape, Asset.PROJECTION, parameters);
		return query.fetch(this.reads::rows, parents, shape.page(), shape.withTotal(), parameters,
				(parent, row) -> Asset.from(Row.of(row)));
	}

	/**
	 * As {@link #findPages}, each asset with the parts {@code parts} asks
	 * ({@link AssetCardRepository#projection}), still in one query.
	 */
	Map<String, Rows<AssetCard>> findPagesWithParts(AssetListKey shape, Collection<String> parents, AssetParts parts,
			java.time.LocalDate today) {
		Map<String, Object> parameters = new HashMap<>();
		PageQuery query = pageQuery(shape, AssetCardRepository.projection(parts, parameters), parameters);
		return query.fetch(this.reads::rows, parents, shape.page(), shape.withTotal(), parameters,
				(parent, row) -> AssetCardRepository.card(Row.of(row), today));
	}

	private static PageQuery pageQuery(AssetListKey shape, String projection, Map<String, Object> parameters) {
		return new PageQuery(match(shape.anchor(), shape.filter(), shape.scope(), parameters), shape.order().keyset(),
				projection);
	}

	/**
	 * The Cypher that binds {@code a} to every asset the filter selects under the anchor
	 * (the variable {@code parent} when there is one) at or below the place {@code scope}
	 * (null for everywhere), ending in {@code WITH a}; the filter's values are put into
	 * {@code parameters}. Lists and the ledger export share it, so both select the same
	 * assets.
	 */
	static String match(AssetListKey.Anchor anchor, AssetFilter filter, String scope, Map<String, Object> parameters) {
		List<String> anchors = new ArrayList<>();
		int n = 0;
		switch (anchor) {
			case OWNER -> anchors.add(owner(n++, "parent"));
			case CUSTODIAN -> anchors.add(custodian(n++, "parent"));
			case OPERATOR -> anchors.add(operator(n++, "parent"));
			case PROJECT -> anchors.add(project("parent"));
			case FUND -> anchors.add(fund("parent"));
			default -> {
			}
		}
		if (filter.ownerId() != null) {
			anchors.add(owner(n++, "$ownerId"));
			parameters.put("ownerId", filter.ownerId());
		}
		if (filter.custodianId() != null) {
			anchors.add(custodian(n++, "$custodianId"));
			parameters.put("custodianId", filter.custodianId());
		}
		if (filter.operatorId() != null) {
			anchors.add(operator(n++, "$operatorId"));
			parameters.put("operatorId", filter.operatorId());
		}
		if (filter.projectCode() != null && anchor != AssetListKey.Anchor.PROJECT) {
			anchors.add(project("$projectCode"));
			parameters.put("projectCode", filter.projectCode());
		}
		if (filter.fundSourceCode() != null) {
			anchors.add(fund("$fundSourceCode"));
			parameters.put("fundSourceCode", filter.fundSourceCode());
		}
		if (n > 0) {
			parameters.put("asOf", filter.asOf());
		}

		List<String> conditions = new ArrayList<>();
		if (anchor == AssetListKey.Anchor.PLACE) {
			conditions.add("a.placeCode STARTS WITH parent");
		}
		condition(conditions, parameters, filter.placeCode(), "a.placeCode STARTS WITH $placeCode", "placeCode");
		if (scope != null && (filter.placeCode() == null || !filter.placeCode().startsWith(scope))) {
			// A filter's place within the scope implies it: the root list's, which an
			// OFFICER's place fills when absent, always is.
			condition(conditions, parameters, scope, "a.placeCode STARTS WITH $scope", "scope");
		}
		condition(conditions, parameters, filter.category(), "a.category = $category", "category");
		condition(conditions, parameters, filter.type(), "a.type = $type", "type");
		condition(conditions, parameters, filter.status(), "a.status = $status", "status");
		condition(conditions, parameters, fen(filter.minValue()), "a.originalValue >= $minValue", "minValue");
		condition(conditions, parameters, fen(filter.maxValue()), "a.originalValue <= $maxValue", "maxValue");
		condition(conditions, parameters, filter.completionYear(), "a.completionDate.year = $completionYear",
				"completionYear");
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		return anchors.isEmpty() ? "MATCH (a:Asset)" + where + "\nWITH a"
				: String.join("\n", anchors) + "\nWITH DISTINCT a" + where + "\nWITH a";
	}

	/** Binds {@code party<n>} to the party named by {@code value}, then its assets. */
	private static String owner(int n, String value) {
		return Lookups.party("parent", value, "party" + n) + """

				MATCH (party%1$d)<-[o%1$d:OWNED_BY]-(a:Asset)
				WHERE %2$s""".formatted(n, Model.OWNED_BY.period().currentOn("o" + n, "$asOf"));
	}

	private static String custodian(int n, String value) {
		return """
				MATCH (:Organisation {creditCode: %2$s})<-[:CUSTODIAN]-(c%1$d:Custody)<-[:HAS_CUSTODY]-(a:Asset)
				WHERE %3$s""".formatted(n, value, Model.CUSTODY.period().currentOn("c" + n, "$asOf"));
	}

	private static String operator(int n, String value) {
		return Lookups.party("parent", value, "party" + n) + """

				MATCH (party%1$d)<-[:OPERATOR]-(k%1$d:OperationContract)<-[:HAS_CONTRACT]-(a:Asset)
				WHERE %2$s""".formatted(n, Model.OPERATION_CONTRACT.period().currentOn("k" + n, "$asOf"));
	}

	private static String project(String value) {
		return "MATCH (:Project {code: %s})-[:FORMED]->(a:Asset)".formatted(value);
	}

	private static String fund(String value) {
		return "MATCH (:FundSource {code: %s})-[:FUNDED]->(:Project)-[:FORMED]->(a:Asset)".formatted(value);
	}

	private static Long fen(Money amount) {
		return (amount != null) ? amount.fen() : null;
	}

	private static void condition(List<String> conditions, Map<String, Object> parameters, Object value,
			String fragment, String name) {
		if (value != null) {
			conditions.add(fragment);
			parameters.put(name, value);
		}
	}

}
