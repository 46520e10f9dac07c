package org.fupin.graphql;

import java.util.List;

/**
 * The rows of one page under one parent: up to {@link PageRequest#limit()} items (the
 * extra one only tells that a next page exists), and the total when it was asked for.
 */
public record Rows<T>(List<T> items, Long total) {

	public static <T> Rows<T> empty(boolean withTotal) {
		return new Rows<>(List.of(), withTotal ? 0L : null);
	}

}
