package org.fupin.ledger.read;

import java.util.List;

/**
 * What reading a file found besides its rows.
 *
 * @param headerRow the number of the (last) header row
 * @param rows how many data rows were handed on
 * @param ignoredHeaders headers of columns read past on purpose (序号, 备注)
 */
public record ReadSummary(int headerRow, long rows, List<String> ignoredHeaders) {
}
