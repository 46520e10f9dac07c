package org.fupin.bulk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graph.Model;
import org.fupin.graph.NodeType;
import org.fupin.graph.RelationshipType;
import org.fupin.graph.ValueType;

/**
 * One kind of row of the graph as {@link Model} declares it: a node type (with one kind
 * label, for organisations), or a relationship type with one of its declared ends, both
 * ends found by their natural keys. Each table knows its two statements: {@code CREATE}
 * for an empty store and {@code MERGE} on natural keys for a store that may hold some of
 * the rows already. Both return how many rows they matched, so a row that names a missing
 * node fails its chunk.
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
 * @param types the declared type of every property a row may hold
 */
public record GraphTable(String name, String create, String merge, List<String> labels, String key, String type,
		String from, String to, Map<String, ValueType> types) {

	/**
	 * Every table, in an order that creates nodes before what links them: the order of
	 * the declaration, then any table made later (e.g. of an extended declaration).
	 */
	static final Map<String, GraphTable> ALL = Collections.synchronizedMap(new LinkedHashMap<>());

	public static final GraphTable PROVINCE = node(Model.PROVINCE, null);

	public static final GraphTable PREFECTURE = node(Model.PREFECTURE, null);

	public static final GraphTable COUNTY = node(Model.COUNTY, null);

	public static final GraphTable TOWNSHIP = node(Model.TOWNSHIP, null);

	public static final GraphTable VILLAGE = node(Model.VILLAGE, null);

	public static final GraphTable COLLECTIVE = node(Model.ORGANISATION, "Collective");

	public static final GraphTable ENTERPRISE = node(Model.ORGANISATION, "Enterprise");

	public static final GraphTable COOPERATIVE = node(Model.ORGANISATION, "Cooperative");

	public static final GraphTable GOVERNMENT_DEPARTMENT = node(Model.ORGANISATION, "GovernmentDepartment");

	public static final GraphTable CENTRAL_UNIT = node(Model.ORGANISATION, "CentralUnit");

	public static final GraphTable HOSPITAL = node(Model.ORGANISATION, "Hospital");

	public static final GraphTable SCHOOL = node(Model.ORGANISATION, "School");

	public static final GraphTable SOCIAL_ORGANISATION = node(Model.ORGANISATION, "SocialOrganisation");

	public static final GraphTable HOUSEHOLD = node(Model.HOUSEHOLD, null);

	public static final GraphTable PERSON = node(Model.PERSON, null);

	public static final GraphTable PAIRING = node(Model.PAIRING, null);

	public static final GraphTable FUND_SOURCE = node(Model.FUND_SOURCE, null);

	public static final GraphTable PROJECT = node(Model.PROJECT, null);

	public static final GraphTable ASSET = node(Model.ASSET, null);

	public static final GraphTable CUSTODY = node(Model.CUSTODY, null);

	public static final GraphTable CONTRACT = node(Model.OPERATION_CONTRACT, null);

	public static final GraphTable INCOME = node(Model.INCOME, null);

	public static final GraphTable INCOME_USE = node(Model.INCOME_USE, null);

	public static final GraphTable DISPOSAL = node(Model.DISPOSAL, null);

	public static final GraphTable PREFECTURE_PART_OF = rel(Model.PREFECTURE_PART_OF, Model.PROVINCE);

	public static final GraphTable COUNTY_PART_OF = rel(Model.COUNTY_PART_OF, Model.PREFECTURE);

	public static final GraphTable TOWNSHIP_PART_OF = rel(Model.TOWNSHIP_PART_OF, Model.COUNTY);

	public static final GraphTable VILLAGE_PART_OF = rel(Model.VILLAGE_PART_OF, Model.TOWNSHIP);

	public static final GraphTable ORGANISATION_LOCATED_IN = rel(Model.ORGANISATION_LOCATED_IN, Model.PLACE);

	public static final GraphTable HOUSEHOLD_LOCATED_IN = rel(Model.HOUSEHOLD_LOCATED_IN, Model.VILLAGE);

	public static final GraphTable WORKS_FOR = rel(Model.WORKS_FOR, Model.ORGANISATION);

	public static final GraphTable HELPER_PLACE = rel(Model.HELPER, Model.PLACE);

	public static final GraphTable HELPER_ORGANISATION = rel(Model.HELPER, Model.ORGANISATION);

	public static final GraphTable RECIPIENT_PLACE = rel(Model.RECIPIENT, Model.PLACE);

	public static final GraphTable RECIPIENT_ORGANISATION = rel(Model.RECIPIENT, Model.ORGANISATION);

	public static final GraphTable UNDER = rel(Model.UNDER, Model.PAIRING);

	public static final GraphTable STAFFED_BY = rel(Model.STAFFED_BY, Model.PERSON);

	public static final GraphTable FUND_PROVIDED_BY_PLACE = rel(Model.PROVIDED_BY, Model.PLACE);

	public static final GraphTable FUND_PROVIDED_BY_ORGANISATION = rel(Model.PROVIDED_BY, Model.ORGANISATION);

	public static final GraphTable FUND_THROUGH = rel(Model.FUND_THROUGH, Model.PAIRING);

	public static final GraphTable PROJECT_LOCATED_IN = rel(Model.PROJECT_LOCATED_IN, Model.COUNTY);

	public static final GraphTable PROJECT_THROUGH = rel(Model.PROJECT_THROUGH, Model.PAIRING);

	public static final GraphTable FUNDED = rel(Model.FUNDED, Model.PROJECT);

	public static final GraphTable ASSET_LOCATED_IN = rel(Model.ASSET_LOCATED_IN, Model.PLACE);

	public static final GraphTable FORMED = rel(Model.FORMED, Model.ASSET);

	/** Periods of one owner differ by their start: it is part of the identity. */
	public static final GraphTable OWNED_BY_ORGANISATION = rel(Model.OWNED_BY, Model.ORGANISATION);

	public static final GraphTable OWNED_BY_HOUSEHOLD = rel(Model.OWNED_BY, Model.HOUSEHOLD);

	public static final GraphTable HAS_CUSTODY = rel(Model.HAS_CUSTODY, Model.CUSTODY);

	public static final GraphTable CUSTODIAN = rel(Model.CUSTODIAN, Model.ORGANISATION);

	public static final GraphTable RESPONSIBLE_PERSON = rel(Model.RESPONSIBLE_PERSON, Model.PERSON);

	public static final GraphTable HAS_CONTRACT = rel(Model.HAS_CONTRACT, Model.OPERATION_CONTRACT);

	public static final GraphTable OPERATOR = rel(Model.OPERATOR, Model.ORGANISATION);

	public static final GraphTable EARNED = rel(Model.EARNED, Model.INCOME);

	public static final GraphTable USED_FOR = rel(Model.USED_FOR, Model.INCOME_USE);

	public static final GraphTable BENEFITS_HOUSEHOLD = rel(Model.BENEFITS, Model.HOUSEHOLD);

	public static final GraphTable BENEFITS_VILLAGE = rel(Model.BENEFITS, Model.VILLAGE);

	public static final GraphTable DISPOSED_BY = rel(Model.DISPOSED_BY, Model.DISPOSAL);

	public static final GraphTable TRANSFERRED_TO = rel(Model.TRANSFERRED_TO, Model.ORGANISATION);

	@Override
	public boolean equals(Object other) {
		return other instanceof GraphTable table && this.name.equals(table.name) && this.merge.equals(table.merge)
				&& this.types.equals(table.types);
	}

	@Override
	public int hashCode() {
		return this.name.hashCode();
	}

	/** Whether this table holds nodes (else relationships). */
	public boolean isNode() {
		return this.type == null;
	}

	/**
	 * The table of nodes of {@code type}, with the kind label {@code kind} (or null), as
	 * the declaration states them. The table is also listed in {@link #ALL}, after every
	 * table made before it.
	 */
	public static GraphTable node(NodeType type, String kind) {
		if (type.key() == null) {
			throw new IllegalArgumentException(type.label() + " has no natural key to load by");
		}
		if (kind != null && !type.kinds().contains(kind)) {
			throw new IllegalArgumentException(type.label() + " has no kind " + kind);
		}
		List<String> labels = new ArrayList<>(type.labels());
		if (kind != null) {
			labels.add(kind);
		}
		String all = String.join(":", labels);
		String create = "UNWIND $rows AS row CREATE (n:%s) SET n = row RETURN count(*)".formatted(all);
		String extra = String.join(", n:", labels.stream().filter((label) -> !label.equals(type.label())).toList());
		String merge = "UNWIND $rows AS row MERGE (n:%s {%s: row.%s}) %s SET n += row RETURN count(*)"
			.formatted(type.label(), type.keyName(), type.keyName(), extra.isEmpty() ? "" : "SET n:" + extra);
		Map<String, ValueType> types = new HashMap<>();
		type.allProperties().forEach((property) -> types.put(property.name(), property.type()));
		return add(new GraphTable(all, create, merge, List.copyOf(labels), type.keyName(), null, null, null, types));
	}

	/**
	 * The table of relationships of {@code type} that end at nodes of {@code end} (one of
	 * its declared ends, or a type below one), as the declaration states them. Both ends
	 * are found by their natural keys; the relationship's identity properties, if any,
	 * tell apart two between the same nodes.
	 */
	public static GraphTable rel(RelationshipType type, NodeType end) {
		type.endFor(end);
		NodeType start = type.from();
		String match = "UNWIND $rows AS row MATCH (a:%s {%s: row.a}) MATCH (b:%s {%s: row.b}) ".formatted(start.label(),
				start.keyName(), end.label(), end.keyName());
		String create = match + "CREATE (a)-[r:%s]->(b) SET r = row.p RETURN count(*)".formatted(type.type());
		StringBuilder key = new StringBuilder();
		for (String property : type.identity()) {
			key.append((key.length() == 0) ? " {" : ", ").append(property).append(": row.p.").append(property);
		}
		if (key.length() > 0) {
			key.append('}');
		}
		String merge = match + "MERGE (a)-[r:%s%s]->(b) SET r = row.p RETURN count(*)".formatted(type.type(), key);
		Map<String, ValueType> types = new HashMap<>();
		type.properties().forEach((property) -> types.put(property.name(), property.type()));
		return add(new GraphTable(start.label() + "-" + type.type() + "->" + end.label(), create, merge, List.of(),
				null, type.type(), start.label() + "." + start.keyName(), end.label() + "." + end.keyName(), types));
	}

	/**
	 * Fails unless every property of a row is declared for this table with a value of its
	 * type, and a node row has its key: a writer never stores what the declaration does
	 * not know.
	 */
	void check(Map<String, Object> properties) {
		if (isNode() && properties.get(this.key) == null) {
			throw new IllegalArgumentException(this.name + ": a row without its key " + this.key + ": " + properties);
		}
		properties.forEach((name, value) -> {
			ValueType type = this.types.get(name);
			if (type == null) {
				throw new IllegalArgumentException(this.name + " has no declared property " + name);
			}
			if (value != null && !type.accepts(value)) {
				throw new IllegalArgumentException(this.name + "." + name + " is " + type + ", not "
						+ value.getClass().getSimpleName() + " " + value);
			}
		});
	}

	private static GraphTable add(GraphTable table) {
		ALL.putIfAbsent(table.name(), table);
		return table;
	}

}
