package org.fupin.bulk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The offline import at scale 0.001 into stores of its own, without the application: an
 * import killed half-way and started again ends with exactly the generated counts; a
 * finished one is not done twice; an existing store is never overwritten.
 */
class OfflineImporterIT {

	private static final NationalGenerator GENERATOR = new NationalGenerator(0.001, NationalGenerator.DEFAULT_SEED);

	@TempDir
	Path home;

	@Test
	void anImportKilledHalfWayIsRedoneCleanlyAndEndsWithExactlyTheGeneratedCounts() throws Exception {
		OfflineImporter importer = new OfflineImporter(this.home);
		// Killed while the importer reads the 60th chunk's nodes: store files half
		// written.
		assertThatThrownBy(() -> importer.importDataset(GENERATOR, 60))
			.hasStackTraceContaining("Simulated kill in the middle of chunk");
		assertThat(this.home.resolve(OfflineImporter.STARTED)).exists();
		assertThat(this.home.resolve(OfflineImporter.DONE)).doesNotExist();
		assertThat(this.home.resolve("data/databases/neo4j")).isNotEmptyDirectory();
		// A start that does not finish it refuses the store before Neo4j opens it; a dry
		// run of the import writes nothing.
		BulkProperties serving = new BulkProperties(null, NationalGenerator.DEFAULT_SEED, BulkLoader.Mode.BULK, true,
				false, 2);
		assertThatThrownBy(() -> new UnfinishedLoads(serving).prepare(this.home))
			.hasMessage("The store in " + this.home + " holds an unfinished import of the national dataset "
					+ "(scale=0.001, seed=20211). Start the import again with the same app.bulk.scale and "
					+ "app.bulk.mode=IMPORT to finish it (it starts over), or use a new app.neo4j.embedded.data-dir.");
		new OfflineImportPreparer(
				new BulkProperties(0.001, NationalGenerator.DEFAULT_SEED, BulkLoader.Mode.IMPORT, true, true, 2))
			.prepare(this.home);
		assertThat(this.home.resolve(OfflineImporter.STARTED)).exists();
		assertThat(this.home.resolve(OfflineImporter.DONE)).doesNotExist();

		OfflineImporter.Result again = new OfflineImporter(this.home).importDataset(GENERATOR);
		assertThat(again.imported()).isTrue();
		assertThat(again.redone()).isTrue();
		assertThat(this.home.resolve(OfflineImporter.STARTED)).doesNotExist();
		assertThat(this.home.resolve(OfflineImporter.DONE)).exists();
		new UnfinishedLoads(serving).prepare(this.home);

		NationalGenerator.Counts expected = GENERATOR.count();
		withDatabase(this.home, (tx) -> {
			assertThat(labels(tx)).isEqualTo(expected.labels());
			assertThat(types(tx)).isEqualTo(expected.types());
		});
		assertThat(expected.nodes()).isEqualTo(37187);
		assertThat(expected.relationships()).isEqualTo(69841);

		// Started again on the finished store (the database has run on it meanwhile):
		// nothing is imported, nothing changes.
		OfflineImporter.Result third = new OfflineImporter(this.home).importDataset(GENERATOR);
		assertThat(third.imported()).isFalse();
		withDatabase(this.home, (tx) -> assertThat(labels(tx)).isEqualTo(expected.labels()));
		assertThatThrownBy(() -> new OfflineImporter(this.home)
			.importDataset(new NationalGenerator(0.002, NationalGenerator.DEFAULT_SEED)))
			.hasMessageContaining("holds the national dataset of scale=0.001, seed=20211, not scale=0.002");

		// Killed between writing the done marker and deleting the started one: the
		// import finished; the next run tidies up and the store is served.
		Files.writeString(this.home.resolve(OfflineImporter.STARTED), "dataset=scale=0.001, seed=20211\n");
		new UnfinishedLoads(serving).prepare(this.home);
		assertThat(new OfflineImporter(this.home).importDataset(GENERATOR).imported()).isFalse();
		assertThat(this.home.resolve(OfflineImporter.STARTED)).doesNotExist();
		withDatabase(this.home, (tx) -> assertThat(labels(tx)).isEqualTo(expected.labels()));
	}

	@Test
	void aStoreThatWasNotImportedIsNeverOverwritten(@TempDir Path other) {
		withDatabase(other, (tx) -> tx.execute("CREATE (:Province {code: '52', name: '贵州省'})").close());
		assertThatThrownBy(() -> new OfflineImporter(other).importDataset(GENERATOR))
			.hasMessageContaining("is not empty: an import needs a new app.neo4j.embedded.data-dir");
		withDatabase(other,
				(tx) -> assertThat(tx.execute("MATCH (n) RETURN count(n) AS n").next()).containsEntry("n", 1L));
		assertThat(Files.exists(other.resolve(OfflineImporter.STARTED))).isFalse();
	}

	@Test
	void aFinishedImportThatRecordsNoDatasetIsNeitherTakenForOneNorImportedOver(@TempDir Path other) throws Exception {
		Files.writeString(other.resolve(OfflineImporter.DONE), "");
		assertThatThrownBy(() -> new OfflineImporter(other).importDataset(GENERATOR))
			.hasMessage("The store in " + other + " holds a finished import whose national-import.done records no "
					+ "dataset, so it cannot be told from scale=0.001, seed=20211; use a new "
					+ "app.neo4j.embedded.data-dir");
		assertThat(Files.exists(other.resolve(OfflineImporter.STARTED))).isFalse();
	}

	private static void withDatabase(Path home, Consumer<Transaction> work) {
		DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
			.setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
			.setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
			.build();
		try (Transaction tx = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).beginTx()) {
			work.accept(tx);
			tx.commit();
		}
		finally {
			dbms.shutdown();
		}
	}

	static Map<String, Long> labels(Transaction tx) {
		Map<String, Long> labels = new TreeMap<>();
		tx.execute("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
			.forEachRemaining((row) -> labels.put((String) row.get("label"), (Long) row.get("n")));
		return labels;
	}

	static Map<String, Long> types(Transaction tx) {
		Map<String, Long> types = new TreeMap<>();
		tx.execute("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
			.forEachRemaining((row) -> types.put((String) row.get("type"), (Long) row.get("n")));
		return types;
	}

}
