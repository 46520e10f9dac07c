package org.fupin.seed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fupin.graph.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the Java API writer stores values, on a database of its own.
 */
class EmbeddedRowTargetTests {

	@TempDir
	Path home;

	@Test
	void listsAreStoredAsArraysOfTheirDeclaredTypeEmptyOnesToo() {
		DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(this.home)
			.setConfig(GraphDatabaseSettings.pagecache_memory, 16L * 1024 * 1024)
			.setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
			.build();
		try (Transaction tx = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).beginTx()) {
			new EmbeddedRowTarget(tx).nodes(Model.DASHBOARD_ROLLUP, null,
					List.of(Map.of("key", "52", "properties", Map.of("keys", List.of(), "counts", List.of(),
							"pairingKeys", List.of("program/EAST_WEST"), "pairingCounts", List.of(3, 4L)))));
			Node rollup = tx.findNode(Label.label("DashboardRollup"), "code", "52");
			assertThat(rollup.getProperty("keys")).isEqualTo(new String[0]);
			assertThat(rollup.getProperty("counts")).isEqualTo(new long[0]);
			assertThat(rollup.getProperty("pairingKeys")).isEqualTo(new String[] { "program/EAST_WEST" });
			assertThat(rollup.getProperty("pairingCounts")).isEqualTo(new long[] { 3, 4 });
		}
		finally {
			dbms.shutdown();
		}
	}

}
