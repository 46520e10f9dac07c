package org.fupin.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup and restore of a stopped embedded store: what is restored is exactly what was
 * backed up, a running store is refused, and the command mode refuses an external server.
 */
class StoreArchiveTests {

	/** Every node and relationship with its labels or type, ends and properties. */
	private static final String LINES = """
			CALL () {
			  MATCH (n)
			  RETURN reduce(s = '', l IN labels(n) | s + l + ',') + n.key
			         + reduce(s = '', p IN COLLECT { UNWIND keys(n) AS k WITH k ORDER BY k
			                     RETURN k + '=' + toString(n[k]) } | s + ';' + p) AS line
			  UNION ALL
			  MATCH (a)-[r]->(b)
			  RETURN a.key + '-' + type(r) + '->' + b.key
			         + reduce(s = '', p IN COLLECT { UNWIND keys(r) AS k WITH k ORDER BY k
			                     RETURN k + '=' + toString(r[k]) } | s + ';' + p) AS line
			}
			RETURN line ORDER BY line""";

	@TempDir
	private Path home;

	@TempDir
	private Path backups;

	@Test
	void restoringABackupGivesBackExactlyTheStateBackedUp() throws IOException {
		DatabaseManagementService dbms = start();
		write(dbms, "CREATE CONSTRAINT asset_key IF NOT EXISTS FOR (n:Asset) REQUIRE n.key IS UNIQUE");
		write(dbms,
				"""
						UNWIND range(1, 200) AS i
						CREATE (a:Asset {key: 'ZC-' + i, name: '资产' + i, value: i * 100, built: date('2020-01-01') + duration({days: i}),
						                 idle: i % 7 = 0})
						CREATE (o:Organisation {key: 'ORG-' + i})
						CREATE (o)-[:OWNS {share: 100, validFrom: date('2021-06-30')}]->(a)""");
		List<String> backedUp = lines(dbms);
		assertThat(backedUp).hasSize(600);
		dbms.shutdown();

		Path archive = this.backups.resolve("fupin.dump");
		StoreArchive.dump(this.home, archive);
		assertThat(archive).isNotEmptyFile();

		dbms = start();
		write(dbms, "MATCH (a:Asset {key: 'ZC-1'}) DETACH DELETE a");
		write(dbms, "MATCH (a:Asset {key: 'ZC-2'}) SET a.name = '改过', a.value = 0");
		write(dbms, "CREATE (:Asset {key: 'ZC-NEW'})");
		assertThat(lines(dbms)).isNotEqualTo(backedUp).hasSize(599);
		dbms.shutdown();
		// An import of the national dataset began here and was killed: its marker goes
		// aside with the database it describes.
		Files.writeString(this.home.resolve("national-import.started"), "dataset=scale=1.0, seed=20211\n");

		Path aside = StoreArchive.load(this.home, archive);
		assertThat(this.home.resolve("national-import.started")).doesNotExist();
		assertThat(aside.resolve("national-import.started")).exists();

		dbms = start();
		assertThat(lines(dbms)).isEqualTo(backedUp);
		GraphDatabaseService database = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		Object constraints = database.executeTransactionally(
				"SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names", Map.of(),
				(result) -> result.next().get("names"));
		assertThat(constraints).isEqualTo(List.of("asset_key"));
		DatabaseManagementService restored = dbms;
		assertThatThrownBy(() -> write(restored, "CREATE (:Asset {key: 'ZC-3'})"))
			.hasMessageContaining("already exists");
		dbms.shutdown();
		// The database the restore replaced is kept, not deleted.
		assertThat(aside.resolve("databases").resolve(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)).isDirectory();
	}

	@Test
	void aBackupRestoresIntoTheStoreOfANewMachine(@TempDir Path newHome) {
		DatabaseManagementService dbms = start(this.home);
		write(dbms,
				"CREATE (:Asset {key: 'ZC-1', name: '光伏电站'})-[:OWNED_BY {share: 100}]->(:Organisation {key: 'ORG-1'})");
		List<String> backedUp = lines(dbms);
		dbms.shutdown();
		Path archive = this.backups.resolve("fupin.dump");
		StoreArchive.dump(this.home, archive);

		assertThat(StoreArchive.load(newHome, archive)).isNull();
		dbms = start(newHome);
		try {
			assertThat(lines(dbms)).isEqualTo(backedUp)
				.containsExactly("Asset,ZC-1;key=ZC-1;name=光伏电站", "Organisation,ORG-1;key=ORG-1",
						"ZC-1-OWNED_BY->ORG-1;share=100");
		}
		finally {
			dbms.shutdown();
		}
	}

	@Test
	void aDumpLoadsIntoANewStoreOnlyAndAStartThatDiedLoadingLeavesNoPartOfIt(@TempDir Path newHome) throws IOException {
		Path archive = dumpOfOneAsset();
		// What a start that died loading left.
		Files.createDirectories(newHome.resolve("new-store-staging/data/databases/neo4j"));
		Files.writeString(newHome.resolve("new-store-staging/neo4j.dump"), "part of a dump");

		assertThat(StoreArchive.loadIntoNew(newHome, (file) -> Files.copy(archive, file))).isTrue();
		assertThat(newHome.resolve("new-store-staging")).doesNotExist();
		DatabaseManagementService dbms = start(newHome);
		write(dbms, "MATCH (a:Asset) SET a.name = '改过'");
		dbms.shutdown();
		// A store with a database, or with transaction logs alone, is left as it is.
		assertThat(StoreArchive.loadIntoNew(newHome, (file) -> Files.copy(archive, file))).isFalse();
		Path logsAlone = Files.createDirectories(this.backups.resolve("logs-alone/data/transactions/neo4j"));
		assertThat(StoreArchive.loadIntoNew(logsAlone.getParent().getParent().getParent(),
				(file) -> Files.copy(archive, file)))
			.isFalse();
		assertThat(logsAlone.getParent().getParent().resolve("databases/neo4j")).doesNotExist();
		dbms = start(newHome);
		try {
			assertThat(lines(dbms)).containsExactly("Asset,ZC-1;key=ZC-1;name=改过");
		}
		finally {
			dbms.shutdown();
		}
		// A dump that does not load leaves the store without a database.
		Path broken = this.backups.resolve("broken");
		assertThatIllegalStateException()
			.isThrownBy(() -> StoreArchive.loadIntoNew(broken, (file) -> Files.writeString(file, "not a dump")))
			.withMessageStartingWith("Cannot load a dump into the new store");
		assertThat(broken.resolve("data/databases/neo4j")).doesNotExist();
		assertThat(broken.resolve("data/transactions/neo4j")).doesNotExist();
	}

	@Test
	void aLoadThatDiedBetweenItsMovesIsFinishedByTheNextCall(@TempDir Path newHome) throws IOException {
		Path archive = dumpOfOneAsset();
		assertThat(StoreArchive.loadIntoNew(newHome, (file) -> Files.copy(archive, file))).isTrue();
		Path staging = newHome.resolve("new-store-staging");
		Path database = Path.of("data", "databases", "neo4j");
		Path logs = Path.of("data", "transactions", "neo4j");
		// What a start that died after loading and before either move left, and then what
		// one that died between the two moves left.
		for (List<Path> unmoved : List.of(List.of(logs, database), List.of(database))) {
			for (Path part : unmoved) {
				Files.createDirectories(staging.resolve(part).getParent());
				Files.move(newHome.resolve(part), staging.resolve(part));
			}
			Files.createFile(staging.resolve("loaded"));

			assertThat(StoreArchive.loadIntoNew(newHome, (file) -> {
				throw new AssertionError("the dump is loaded already");
			})).isTrue();
			assertThat(staging).doesNotExist();
			DatabaseManagementService dbms = start(newHome);
			try {
				assertThat(lines(dbms)).containsExactly("Asset,ZC-1;key=ZC-1;name=光伏电站");
			}
			finally {
				dbms.shutdown();
			}
		}
	}

	@Test
	void aRunningStoreIsRefusedAndABackupNeverOverwrites() throws Exception {
		DatabaseManagementService dbms = start();
		write(dbms, "CREATE (:Asset {key: 'ZC-1'})");
		Path archive = this.backups.resolve("running.dump");
		try {
			assertThatIllegalStateException().isThrownBy(() -> StoreArchive.dump(this.home, archive))
				.withMessageContaining("is in use: stop the application first");
			assertThat(archive).doesNotExist();
		}
		finally {
			dbms.shutdown();
		}
		StoreArchive.dump(this.home, archive);
		assertThatIllegalStateException().isThrownBy(() -> StoreArchive.dump(this.home, archive))
			.withMessageContaining("exists already");

		dbms = start();
		try {
			assertThatIllegalStateException().isThrownBy(() -> StoreArchive.load(this.home, archive))
				.withMessageContaining("is in use: stop the application first");
			assertThat(lines(dbms)).containsExactly("Asset,ZC-1;key=ZC-1");
		}
		finally {
			dbms.shutdown();
		}
		assertThatIllegalStateException().isThrownBy(() -> StoreArchive.load(this.home, this.backups.resolve("none")))
			.withMessageContaining("No backup file");
		assertThat(this.backups.resolve("running.dump.partial")).doesNotExist();

		// A file that is no dump, and a dump cut short: the store stays as it was, its
		// import marker with it, and nothing is left aside.
		Files.writeString(this.home.resolve("national-import.done"), "dataset=scale=0.001, seed=20211\n");
		Files.writeString(this.backups.resolve("garbage.dump"), "not a dump");
		byte[] dump = Files.readAllBytes(archive);
		Files.write(this.backups.resolve("cut.dump"), java.util.Arrays.copyOf(dump, dump.length / 2));
		for (String file : List.of("garbage.dump", "cut.dump")) {
			assertThatIllegalStateException().isThrownBy(() -> StoreArchive.load(this.home, this.backups.resolve(file)))
				.withMessageEndingWith("; the store is as it was.");
			try (var entries = Files.list(this.home)) {
				assertThat(entries.map((entry) -> entry.getFileName().toString())).as(file)
					.contains("national-import.done")
					.noneMatch((name) -> name.startsWith("before-restore"));
			}
			dbms = start();
			try {
				assertThat(lines(dbms)).as(file).containsExactly("Asset,ZC-1;key=ZC-1");
			}
			finally {
				dbms.shutdown();
			}
		}
	}

	@Test
	void theCommandModeBacksUpAndRestoresTheConfiguredStore() {
		DatabaseManagementService dbms = start();
		write(dbms, "CREATE (:Asset {key: 'ZC-1', name: '光伏电站'})");
		dbms.shutdown();
		Path archive = this.backups.resolve("command.dump");
		StoreArchiveCommand.run("--app.backup.to=" + archive, "--app.neo4j.embedded.data-dir=" + this.home);
		assertThat(archive).isNotEmptyFile();

		dbms = start();
		write(dbms, "MATCH (a:Asset) SET a.name = '改过'");
		dbms.shutdown();
		StoreArchiveCommand.run("--app.restore.from=" + archive, "--app.neo4j.embedded.data-dir=" + this.home);
		dbms = start();
		try {
			assertThat(lines(dbms)).containsExactly("Asset,ZC-1;key=ZC-1;name=光伏电站");
		}
		finally {
			dbms.shutdown();
		}
		assertThat(StoreArchiveCommand.requested("--server.port=0")).isFalse();
		assertThat(StoreArchiveCommand.requested("--app.backup.to=x.dump")).isTrue();
	}

	@Test
	void theCommandModeRefusesAnExternalServer() {
		assertThatThrownBy(() -> StoreArchiveCommand.run("--app.backup.to=" + this.backups.resolve("x.dump"),
				"--spring.neo4j.uri=bolt://db.example:7687"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("back up that server with its own tooling, neo4j-admin database dump / load");
		assertThat(this.backups.resolve("x.dump")).doesNotExist();
	}

	private DatabaseManagementService start() {
		return start(this.home);
	}

	private static DatabaseManagementService start(Path home) {
		return new DatabaseManagementServiceBuilder(home)
			.setConfig(GraphDatabaseSettings.pagecache_memory, 16L * 1024 * 1024)
			.setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
			.build();
	}

	/** A dump of a store holding one asset, {@code ZC-1 光伏电站}. */
	private Path dumpOfOneAsset() {
		DatabaseManagementService dbms = start(this.home);
		write(dbms, "CREATE (:Asset {key: 'ZC-1', name: '光伏电站'})");
		dbms.shutdown();
		Path archive = this.backups.resolve("seeded.dump");
		StoreArchive.dump(this.home, archive);
		return archive;
	}

	private static void write(DatabaseManagementService dbms, String cypher) {
		dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally(cypher);
	}

	@SuppressWarnings("unchecked")
	private static List<String> lines(DatabaseManagementService dbms) {
		return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
			.executeTransactionally(LINES, Map.of(),
					(result) -> result.stream().map((row) -> (String) row.get("line")).toList());
	}

}
