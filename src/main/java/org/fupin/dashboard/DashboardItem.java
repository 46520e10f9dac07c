package org.fupin.dashboard;

import org.fupin.money.Money;

/** One line of a dashboard breakdown: a key, its Chinese label, a count and an amount. */
public record DashboardItem(String key, String label, long count, Money value) {
}
