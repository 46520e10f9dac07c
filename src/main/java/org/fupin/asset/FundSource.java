package org.fupin.asset;

/**
 * A fund source (资金来源): a budget line, bond, assistance or donation of one year.
 *
 * @param kind GraphQL {@code FundKind}
 * @param providerId the party that provided it, or null (central funds)
 */
public record FundSource(String code, String name, String kind, Integer year, boolean illustrative, String providerId) {

	/** Projection of an {@code f:FundSource} node, for {@link #from}. */
	static final String PROJECTION = "f {.code, .name, .kind, .year, .illustrative, "
			+ "providerId: head([(f)-[:PROVIDED_BY]->(x) | coalesce(x.creditCode, x.householdNo, x.code)])}";

	static FundSource from(Row row) {
		return new FundSource(row.str("code"), row.str("name"), row.str("kind"), row.integer("year"),
				row.bool("illustrative"), row.str("providerId"));
	}

}
