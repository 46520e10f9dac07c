package org.fupin.change;

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
import org.fupin.neo4j.CypherStatement;
import org.fupin.place.PlaceLevel;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change history (变更记录): who changed what, when, and the values before and after,
 * newest first.
 */
@Service
@Transactional(readOnly = true)
public class ChangeHistoryService {

	private final ChangeHistoryRepository repository;

	ChangeHistoryService(ChangeHistoryRepository repository) {
		this.repository = repository;
	}

	/** One page of the whole history under a filter. */
	public Connection<ChangeEvent> find(ChangeFilter filter, PageRequest page, boolean withTotal) {
		filter = checked(filter, "filter");
		ChangeCursor after = ChangeCursor.decode(page.after());
		List<ChangeEvent> events = this.repository.find(filter, after, page.first() + 1);
		return connection(events, page, withTotal ? this.repository.count(filter) : null);
	}

	/**
	 * The events a filter selects, for the ledger export: Cypher that binds {@code e} and
	 * ends in {@code WITH e}, the same events as {@code changes(filter)}.
	 * @param field the filter's name in error messages
	 */
	public CypherStatement selection(ChangeFilter filter, String field) {
		return this.repository.selection(checked(filter, field));
	}

	private static ChangeFilter checked(ChangeFilter filter, String field) {
		ChangeFilter f = (filter != null) ? filter : ChangeFilter.NONE;
		if (f.placeCode() != null) {
			PlaceLevel.ofCode(f.placeCode(), field + ".placeCode");
		}
		if (f.from() != null && f.to() != null && !f.to().isAfter(f.from())) {
			throw ApiException.invalid(field + ".to",
					field + ".to (" + f.to() + ") must be after " + field + ".from (" + f.from() + ").");
		}
		return f;
	}

	/** A page of one subject's history: what {@code asset.changes} lists. */
	public record SubjectPage(String subjectId, PageRequest page, boolean withTotal) {

		/** The same page of any subject: keys that share it load together. */
		SubjectPage shape() {
			return new SubjectPage(null, this.page, this.withTotal);
		}

	}

	/** Pages of many subjects of one type, one query per distinct page shape. */
	public Map<SubjectPage, Connection<ChangeEvent>> findBySubjects(String subjectType, Collection<SubjectPage> keys) {
		Map<SubjectPage, List<SubjectPage>> byShape = new LinkedHashMap<>();
		for (SubjectPage key : keys) {
			byShape.computeIfAbsent(key.shape(), (shape) -> new ArrayList<>()).add(key);
		}
		Map<SubjectPage, Connection<ChangeEvent>> result = new HashMap<>();
		byShape.forEach((shape, sameShape) -> {
			PageRequest page = shape.page();
			List<String> ids = sameShape.stream().map(SubjectPage::subjectId).distinct().toList();
			Map<String, ChangeHistoryRepository.Rows> rows = this.repository.findBySubjects(subjectType, ids,
					ChangeCursor.decode(page.after()), page.first() + 1, shape.withTotal());
			for (SubjectPage key : sameShape) {
				ChangeHistoryRepository.Rows found = rows.get(key.subjectId());
				result.put(key, connection(found.events(), page, found.total()));
			}
		});
		return result;
	}

	private static Connection<ChangeEvent> connection(List<ChangeEvent> events, PageRequest page, Long total) {
		boolean hasNext = events.size() > page.first();
		List<Edge<ChangeEvent>> edges = events.stream()
			.limit(page.first())
			.map((event) -> new Edge<>(ChangeCursor.after(event).encode(), event))
			.toList();
		PageInfo pageInfo = new PageInfo(hasNext, page.after() != null, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, pageInfo, total);
	}

}
