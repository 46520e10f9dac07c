package org.fupin.ledger.imports;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds and places of ledger imports ({@code app.ledger.import.*}).
 *
 * @param dir where uploads are kept from upload until commit or cancel
 * @param maxRows the most data rows one file may hold; a longer file is refused whole
 * @param reportLines report lines kept per job (the first ones, in row order); the counts
 * by code stay exact beyond them
 * @param batchSize rows checked against the store per look-up, and written per statement
 * @param commitTimeout how long the one transaction of a commit may run
 * @param file a file to import at start as the system
 * ({@code --app.ledger.import.file=}), for a province's first load; the application stops
 * once it is done
 * @param form the ledger of {@code file}, by slug
 * @param commit whether the start-up import commits when the file is valid (otherwise a
 * dry run that only logs the report)
 * @param charset the encoding of a CSV {@code file}, or empty to detect it
 * @param planCountingFrom commits in batches of at least this many rows have the
 * dashboards' counting statements planned beside their writing once 70 % of the rows are
 * in, rather than at the end; smaller ones do not move the graph's statistics enough for
 * Neo4j to plan them again
 */
@ConfigurationProperties("app.ledger.import")
public record ImportProperties(@DefaultValue("./data/imports") Path dir, @DefaultValue("200000") long maxRows,
		@DefaultValue("1000") int reportLines, @DefaultValue("1000") int batchSize,
		@DefaultValue("30m") Duration commitTimeout, Path file, @DefaultValue("assets") String form,
		@DefaultValue("false") boolean commit, String charset, @DefaultValue("20000") long planCountingFrom) {

	public ImportProperties {
		if (maxRows < 1) {
			throw new IllegalArgumentException("app.ledger.import.max-rows must be at least 1");
		}
		if (batchSize < 1 || batchSize > 10_000) {
			throw new IllegalArgumentException("app.ledger.import.batch-size must be 1 to 10000");
		}
		if (reportLines < 0) {
			throw new IllegalArgumentException("app.ledger.import.report-lines must not be negative");
		}
	}

}
