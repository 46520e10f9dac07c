package org.fupin.change;

import java.util.Collection;
import java.util.Map;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.ListKey;
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
		ChangeHistoryRepository.EVENTS.after(page.after());
		return ChangeHistoryRepository.EVENTS.connection(this.repository.find(filter, page, withTotal), page);
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
	public record SubjectPage(String subjectId, PageRequest page, boolean withTotal) implements ListKey<SubjectPage> {

		/**
		 * A page after checking its cursor; pure, as it runs once per parent object.
		 * @throws ApiException {@code INVALID_CURSOR} for a cursor the history did not
		 * hand out
		 */
		public SubjectPage {
			ChangeHistoryRepository.EVENTS.after(page.after());
		}

		@Override
		public String parent() {
			return this.subjectId;
		}

		/** The same page of any subject: keys that share it load together. */
		@Override
		public SubjectPage shape() {
			return new SubjectPage(null, this.page, this.withTotal);
		}

	}

	/** Pages of many subjects of one type, one query per distinct page shape. */
	public Map<SubjectPage, Connection<ChangeEvent>> findBySubjects(String subjectType, Collection<SubjectPage> keys) {
		return ListKey.load(keys, (shape, ids) -> this.repository.findBySubjects(subjectType, shape, ids),
				(shape) -> ChangeHistoryRepository.EVENTS);
	}

}
