package org.fupin.place;

import java.util.Map;

/**
 * The Cypher projection of a place and its mapping, for another feature's query that
 * reads places along with its own records (the single-asset hot path) and must produce
 * exactly what the {@link PlaceService#PLACE_BY_CODE} loader would.
 */
public final class PlaceRows {

	/** Projection of a {@code Place} node bound to {@code p}. */
	public static final String PROJECTION = projectionOf("p");

	/** The same projection of a {@code Place} node bound to {@code variable}. */
	public static String projectionOf(String variable) {
		return variable + " {.*}";
	}

	private PlaceRows() {
	}

	public static Place place(Map<String, Object> row) {
		return Place.from(row);
	}

}
