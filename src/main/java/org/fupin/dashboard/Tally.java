package org.fupin.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and amounts under keys of the form {@code dimension/value} (for example
 * {@code category/OPERATING}, {@code incomeYear/2023}): what a rollup node stores as
 * three parallel arrays, and what adds up from counties to the country.
 */
final class Tally {

	private final Map<String, Cell> cells = new TreeMap<>();

	/** One key's count and amount in fen. */
	record Cell(long count, long value) {

		Cell plus(Cell other) {
			return new Cell(this.count + other.count, Math.addExact(this.value, other.value));
		}

	}

	/** A tally read back from a rollup node's arrays (null arrays: empty). */
	static Tally of(List<?> keys, List<?> counts, List<?> values) {
		Tally tally = new Tally();
		if (keys != null) {
			for (int i = 0; i < keys.size(); i++) {
				tally.add((String) keys.get(i), ((Number) counts.get(i)).longValue(),
						((Number) values.get(i)).longValue());
			}
		}
		return tally;
	}

	Tally add(String key, long count, long value) {
		this.cells.merge(key, new Cell(count, value), Cell::plus);
		return this;
	}

	Tally addAll(Tally other) {
		other.cells.forEach((key, cell) -> this.cells.merge(key, cell, Cell::plus));
		return this;
	}

	/** Takes {@code other}'s counts and amounts away from this tally's. */
	Tally subtract(Tally other) {
		other.cells.forEach((key, cell) -> this.cells.merge(key, new Cell(-cell.count(), -cell.value()), Cell::plus));
		return this;
	}

	/**
	 * Drops the keys whose count and amount are both zero, as counting afresh would not
	 * list them.
	 */
	Tally withoutZeros() {
		this.cells.values().removeIf((cell) -> cell.count() == 0 && cell.value() == 0);
		return this;
	}

	boolean isEmpty() {
		return this.cells.isEmpty();
	}

	Cell get(String key) {
		return this.cells.getOrDefault(key, new Cell(0, 0));
	}

	/** The values of one dimension that have a cell, in key order. */
	List<String> values(String dimension) {
		String prefix = dimension + "/";
		List<String> values = new ArrayList<>();
		for (String key : this.cells.keySet()) {
			if (key.startsWith(prefix)) {
				values.add(key.substring(prefix.length()));
			}
		}
		return values;
	}

	Map<String, Cell> cells() {
		return Collections.unmodifiableMap(this.cells);
	}

	/** The three arrays a rollup node stores: keys, counts, values. */
	Map<String, Object> arrays() {
		return Map.of("keys", List.copyOf(this.cells.keySet()), "counts",
				this.cells.values().stream().map(Cell::count).toList(), "values",
				this.cells.values().stream().map(Cell::value).toList());
	}

}
