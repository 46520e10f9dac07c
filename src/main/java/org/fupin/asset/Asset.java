package org.fupin.asset;

import java.time.LocalDate;
import java.util.Map;

import org.fupin.money.Money;

/**
 * A poverty-alleviation project asset (扶贫项目资产) as the API shows it: the properties of its
 * node and the code of the project that formed it.
 *
 * @param registerNo register number, the natural key
 * @param type GraphQL {@code AssetType}
 * @param category GraphQL {@code AssetCategory}
 * @param originalValue original value (原值) in yuan
 * @param status GraphQL {@code AssetStatus}
 * @param placeCode code of the village (or county) it lies in
 * @param projectCode code of the project that formed it, or null
 */
public record Asset(String registerNo, String name, String type, String category, Money originalValue,
		LocalDate completionDate, String status, LocalDate statusSince, boolean illustrative, String placeCode,
		String projectCode) {

	/**
	 * The Cypher map projection of an asset node bound to {@code a}, which
	 * {@link #from(Row)} reads: also for other features' statements that read assets
	 * along with their own rows ({@link #of}).
	 */
	public static final String PROJECTION = "a {.registerNo, .name, .type, .category, .originalValue, .completionDate, "
			+ ".status, .statusSince, .illustrative, .placeCode, projectCode: head([(pr:Project)-[:FORMED]->(a) | pr.code])}";

	/** Reads a {@link #PROJECTION}. */
	public static Asset of(Map<String, Object> projection) {
		return from(new Row(projection));
	}

	static Asset from(Row row) {
		return new Asset(row.str("registerNo"), row.str("name"), row.str("type"), row.str("category"),
				row.money("originalValue"), row.date("completionDate"), row.str("status"), row.date("statusSince"),
				row.bool("illustrative"), row.str("placeCode"), row.str("projectCode"));
	}

}
