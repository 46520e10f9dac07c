package org.fupin.bulk;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import org.fupin.neo4j.EmbeddedStorePreparer;

/**
 * With {@code app.bulk.mode=IMPORT}: imports the national dataset into the embedded store
 * before the embedded DBMS starts (see {@link OfflineImporter}); the application then
 * starts on it as on any store, and its migrations create the constraints and indexes.
 * Never runs against an external server.
 */
@Component
@ConditionalOnProperty(prefix = "app.bulk", name = "mode", havingValue = "IMPORT")
class OfflineImportPreparer implements EmbeddedStorePreparer {

	private final BulkProperties properties;

	private volatile OfflineImporter.Result result;

	private volatile long finishedAt;

	OfflineImportPreparer(BulkProperties properties) {
		this.properties = properties;
	}

	@Override
	public void prepare(Path home) {
		if (this.properties.scale() == null) {
			throw new IllegalStateException("app.bulk.mode=IMPORT needs app.bulk.scale (e.g. 1.0 for the whole "
					+ "country, 0.01 for a small dataset)");
		}
		if (this.properties.dryRun()) {
			// Only the generator's rate is measured (BulkRunner): nothing is written.
			return;
		}
		this.result = new OfflineImporter(home)
			.importDataset(new NationalGenerator(this.properties.scale(), this.properties.seed()));
		this.finishedAt = System.nanoTime();
	}

	/** What the import did, or null when no embedded store was prepared. */
	OfflineImporter.Result result() {
		return this.result;
	}

	/** Time since the import ended (the DBMS start and the migrations came after it). */
	Duration sinceImport() {
		return Duration.ofNanos(System.nanoTime() - this.finishedAt);
	}

}
