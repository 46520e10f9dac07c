package org.fupin.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes ledger rows in one format. A writer holds at most a small window of rows in
 * memory; {@link #finish} writes what remains to the stream.
 */
interface LedgerWriter extends AutoCloseable {

	/** Starts a sheet (a workbook's worksheet; CSV has only one) with its header row. */
	void sheet(String title, List<LedgerColumn> columns) throws IOException;

	/** One row of the current sheet: each column's value from {@code row}. */
	void row(Map<String, Object> row) throws IOException;

	/** Writes the whole document to {@code out}, if it was not streamed there already. */
	void finish(OutputStream out) throws IOException;

	@Override
	void close() throws IOException;

}
