package org.fupin.pairing;

/**
 * One coverage gap.
 *
 * @param subjectId a place code or a pairing id
 * @param message what is wrong, in Chinese, with the numbers
 */
public record CoverageGap(CoverageGapRule rule, String subjectId, String subjectName, String message) {
}
