package org.fupin.seed;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import org.fupin.WritingIntegrationTest;
import org.fupin.bulk.BulkLoader;
import org.fupin.bulk.Chunk;
import org.fupin.bulk.GraphTable;
import org.fupin.graph.Graph;
import org.fupin.graph.Model;
import org.fupin.graph.NodeType;
import org.fupin.graph.Property;
import org.fupin.graph.RelationshipType;
import org.fupin.graph.ValueType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new property and a new relationship are one edit of the declaration: the seed
 * loader's row writer and the bulk writer write them with no other change, and refuse
 * them while the declaration does not have them.
 */
class DeclaredGraphExtensionIT extends WritingIntegrationTest {

	/** A PV station's capacity, and the villages it serves beside its own. */
	private static final RelationshipType SERVES = RelationshipType
		.of(Model.ASSET, "registerNo", "SERVES", "servedVillageCode", Model.VILLAGE)
		.with("since", ValueType.DATE);

	private static final Graph EXTENDED = Model.GRAPH
		.withProperty("Asset", new Property("capacity", ValueType.INTEGER, "kW"))
		.with(SERVES);

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private BulkLoader bulk;

	/**
	 * The store is shared with other writing tests, whose dashboards count every asset.
	 */
	@AfterEach
	void removeTheExtendedAssets() {
		this.neo4j.query("MATCH (a:Asset) WHERE a.registerNo STARTS WITH 'ZC-EXT-' DETACH DELETE a").run();
	}

	@Test
	void theSeedLoaderWritesADeclaredPropertyAndRelationshipAndRefusesThemUndeclared() {
		List<String> villages = villages();
		Map<String, Object> row = asset("ZC-EXT-SEED-1", villages.get(0));
		row.put("capacity", 500L);
		row.put("servedVillageCode", villages.get(1));

		assertThatThrownBy(() -> new RowWriter(this.neo4j, Model.GRAPH).nodes("test", Model.ASSET, null,
				List.of(new LinkedHashMap<>(row))))
			.hasMessageContaining("Asset has no declared property capacity");
		assertThat(count("MATCH (a:Asset {registerNo: 'ZC-EXT-SEED-1'}) RETURN count(a)")).isZero();

		new RowWriter(this.neo4j, EXTENDED).nodes("test", Model.ASSET, null, List.of(row));
		assertThat(read("ZC-EXT-SEED-1")).isEqualTo(Map.of("capacity", 500L, "located", villages.get(0), "served",
				List.of(villages.get(1)), "name", "扩展光伏电站"));
	}

	@Test
	void theBulkWriterWritesADeclaredPropertyAndRelationshipAndRefusesThemUndeclared() {
		List<String> villages = villages();
		Map<String, Object> properties = asset("ZC-EXT-BULK-1", villages.get(2));
		properties.put("capacity", 800L);

		assertThatThrownBy(() -> new Chunk("undeclared").node(GraphTable.ASSET, properties))
			.hasMessageContaining("has no declared property capacity");

		NodeType asset = EXTENDED.nodeNamed("Asset");
		Chunk chunk = new Chunk("extended");
		chunk.node(GraphTable.node(asset, null), properties);
		chunk.rel(GraphTable.ASSET_LOCATED_IN, "ZC-EXT-BULK-1", villages.get(2));
		chunk.rel(GraphTable.rel(SERVES, Model.VILLAGE), "ZC-EXT-BULK-1", villages.get(3),
				Map.of("since", LocalDate.of(2025, 6, 1)));
		this.bulk.merge(chunk);
		this.bulk.merge(chunk);
		assertThat(read("ZC-EXT-BULK-1")).isEqualTo(Map.of("capacity", 800L, "located", villages.get(2), "served",
				List.of(villages.get(3)), "name", "扩展光伏电站"));
		assertThat(this.neo4j.query("MATCH (:Asset {registerNo: 'ZC-EXT-BULK-1'})-[s:SERVES]->() RETURN s.since")
			.fetchAs(LocalDate.class)
			.one()).contains(LocalDate.of(2025, 6, 1));
	}

	private static Map<String, Object> asset(String registerNo, String village) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("registerNo", registerNo);
		row.put("name", "扩展光伏电站");
		row.put("type", "PV_STATION");
		row.put("category", "OPERATING");
		row.put("originalValue", 60_000_000L);
		row.put("completionDate", LocalDate.of(2025, 5, 1));
		row.put("status", "IN_USE");
		row.put("placeCode", village);
		row.put("illustrative", true);
		row.put("version", 0L);
		return row;
	}

	private List<String> villages() {
		return List.copyOf(this.neo4j.query("MATCH (v:Village) RETURN v.code ORDER BY v.code DESC LIMIT 4")
			.fetchAs(String.class)
			.all());
	}

	private Map<String, Object> read(String registerNo) {
		return this.neo4j.query("""
				MATCH (a:Asset {registerNo: $no})-[:LOCATED_IN]->(v:Village)
				RETURN a.capacity AS capacity, v.code AS located, a.name AS name,
				       [(a)-[:SERVES]->(s:Village) | s.code] AS served""")
			.bind(registerNo)
			.to("no")
			.fetch()
			.one()
			.orElseThrow();
	}

	private long count(String cypher) {
		return this.neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
	}

}
