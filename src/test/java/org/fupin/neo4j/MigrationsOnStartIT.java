package org.fupin.neo4j;

import java.util.List;

import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.fupin.WritingIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start's migrations on a store that records the scripts it was migrated with, and on
 * one that does not.
 */
class MigrationsOnStartIT extends WritingIntegrationTest {

	@Autowired
	private MigrationsOnStart migrations;

	@Autowired
	private MigrationsConfig config;

	@Autowired
	private Neo4jClient neo4j;

	@Test
	void theStoreRecordsTheScriptsItWasMigratedWith() {
		String version = MigrationsOnStart.version(this.config);
		assertThat(version).startsWith("11-").hasSize(35);
		assertThat(runs()).containsExactly(version);
	}

	@Test
	void aStoreThatRecordsTheScriptsIsNotCheckedAgain() {
		List<String> chain = chain();
		assertThat(this.migrations.apply()).isEqualTo(MigrationsOnStart.Outcome.APPLIED_BEFORE);
		assertThat(chain()).isEqualTo(chain);
	}

	@Test
	void aStoreWithoutTheRecordIsCheckedByTheLibraryThenRecorded() {
		List<String> chain = chain();
		this.neo4j.query("MATCH (m:__MigrationRun) DELETE m").run();

		assertThat(this.migrations.apply()).isEqualTo(MigrationsOnStart.Outcome.APPLIED);
		assertThat(runs()).containsExactly(MigrationsOnStart.version(this.config));
		assertThat(chain()).isEqualTo(chain).hasSize(12);
		assertThat(this.migrations.apply()).isEqualTo(MigrationsOnStart.Outcome.APPLIED_BEFORE);
	}

	private List<String> runs() {
		return List.copyOf(this.neo4j.query("MATCH (m:__MigrationRun) RETURN m.version").fetchAs(String.class).all());
	}

	/** The library's record of what it applied: each version with its checksum. */
	private List<String> chain() {
		return List.copyOf(this.neo4j.query(
				"MATCH (m:__Neo4jMigration) RETURN m.version + '|' + coalesce(m.checksum, '-') AS line ORDER BY line")
			.fetchAs(String.class)
			.all());
	}

}
