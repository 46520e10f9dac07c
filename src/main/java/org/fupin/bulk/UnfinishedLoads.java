package org.fupin.bulk;

import java.nio.file.Path;

import org.fupin.neo4j.EmbeddedStorePreparer;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a store that holds an unfinished load of the national dataset, an
 * import killed half way ({@link OfflineImporter#requireNoUnfinishedImport}, before the
 * embedded database opens the files) or a bulk load that did not finish
 * ({@link BulkLoader#requireNoUnfinishedLoad}, once the database is up and before
 * anything, the seed among it, runs on it), unless the start is the one that finishes it
 * ({@code app.bulk.scale} with the load's mode, and not a dry run). Such a store would
 * otherwise be served as if it held the whole country.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnfinishedLoads implements EmbeddedStorePreparer {

	private final BulkProperties properties;

	UnfinishedLoads(BulkProperties properties) {
		this.properties = properties;
	}

	@Override
	public void prepare(Path home) {
		if (!finishing(this.properties, BulkLoader.Mode.IMPORT)) {
			OfflineImporter.requireNoUnfinishedImport(home);
		}
	}

	/** Whether this start loads in {@code mode} for real, finishing what it finds. */
	static boolean finishing(BulkProperties properties, BulkLoader.Mode mode) {
		return properties.scale() != null && !properties.dryRun()
				&& (properties.mode() == BulkLoader.Mode.IMPORT) == (mode == BulkLoader.Mode.IMPORT);
	}

	/** The bulk load's check, when the bean is created: before any start-up work runs. */
	@Component
	static class InTheStore implements InitializingBean {

		private final BulkProperties properties;

		private final BulkLoader loader;

		InTheStore(BulkProperties properties, BulkLoader loader) {
			this.properties = properties;
			this.loader = loader;
		}

		@Override
		public void afterPropertiesSet() {
			if (!finishing(this.properties, BulkLoader.Mode.BULK)) {
				this.loader.requireNoUnfinishedLoad();
			}
		}

	}

}
