package org.fupin.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of the ledger export ({@code app.ledger.export.*}).
 *
 * @param timeout how long one export's read transaction may run; its own, not the GraphQL
 * read timeout, since a province's register takes longer than a page
 * @param maxRows the most rows one ledger holds; a filter that selects more is refused
 * @param concurrency how many exports run at once; more wait for none and are answered
 * {@code BUSY}
 * @param rowWindow rows of a workbook kept in memory while writing; older ones go to a
 * compressed temporary file
 */
@ConfigurationProperties("app.ledger.export")
public record LedgerProperties(@DefaultValue("10m") Duration timeout, @DefaultValue("1000000") int maxRows,
		@DefaultValue("2") int concurrency, @DefaultValue("100") int rowWindow) {

	public LedgerProperties {
		if (maxRows < 1 || maxRows > 1_048_575) {
			throw new IllegalArgumentException(
					"app.ledger.export.max-rows must be 1 to 1048575 (the rows of a worksheet below its header)");
		}
		if (concurrency < 1) {
			throw new IllegalArgumentException("app.ledger.export.concurrency must be at least 1");
		}
	}

}
