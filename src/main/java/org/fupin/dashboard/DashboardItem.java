package org.fupin.dashboard;

/** One line of a dashboard breakdown: a key, its Chinese label, a count and an amount. */
public record DashboardItem(String key, String label, long count, double value) {
}
