package org.fupin.asset;

import java.util.List;

/**
 * The rows of one page under one parent: up to {@code first + 1} items (the extra one
 * only tells that a next page exists), and the total when it was asked for.
 */
record Rows<T>(List<T> items, Long total) {

	static <T> Rows<T> empty(boolean withTotal) {
		return new Rows<>(List.of(), withTotal ? 0L : null);
	}

}
