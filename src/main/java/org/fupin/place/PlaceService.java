package org.fupin.place;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.ListKey;

import org.springframework.stereotype.Service;

/**
 * Places (行政区划): look-ups by code and paginated, filtered lists at every level. Each read
 * is one statement, so it runs in the caller's transaction if there is one and otherwise
 * on its own ({@code org.fupin.neo4j.SingleStatementReads}), without a transaction
 * interceptor around it.
 */
@Service
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
		return ListKey.load(keys, this.repository::findPages, (shape) -> shape.order().keyset());
	}

}
