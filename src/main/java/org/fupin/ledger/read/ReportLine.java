package org.fupin.ledger.read;

/**
 * One entry of an import's report: what is wrong with a row or one of its cells, where a
 * clerk finds it and what to do.
 *
 * @param row the row's number as the spreadsheet shows it
 * @param field the column's field, or {@code null} when the whole row is at fault
 * @param header the column's header as the file gives it, or {@code null}
 * @param value the cell's text as read (masked where it is personal data), or
 * {@code null}
 * @param code what is wrong, for a program ({@code INVALID_ARGUMENT}, {@code NOT_FOUND},
 * {@code DUPLICATE_KEY}, {@code INVALID_DATE} ...)
 * @param message what is wrong and what to do, in Chinese then English
 */
public record ReportLine(int row, String field, String header, String value, String code, String message) {
}
