package org.fupin.pairing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.ListKey;
import org.fupin.graphql.Rows;
import org.fupin.neo4j.CypherStatement;
import org.fupin.neo4j.SingleStatementReads;

import org.springframework.stereotype.Service;

/**
 * Pairings (结对帮扶): look-ups, filtered lists from any party or parent pairing, and what
 * flows through a pairing. Lists of many parents that share a shape load with one query.
 */
@Service
public class PairingService {

	private final PairingRepository repository;

	private final SingleStatementReads reads;

	PairingService(PairingRepository repository, SingleStatementReads reads) {
		this.repository = repository;
		this.reads = reads;
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

	Map<StaffKey, Connection<PairingStaff>> staff(Collection<StaffKey> keys) {
		return this.reads
			.inOneRead(() -> ListKey.load(keys, this.repository::findStaff, (shape) -> PairingCursor.STAFF));
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

	/**
	 * One list and, read in the same query, the helper and recipient of each pairing on
	 * it by id, for priming the party loader.
	 */
	PageWithParties listWithParties(PairingListKey key) {
		Map<String, Object> parties = new HashMap<>();
		Rows<Pairing> rows = this.repository.findPages(key, List.of(key.parent()), parties)
			.getOrDefault(key.parent(), Rows.empty(key.withTotal()));
		return new PageWithParties(PairingCursor.PAIRINGS.connection(rows, key.page()), parties);
	}

	/** A page of pairings and their helpers and recipients by id. */
	record PageWithParties(Connection<Pairing> page, Map<String, Object> parties) {
	}

	/** Loads many lists, one query per shape, in one read. */
	Map<PairingListKey, Connection<Pairing>> list(Collection<PairingListKey> keys) {
		return this.reads
			.inOneRead(() -> ListKey.load(keys, this.repository::findPages, (shape) -> PairingCursor.PAIRINGS));
	}

	Map<FlowKey, Connection<Map<String, Object>>> flows(Collection<FlowKey> keys) {
		return this.reads.inOneRead(
				() -> ListKey.load(keys, this.repository::findFlows, (shape) -> PairingCursor.flow(shape.flow())));
	}

}
