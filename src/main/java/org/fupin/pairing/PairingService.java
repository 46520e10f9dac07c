package org.fupin.pairing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.Connection.Edge;
import org.fupin.graphql.Connection.PageInfo;
import org.fupin.graphql.PageRequest;
import org.fupin.neo4j.CypherStatement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairings (结对帮扶): look-ups, filtered lists from any party or parent pairing, and what
 * flows through a pairing. Lists of many parents that share a shape load with one query.
 */
@Service
@Transactional(readOnly = true)
public class PairingService {

	private final PairingRepository repository;

	PairingService(PairingRepository repository) {
		this.repository = repository;
	}

	/** The pairing with this id, or null. */
	public Pairing find(String id) {
		if (id == null || id.isBlank()) {
			throw ApiException.invalid("id", "id must not be blank.");
		}
		return this.repository.findByIds(List.of(id)).get(id);
	}

	public Map<String, Pairing> findByIds(Collection<String> ids) {
		return this.repository.findByIds(ids);
	}

	Map<String, List<PairingStaff>> findStaff(Collection<String> ids) {
		Map<String, List<PairingStaff>> staff = new HashMap<>(this.repository.findStaff(ids));
		ids.forEach((id) -> staff.putIfAbsent(id, List.of()));
		return staff;
	}

	/**
	 * The pairings a filter selects, for the ledger export: Cypher that binds {@code p}
	 * and ends in {@code WITH p}, the same pairings as {@code pairings(filter)}.
	 * @param field the filter's name in error messages
	 */
	public CypherStatement selection(PairingFilter filter, String field) {
		return this.repository.selection(PairingFilter.orNone(filter).validated(field));
	}

	Connection<Pairing> list(PairingListKey key) {
		return list(List.of(key)).get(key);
	}

	/** Loads many lists, one query per shape. */
	Map<PairingListKey, Connection<Pairing>> list(Collection<PairingListKey> keys) {
		Map<PairingListKey, List<PairingListKey>> byShape = new LinkedHashMap<>();
		keys.forEach((key) -> byShape.computeIfAbsent(key.shape(), (s) -> new ArrayList<>()).add(key));
		Map<PairingListKey, Connection<Pairing>> result = new HashMap<>();
		byShape.forEach((shape, sameShape) -> {
			PageRequest page = shape.page();
			List<String> anchors = sameShape.stream().map(PairingListKey::anchorOrEmpty).distinct().toList();
			Map<String, PairingRepository.Rows<Pairing>> rows = this.repository.findPages(shape, anchors,
					PairingCursor.decode(page.after()), page.first() + 1);
			for (PairingListKey key : sameShape) {
				result.put(key, connection(rows.get(key.anchorOrEmpty()), page, (p) -> PairingCursor.encode(p.id())));
			}
		});
		return result;
	}

	Map<FlowKey, Connection<Map<String, Object>>> flows(Collection<FlowKey> keys) {
		Map<FlowKey, List<FlowKey>> byShape = new LinkedHashMap<>();
		keys.forEach((key) -> byShape.computeIfAbsent(key.shape(), (s) -> new ArrayList<>()).add(key));
		Map<FlowKey, Connection<Map<String, Object>>> result = new HashMap<>();
		byShape.forEach((shape, sameShape) -> {
			PairingFlow flow = shape.flow();
			PageRequest page = shape.page();
			List<String> ids = sameShape.stream().map(FlowKey::pairingId).distinct().toList();
			Map<String, PairingRepository.Rows<Map<String, Object>>> rows = this.repository.findFlows(flow, ids,
					PairingCursor.decode(flow.cursorKind(), page.after()), page.first() + 1, shape.withTotal());
			for (FlowKey key : sameShape) {
				result.put(key, connection(rows.get(key.pairingId()), page,
						(x) -> PairingCursor.encode(flow.cursorKind(), (String) x.get(flow.key()))));
			}
		});
		return result;
	}

	static <T> Connection<T> connection(PairingRepository.Rows<T> rows, PageRequest page, Function<T, String> cursor) {
		List<T> items = (rows != null) ? rows.items() : List.of();
		boolean hasNext = items.size() > page.first();
		List<Edge<T>> edges = items.stream()
			.limit(page.first())
			.map((item) -> new Edge<>(cursor.apply(item), item))
			.toList();
		PageInfo info = new PageInfo(hasNext, page.after() != null, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, info, (rows != null && rows.total() != null) ? rows.total() : 0L);
	}

}
