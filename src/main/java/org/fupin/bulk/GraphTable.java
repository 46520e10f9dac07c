package org.fupin.bulk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind of row of the graph model ({@code schema/README.md}): a node label set with
 * its natural key, or a relationship type between two labels found by their natural keys.
 * Each table knows its two statements: {@code CREATE} for an empty store and
 * {@code MERGE} on natural keys for a store that may hold some of the rows already. Both
 * return how many rows they matched, so a row that names a missing node fails its chunk.
 *
 * <p>
 * Node rows are the node's properties (the key among them). Relationship rows are
 * {@code {a: fromKey, b: toKey, p: properties}}.
 *
 * @param name the table's name, used in logs and counts
 * @param create the statement for an empty store
 * @param merge the idempotent statement
 * @param labels the node's labels (empty for a relationship table)
 * @param key the node's natural key property (null for a relationship table)
 * @param type the relationship type (null for a node table)
 * @param from the start node's label and key, e.g. {@code Asset.registerNo}
 * @param to the end node's label and key
 */
public record GraphTable(String name, String create, String merge, List<String> labels, String key, String type,
		String from, String to) {

	/** Every table, in an order that creates nodes before what links them. */
	static final Map<String, GraphTable> ALL = new LinkedHashMap<>();

	public static final GraphTable PROVINCE = node("Place:Province", "Province", "code");

	public static final GraphTable PREFECTURE = node("Place:Prefecture", "Prefecture", "code");

	public static final GraphTable COUNTY = node("Place:County", "County", "code");

	public static final GraphTable TOWNSHIP = node("Place:Township", "Township", "code");

	public static final GraphTable VILLAGE = node("Place:Village", "Village", "code");

	public static final GraphTable COLLECTIVE = node("Organisation:Collective", "Organisation", "creditCode");

	public static final GraphTable ENTERPRISE = node("Organisation:Enterprise", "Organisation", "creditCode");

	public static final GraphTable COOPERATIVE = node("Organisation:Cooperative", "Organisation", "creditCode");

	public static final GraphTable GOVERNMENT_DEPARTMENT = node("Organisation:GovernmentDepartment", "Organisation",
			"creditCode");

	public static final GraphTable CENTRAL_UNIT = node("Organisation:CentralUnit", "Organisation", "creditCode");

	public static final GraphTable HOSPITAL = node("Organisation:Hospital", "Organisation", "creditCode");

	public static final GraphTable SCHOOL = node("Organisation:School", "Organisation", "creditCode");

	public static final GraphTable SOCIAL_ORGANISATION = node("Organisation:SocialOrganisation", "Organisation",
			"creditCode");

	public static final GraphTable HOUSEHOLD = node("Household", "Household", "householdNo");

	public static final GraphTable PERSON = node("Person", "Person", "personId");

	public static final GraphTable PAIRING = node("Pairing", "Pairing", "id");

	public static final GraphTable FUND_SOURCE = node("FundSource", "FundSource", "code");

	public static final GraphTable PROJECT = node("Project", "Project", "code");

	public static final GraphTable ASSET = node("Asset", "Asset", "registerNo");

	public static final GraphTable CUSTODY = node("Custody", "Custody", "id");

	public static final GraphTable CONTRACT = node("OperationContract", "OperationContract", "contractNo");

	public static final GraphTable INCOME = node("Income", "Income", "id");

	public static final GraphTable INCOME_USE = node("IncomeUse", "IncomeUse", "id");

	public static final GraphTable DISPOSAL = node("Disposal", "Disposal", "id");

	public static final GraphTable PREFECTURE_PART_OF = rel("Prefecture.code", "PART_OF", "Province.code");

	public static final GraphTable COUNTY_PART_OF = rel("County.code", "PART_OF", "Prefecture.code");

	public static final GraphTable TOWNSHIP_PART_OF = rel("Township.code", "PART_OF", "County.code");

	public static final GraphTable VILLAGE_PART_OF = rel("Village.code", "PART_OF", "Township.code");

	public static final GraphTable ORGANISATION_LOCATED_IN = rel("Organisation.creditCode", "LOCATED_IN", "Place.code");

	public static final GraphTable HOUSEHOLD_LOCATED_IN = rel("Household.householdNo", "LOCATED_IN", "Village.code");

	public static final GraphTable WORKS_FOR = rel("Person.personId", "WORKS_FOR", "Organisation.creditCode");

	public static final GraphTable HELPER_PLACE = rel("Pairing.id", "HELPER", "Place.code");

	public static final GraphTable HELPER_ORGANISATION = rel("Pairing.id", "HELPER", "Organisation.creditCode");

	public static final GraphTable RECIPIENT_PLACE = rel("Pairing.id", "RECIPIENT", "Place.code");

	public static final GraphTable RECIPIENT_ORGANISATION = rel("Pairing.id", "RECIPIENT", "Organisation.creditCode");

	public static final GraphTable UNDER = rel("Pairing.id", "UNDER", "Pairing.id");

	public static final GraphTable STAFFED_BY = rel("Pairing.id", "STAFFED_BY", "Person.personId");

	public static final GraphTable FUND_PROVIDED_BY_PLACE = rel("FundSource.code", "PROVIDED_BY", "Place.code");

	public static final GraphTable FUND_PROVIDED_BY_ORGANISATION = rel("FundSource.code", "PROVIDED_BY",
			"Organisation.creditCode");

	public static final GraphTable FUND_THROUGH = rel("FundSource.code", "THROUGH", "Pairing.id");

	public static final GraphTable PROJECT_LOCATED_IN = rel("Project.code", "LOCATED_IN", "County.code");

	public static final GraphTable PROJECT_THROUGH = rel("Project.code", "THROUGH", "Pairing.id");

	public static final GraphTable FUNDED = rel("FundSource.code", "FUNDED", "Project.code");

	public static final GraphTable ASSET_LOCATED_IN = rel("Asset.registerNo", "LOCATED_IN", "Place.code");

	public static final GraphTable FORMED = rel("Project.code", "FORMED", "Asset.registerNo");

	/** Periods of one owner differ by their start: it is part of the identity. */
	public static final GraphTable OWNED_BY_ORGANISATION = rel("Asset.registerNo", "OWNED_BY",
			"Organisation.creditCode", "validFrom");

	public static final GraphTable OWNED_BY_HOUSEHOLD = rel("Asset.registerNo", "OWNED_BY", "Household.householdNo",
			"validFrom");

	public static final GraphTable HAS_CUSTODY = rel("Asset.registerNo", "HAS_CUSTODY", "Custody.id");

	public static final GraphTable CUSTODIAN = rel("Custody.id", "CUSTODIAN", "Organisation.creditCode");

	public static final GraphTable RESPONSIBLE_PERSON = rel("Custody.id", "RESPONSIBLE_PERSON", "Person.personId");

	public static final GraphTable HAS_CONTRACT = rel("Asset.registerNo", "HAS_CONTRACT",
			"OperationContract.contractNo");

	public static final GraphTable OPERATOR = rel("OperationContract.contractNo", "OPERATOR",
			"Organisation.creditCode");

	public static final GraphTable EARNED = rel("Asset.registerNo", "EARNED", "Income.id");

	public static final GraphTable USED_FOR = rel("Income.id", "USED_FOR", "IncomeUse.id");

	public static final GraphTable BENEFITS_HOUSEHOLD = rel("IncomeUse.id", "BENEFITS", "Household.householdNo");

	public static final GraphTable BENEFITS_VILLAGE = rel("IncomeUse.id", "BENEFITS", "Village.code");

	public static final GraphTable DISPOSED_BY = rel("Asset.registerNo", "DISPOSED_BY", "Disposal.id");

	public static final GraphTable TRANSFERRED_TO = rel("Disposal.id", "TRANSFERRED_TO", "Organisation.creditCode");

	/** Whether this table holds nodes (else relationships). */
	public boolean isNode() {
		return this.type == null;
	}

	private static GraphTable node(String labels, String keyLabel, String key) {
		String create = "UNWIND $rows AS row CREATE (n:%s) SET n = row RETURN count(*)".formatted(labels);
		String extra = String.join(", n:",
				List.of(labels.split(":")).stream().filter((label) -> !label.equals(keyLabel)).toList());
		String merge = "UNWIND $rows AS row MERGE (n:%s {%s: row.%s}) %s SET n += row RETURN count(*)"
			.formatted(keyLabel, key, key, extra.isEmpty() ? "" : "SET n:" + extra);
		return add(new GraphTable(labels, create, merge, List.of(labels.split(":")), key, null, null, null));
	}

	private static GraphTable rel(String from, String type, String to, String... identity) {
		String[] a = from.split("\\.");
		String[] b = to.split("\\.");
		String match = "UNWIND $rows AS row MATCH (a:%s {%s: row.a}) MATCH (b:%s {%s: row.b}) ".formatted(a[0], a[1],
				b[0], b[1]);
		String create = match + "CREATE (a)-[r:%s]->(b) SET r = row.p RETURN count(*)".formatted(type);
		StringBuilder key = new StringBuilder();
		for (String property : identity) {
			key.append((key.length() == 0) ? " {" : ", ").append(property).append(": row.p.").append(property);
		}
		if (key.length() > 0) {
			key.append('}');
		}
		String merge = match + "MERGE (a)-[r:%s%s]->(b) SET r = row.p RETURN count(*)".formatted(type, key);
		return add(new GraphTable(a[0] + "-" + type + "->" + b[0], create, merge, List.of(), null, type, from, to));
	}

	private static GraphTable add(GraphTable table) {
		if (ALL.put(table.name(), table) != null) {
			throw new IllegalStateException("Two tables named " + table.name());
		}
		return table;
	}

}
