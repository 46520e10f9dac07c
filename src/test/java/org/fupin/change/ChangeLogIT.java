package org.fupin.change;

import java.util.Map;

import org.fupin.WritingIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeLogIT extends WritingIntegrationTest {

	private static final String ASSET = "ZC-450102101201-0001";

	@Autowired
	private ChangeLog changes;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private Neo4jClient neo4j;

	@Test
	void anEventIsAppendedAndLinkedToItsSubjectInTheCallersTransaction() {
		ChangeEvent event = this.transactions
			.execute((status) -> this.changes.record(ChangeOperation.CHANGE_ASSET_STATUS, "Asset", "registerNo", ASSET,
					Map.of("status", "IN_USE"), Map.of("status", "IDLE"), "auditor-li"));
		Map<String, Object> stored = this.neo4j.query("""
				MATCH (e:ChangeEvent {id: $id})-[:CHANGED]->(a:Asset)
				RETURN e {.actor, .operation, .subjectType, .subjectId, .before, .after, asset: a.registerNo}""")
			.bind(event.id())
			.to("id")
			.fetch()
			.one()
			.orElseThrow();
		assertThat(stored).containsExactlyInAnyOrderEntriesOf(Map.of("e",
				Map.of("actor", "auditor-li", "operation", "CHANGE_ASSET_STATUS", "subjectType", "Asset", "subjectId",
						ASSET, "before", "{\"status\":\"IN_USE\"}", "after", "{\"status\":\"IDLE\"}", "asset", ASSET)));
	}

	@Test
	void aRolledBackChangeLeavesNoEvent() {
		Map<String, Object> before = graphSnapshot();
		this.transactions.executeWithoutResult((status) -> {
			this.changes.record(ChangeOperation.CHANGE_ASSET_STATUS, "Asset", "registerNo", ASSET, null,
					Map.of("status", "DAMAGED"), "officer-wang");
			status.setRollbackOnly();
		});
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	@Test
	void recordingOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> this.changes.record(ChangeOperation.CHANGE_ASSET_STATUS, "Asset", "registerNo", ASSET,
				null, Map.of(), "system"))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void aChangeOfANodeThatDoesNotExistIsABug() {
		assertThatThrownBy(() -> this.transactions.execute((status) -> this.changes
			.record(ChangeOperation.DISPOSE_ASSET, "Asset", "registerNo", "ZC-NONE", null, Map.of(), "system")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("ZC-NONE");
	}

}
