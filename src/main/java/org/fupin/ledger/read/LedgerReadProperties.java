package org.fupin.ledger.read;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds of reading a ledger file ({@code app.ledger.read.*}), so that no file, however
 * made, holds more than a few megabytes of it in memory at once.
 *
 * @param maxCellChars the most characters one cell holds: 32,767 as in Excel
 * @param maxRowChars the most characters one row holds, all its cells together
 * @param maxSharedChars the most characters of a workbook's shared strings, which a
 * streaming read keeps in memory while it reads the sheet
 */
@ConfigurationProperties("app.ledger.read")
public record LedgerReadProperties(@DefaultValue("32767") int maxCellChars, @DefaultValue("1048576") int maxRowChars,
		@DefaultValue("67108864") long maxSharedChars) {

	/** The highest column index a sheet has (XFD, as in Excel), plus one. */
	static final int MAX_COLUMNS = 16_384;

	public static LedgerReadProperties defaults() {
		return new LedgerReadProperties(32_767, 1_048_576, 67_108_864);
	}

	public LedgerReadProperties {
		if (maxCellChars < 1 || maxRowChars < maxCellChars || maxSharedChars < maxCellChars) {
			throw new IllegalArgumentException("app.ledger.read: max-cell-chars must be at least 1 and at most"
					+ " max-row-chars and max-shared-chars");
		}
	}

}
