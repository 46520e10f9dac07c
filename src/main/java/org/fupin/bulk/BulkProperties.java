package org.fupin.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The national dataset loader, run at start-up only when {@code app.bulk.scale} is set.
 *
 * @param scale 1.0 for the whole country (about 490,000 villages and 3 million assets),
 * e.g. 0.01 for a small dataset; unset: nothing is loaded
 * @param seed the random seed: the same seed gives the same data
 * @param mode {@code BULK} into an empty store (restartable), {@code INCREMENTAL} (merge
 * on natural keys into any store), or {@code IMPORT} (Neo4j's offline importer into a new
 * embedded store, before the database starts)
 * @param exit stop the application once the load is done (set {@code false} to go on
 * serving the loaded data)
 * @param dryRun only generate and count, write nothing: the generator's own rate
 * @param writers threads that generate and write chunks in parallel
 */
@ConfigurationProperties("app.bulk")
public record BulkProperties(Double scale, @DefaultValue("20211") long seed, @DefaultValue("BULK") BulkLoader.Mode mode,
		@DefaultValue("true") boolean exit, @DefaultValue("false") boolean dryRun, @DefaultValue("2") int writers) {
}
