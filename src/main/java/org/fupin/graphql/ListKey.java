package org.fupin.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One page of a list under one parent object, as a DataLoader key. Keys that differ only
 * in the parent share a shape and load together, so the lists of a whole GraphQL response
 * level cost one query.
 */
public interface ListKey<K extends ListKey<K>> {

	/** The parent the list hangs off ({@code ""} for a root list). */
	String parent();

	PageRequest page();

	boolean withTotal();

	/** The same key under no particular parent: what batched keys have in common. */
	K shape();

	/**
	 * Loads the lists {@code keys}, one {@code fetch} per shape with the shape's parents,
	 * each page cut and cursored in the order {@code keyset} gives the shape.
	 */
	static <K extends ListKey<K>, T> Map<K, Connection<T>> load(Collection<K> keys,
			BiFunction<K, List<String>, Map<String, Rows<T>>> fetch, Function<K, Keyset<T>> keyset) {
		Map<K, List<K>> byShape = new LinkedHashMap<>();
		for (K key : keys) {
			byShape.computeIfAbsent(key.shape(), (shape) -> new ArrayList<>()).add(key);
		}
		Map<K, Connection<T>> result = new HashMap<>();
		byShape.forEach((shape, sameShape) -> {
			List<String> parents = sameShape.stream().map(ListKey::parent).distinct().toList();
			Map<String, Rows<T>> rows = fetch.apply(shape, parents);
			Keyset<T> order = keyset.apply(shape);
			for (K key : sameShape) {
				Rows<T> found = rows.getOrDefault(key.parent(), Rows.empty(shape.withTotal()));
				result.put(key, order.connection(found, shape.page()));
			}
		});
		return result;
	}

}
