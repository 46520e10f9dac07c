package org.fupin.bulk;

import java.nio.file.Path;

import org.fupin.neo4j.EmbeddedStorePreparer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a store that holds an unfinished load of the national dataset, an
 * import killed half way ({@link OfflineImporter#requireNoUnfinishedImport}) or a bulk
 * load that did not finish ({@link BulkLoader#requireNoUnfinishedLoad}), unless the start
 * is the one that finishes it ({@code app.bulk.mode=IMPORT}, {@code app.bulk.scale}).
 * Such a store would otherwise be served as if it held the whole country.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnfinishedLoads implements EmbeddedStorePreparer, SmartInitializingSingleton {

	private final BulkProperties properties;

	private final ObjectProvider<BulkLoader> loader;

	UnfinishedLoads(BulkProperties properties, ObjectProvider<BulkLoader> loader) {
		this.properties = properties;
		this.loader = loader;
	}

	@Override
	public void prepare(Path home) {
		if (this.properties.scale() == null || this.properties.mode() != BulkLoader.Mode.IMPORT) {
			OfflineImporter.requireNoUnfinishedImport(home);
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.properties.scale() == null) {
			this.loader.getObject().requireNoUnfinishedLoad();
		}
	}

}
