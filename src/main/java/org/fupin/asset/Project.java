package org.fupin.asset;

/**
 * A poverty-alleviation project (扶贫项目) that formed assets.
 *
 * @param countyCode the county that runs it
 */
public record Project(String code, String name, Integer year, boolean illustrative, String countyCode) {

	/** Projection of a {@code p:Project} node, for {@link #from}. */
	static final String PROJECTION = "p {.code, .name, .year, .illustrative, countyCode: head([(p)-[:LOCATED_IN]->(c:County) | c.code])}";

	static Project from(Row row) {
		return new Project(row.str("code"), row.str("name"), row.integer("year"), row.bool("illustrative"),
				row.str("countyCode"));
	}

}
