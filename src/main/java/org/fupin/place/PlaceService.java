package org.fupin.place;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.Connection.Edge;
import org.fupin.graphql.Connection.PageInfo;
import org.fupin.graphql.PageRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places (行政区划): look-ups by code and paginated, filtered lists at every level.
 */
@Service
@Transactional(readOnly = true)
public class PlaceService {

	/**
	 * Name of the DataLoader of places by code, for the place-typed fields of any
	 * feature.
	 */
	public static final String PLACE_BY_CODE = "placeByCode";

	private final PlaceRepository repository;

	PlaceService(PlaceRepository repository) {
		this.repository = repository;
	}

	/**
	 * The place of {@code level} with {@code code}.
	 * @throws ApiException {@code INVALID_CODE} for a malformed code, {@code NOT_FOUND}
	 * for an unknown one
	 */
	public Place get(PlaceLevel level, String code, String field) {
		if (level == null) {
			level = PlaceLevel.ofCode(code, field);
		}
		level.requireCode(code, field);
		Place place = this.repository.findByCodes(List.of(code)).get(code);
		if (place == null) {
			throw ApiException.notFound(field,
					"No " + level.name().toLowerCase() + " has the code " + code + " (统计用区划代码).");
		}
		return place;
	}

	/**
	 * The place of {@code level} with {@code code} and those of its ancestors at
	 * {@code ancestors}, in one query; ancestors not found are absent.
	 * @throws ApiException as {@link #get} does
	 */
	public Map<String, Place> getWithAncestors(PlaceLevel level, String code, String field,
			Collection<PlaceLevel> ancestors) {
		if (level == null) {
			level = PlaceLevel.ofCode(code, field);
		}
		level.requireCode(code, field);
		List<String> codes = new ArrayList<>();
		codes.add(code);
		ancestors.forEach((ancestor) -> codes.add(ancestor.ancestorCode(code)));
		Map<String, Place> found = this.repository.findByCodes(codes);
		if (!found.containsKey(code)) {
			throw ApiException.notFound(field,
					"No " + level.name().toLowerCase() + " has the code " + code + " (统计用区划代码).");
		}
		return found;
	}

	/** Places by code; unknown codes are absent from the answer. */
	public Map<String, Place> findByCodes(Collection<String> codes) {
		return this.repository.findByCodes(codes);
	}

	public Connection<Place> list(PlaceListKey key) {
		return list(List.of(key)).get(key);
	}

	/**
	 * Loads many lists, one query per shape: the lists of every parent on a GraphQL
	 * response level usually share a shape, so a whole level costs one round trip.
	 */
	public Map<PlaceListKey, Connection<Place>> list(Collection<PlaceListKey> keys) {
		Map<PlaceListKey, List<PlaceListKey>> byShape = new LinkedHashMap<>();
		for (PlaceListKey key : keys) {
			byShape.computeIfAbsent(key.shape(), (shape) -> new ArrayList<>()).add(key);
		}
		Map<PlaceListKey, Connection<Place>> result = new HashMap<>();
		byShape.forEach((shape, sameShape) -> {
			PageRequest page = shape.page();
			PlaceCursor after = (page.after() != null) ? PlaceCursor.decode(page.after(), shape.order()) : null;
			List<String> parents = sameShape.stream().map(PlaceListKey::parentCode).distinct().toList();
			Map<String, PlaceRepository.Rows> rows = this.repository.findPages(shape, parents, after, page.first() + 1);
			for (PlaceListKey key : sameShape) {
				result.put(key, connection(rows.get(key.parentCode()), shape.order(), page));
			}
		});
		return result;
	}

	private static Connection<Place> connection(PlaceRepository.Rows rows, PlaceOrder order, PageRequest page) {
		List<Place> places = rows.places();
		boolean hasNext = places.size() > page.first();
		List<Edge<Place>> edges = places.stream()
			.limit(page.first())
			.map((place) -> new Edge<>(PlaceCursor.after(order, place).encode(), place))
			.toList();
		PageInfo pageInfo = new PageInfo(hasNext, page.after() != null, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, pageInfo, rows.total());
	}

}
