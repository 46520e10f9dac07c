package org.fupin.ledger.read;

/**
 * A cell that could not be read as its column says: a date that is no date, an amount
 * with three decimals, a value not among the column's codes.
 *
 * @param field the column's field
 * @param header the header the file gives the column
 * @param text the cell's text as read
 * @param code what is wrong, for a program ({@code INVALID_DATE}, {@code INVALID_VALUE}
 * ...)
 * @param message what is wrong and what to do, in Chinese then English
 */
public record CellProblem(String field, String header, String text, String code, String message) {
}
