package org.fupin.register;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fupin.graph.Locks;
import org.fupin.graph.Lookups;
import org.fupin.graph.Model;
import org.fupin.graph.NodeType;
import org.fupin.money.Share;
import org.fupin.party.PartyKind;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * The Cypher of the asset mutations, in the shapes {@code schema/README.md} describes and
 * the seed loader writes. Every value is a parameter. Statements run in the caller's
 * transaction; the service calls {@link #lock} first, so everything read afterwards is
 * what the transaction will write over.
 */
@Repository
class RegisterRepository {

	private final Neo4jClient neo4j;

	RegisterRepository(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/**
	 * Takes the asset's write lock for the rest of the transaction and increments its
	 * version: concurrent changes of the same asset queue here, and each then sees what
	 * the previous one committed. The lock is taken by a write that reads nothing (a
	 * property set and removed again); reading the version first would take a shared lock
	 * that concurrent writers then all try to upgrade, which Neo4j answers with
	 * deadlocks.
	 * @return the new version, or empty when no asset has the register number
	 */
	Optional<Long> lock(String registerNo) {
		return this.neo4j.query("""
				MATCH (a:Asset {registerNo: $registerNo})
				%s
				WITH a
				SET a.version = coalesce(a.version, 0) + 1
				RETURN a.version""".formatted(Locks.writeLock("a")))
			.bind(registerNo)
			.to("registerNo")
			.fetchAs(Long.class)
			.one();
	}

	/** Takes the write locks of many assets, as {@link #lock} takes one. */
	void lockAll(Collection<String> registerNos) {
		if (registerNos.isEmpty()) {
			return;
		}
		this.neo4j.query("""
				UNWIND $registerNos AS registerNo
				MATCH (a:Asset {registerNo: registerNo})
				%s
				WITH a
				SET a.version = coalesce(a.version, 0) + 1""".formatted(Locks.writeLock("a")))
			.bind(List.copyOf(registerNos))
			.to("registerNos")
			.run();
	}

	/**
	 * Everything the rules check about these assets, in one read; register numbers that
	 * name no asset are absent from the answer.
	 */
	Map<String, AssetState> states(Collection<String> registerNos) {
		if (registerNos.isEmpty()) {
			return Map.of();
		}
		Map<String, AssetState> states = new HashMap<>();
		this.neo4j.query("""
				UNWIND $registerNos AS registerNo
				MATCH (a:Asset {registerNo: registerNo})
				RETURN a {.registerNo, .name, .type, .category, .originalValue, .completionDate, .status,
				    .statusSince, .version, .placeCode} AS asset,
				  [(p:Project)-[:FORMED]->(a) | p.code][0] AS projectCode,
				  [(a)-[r:OWNED_BY]->(o) | {ownerId: coalesce(o.creditCode, o.householdNo, o.code), share: r.share,
				    validFrom: r.validFrom, validTo: r.validTo, certificateNo: r.certificateNo}] AS ownership,
				  [(a)-[:HAS_CUSTODY]->(c:Custody) | c {.id, .duty, .validFrom, .validTo,
				    custodianId: [(c)-[:CUSTODIAN]->(o) | coalesce(o.creditCode, o.householdNo, o.code)][0],
				    responsiblePersonId: [(c)-[:RESPONSIBLE_PERSON]->(p) | p.personId][0]}] AS custody,
				  [(a)-[:HAS_CONTRACT]->(k:OperationContract) | k {.contractNo, .startDate, .endDate}] AS contracts,
				  [(a)-[:EARNED]->(i:Income) | i.year] AS incomeYears,
				  [(a)-[:DISPOSED_BY]->(d:Disposal) | d.date][0] AS disposalDate""")
			.bind(List.copyOf(registerNos))
			.to("registerNos")
			.fetch()
			.all()
			.forEach((row) -> {
				AssetState state = AssetState.from(row);
				states.put(state.registerNo(), state);
			});
		return states;
	}

	/**
	 * Which of {@code keys} are natural keys of nodes of {@code type}: an index seek per
	 * key, all in one query.
	 */
	Set<String> existing(NodeType type, Collection<String> keys) {
		if (keys.isEmpty()) {
			return Set.of();
		}
		// Label and key come from the declaration, never from input.
		return Set.copyOf(this.neo4j.query("""
				UNWIND $keys AS key
				MATCH (n:%s {%s: key})
				RETURN DISTINCT key""".formatted(type.label(), type.keyName()))
			.bind(List.copyOf(keys))
			.to("keys")
			.fetchAs(String.class)
			.all());
	}

	/** What each id names (organisation, household or place), in one query. */
	Map<String, PartyKind> partyKinds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, PartyKind> kinds = new HashMap<>();
		this.neo4j
			.query("""
					UNWIND $ids AS id
					%s
					RETURN id, CASE WHEN party:%s THEN 'ORGANISATION' WHEN party:%s THEN 'HOUSEHOLD' ELSE 'PLACE' END AS kind"""
				.formatted(Lookups.party("id", "id", "party"), Model.ORGANISATION.label(), Model.HOUSEHOLD.label()))
			.bind(List.copyOf(ids))
			.to("ids")
			.fetch()
			.all()
			.forEach((row) -> kinds.put((String) row.get("id"), PartyKind.valueOf((String) row.get("kind"))));
		return kinds;
	}

	/** The state the rules need for every key: one query per kind of look-up. */
	RegisterState read(RegisterKeys keys) {
		return new RegisterState(existing(Model.PLACE, keys.places), existing(Model.PROJECT, keys.projects),
				partyKinds(keys.parties), existing(Model.PERSON, keys.persons),
				existing(Model.OPERATION_CONTRACT, keys.contracts), states(keys.assets));
	}

	/**
	 * Creates assets in their places and links them to the projects that formed them.
	 * @param rows maps with {@code properties}, {@code placeCode} and {@code projectCode}
	 * (or null)
	 */
	void createAssets(List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		Map<String, Object> counts = this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (p:Place {code: row.placeCode})
				CREATE (a:Asset)
				SET a = row.properties
				CREATE (a)-[:LOCATED_IN]->(p)
				WITH a, row
				CALL (a, row) {
				  WITH a, row WHERE row.projectCode IS NOT NULL
				  MATCH (pr:Project {code: row.projectCode})
				  CREATE (pr)-[f:FORMED]->(a)
				  RETURN count(f) AS formed
				}
				RETURN count(a) AS created, sum(formed) AS formed""").bind(rows).to("rows").fetch().one().orElseThrow();
		expect(((Number) counts.get("created")).longValue(), rows.size(), "assets");
		expect(((Number) counts.get("formed")).longValue(),
				rows.stream().filter((row) -> row.get("projectCode") != null).count(), "project links");
	}

	/**
	 * Sets descriptive fields, increments each asset's version and moves it to a new
	 * place or project.
	 * @param rows maps with {@code registerNo}, {@code properties} (those that change),
	 * {@code placeCode} and {@code projectCode} (null unless they change)
	 */
	void updateAssets(List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		long updated = this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (a:Asset {registerNo: row.registerNo})
				SET a += row.properties, a.version = coalesce(a.version, 0) + 1
				WITH a, row
				CALL (a, row) {
				  WITH a, row WHERE row.placeCode IS NOT NULL
				  MATCH (p:Place {code: row.placeCode})
				  OPTIONAL MATCH (a)-[old:LOCATED_IN]->()
				  DELETE old
				  CREATE (a)-[:LOCATED_IN]->(p)
				}
				CALL (a, row) {
				  WITH a, row WHERE row.projectCode IS NOT NULL
				  MATCH (pr:Project {code: row.projectCode})
				  OPTIONAL MATCH (:Project)-[old:FORMED]->(a)
				  DELETE old
				  CREATE (pr)-[:FORMED]->(a)
				}
				RETURN count(a)""").bind(rows).to("rows").fetchAs(Long.class).one().orElse(0L);
		expect(updated, rows.size(), "asset updates");
	}

	/**
	 * Sets {@code validTo} on the open ownership periods of each asset.
	 * @param rows maps with {@code registerNo} and {@code date}
	 */
	void closeOwnership(List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (:Asset {registerNo: row.registerNo})-[r:OWNED_BY]->()
				WHERE r.validTo IS NULL
				SET r.validTo = row.date""").bind(rows).to("rows").run();
	}

	/**
	 * Opens one period per row.
	 * @param owners maps with {@code registerNo}, {@code validFrom}, {@code ownerId},
	 * {@code share}, {@code certificateNo} and {@code approvalRef} (of a transfer)
	 */
	void openOwnership(List<Map<String, Object>> owners) {
		if (owners.isEmpty()) {
			return;
		}
		long created = this.neo4j.query("""
				UNWIND $owners AS owner
				MATCH (a:Asset {registerNo: owner.registerNo})
				%s
				CREATE (a)-[r:OWNED_BY {validFrom: owner.validFrom, share: owner.share}]->(party)
				SET r.certificateNo = owner.certificateNo, r.approvalRef = owner.approvalRef
				RETURN count(r)""".formatted(Model.OWNED_BY.findEnd("owner", "owner.ownerId", "party")))
			.bind(owners)
			.to("owners")
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		expect(created, owners.size(), "ownership periods");
	}

	/**
	 * Sets {@code validTo} on the open custody of each asset.
	 * @param rows maps with {@code registerNo} and {@code date}
	 */
	void closeCustody(List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (:Asset {registerNo: row.registerNo})-[:HAS_CUSTODY]->(c:Custody)
				WHERE c.validTo IS NULL
				SET c.validTo = row.date""").bind(rows).to("rows").run();
	}

	/**
	 * Creates custody periods.
	 * @param rows maps with {@code registerNo}, {@code id}, {@code custodianId},
	 * {@code personId}, {@code duty} and {@code validFrom}
	 */
	void createCustody(List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		long created = this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (a:Asset {registerNo: row.registerNo})
				MATCH (o:Organisation {creditCode: row.custodianId})
				MATCH (p:Person {personId: row.personId})
				CREATE (c:Custody {id: row.id, duty: row.duty, validFrom: row.validFrom, illustrative: false})
				CREATE (a)-[:HAS_CUSTODY]->(c), (c)-[:CUSTODIAN]->(o), (c)-[:RESPONSIBLE_PERSON]->(p)
				RETURN count(c)""").bind(rows).to("rows").fetchAs(Long.class).one().orElse(0L);
		expect(created, rows.size(), "custody");
	}

	/**
	 * Creates operation contracts with their operators.
	 * @param rows maps with {@code registerNo}, {@code properties} and {@code operatorId}
	 */
	void createContracts(List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		long created = this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (a:Asset {registerNo: row.registerNo})
				%s
				CREATE (k:OperationContract)
				SET k = row.properties
				CREATE (a)-[:HAS_CONTRACT]->(k), (k)-[:OPERATOR]->(party)
				RETURN count(k)""".formatted(Model.OPERATOR.findEnd("row", "row.operatorId", "party")))
			.bind(rows)
			.to("rows")
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		expect(created, rows.size(), "operation contracts");
	}

	/**
	 * Creates incomes, their uses and their beneficiaries.
	 * @param incomes maps with {@code registerNo}, {@code income} (its properties) and
	 * {@code uses} (maps with {@code id}, {@code use}, {@code amount})
	 * @param beneficiaries maps with {@code useId}, {@code beneficiaryId}, {@code amount}
	 */
	@SuppressWarnings("unchecked")
	void createIncomes(List<Map<String, Object>> incomes, List<Map<String, Object>> beneficiaries) {
		if (incomes.isEmpty()) {
			return;
		}
		long created = this.neo4j.query("""
				UNWIND $incomes AS row
				MATCH (a:Asset {registerNo: row.registerNo})
				CREATE (i:Income)
				SET i = row.income
				CREATE (a)-[:EARNED]->(i)
				WITH i, row
				UNWIND row.uses AS use
				CREATE (u:IncomeUse {id: use.id, use: use.use, amount: use.amount, illustrative: false})
				CREATE (i)-[:USED_FOR]->(u)
				RETURN count(u)""").bind(incomes).to("incomes").fetchAs(Long.class).one().orElse(0L);
		expect(created, incomes.stream().mapToLong((income) -> ((List<Object>) income.get("uses")).size()).sum(),
				"income uses");
		if (!beneficiaries.isEmpty()) {
			long linked = this.neo4j.query("""
					UNWIND $rows AS row
					MATCH (u:IncomeUse {id: row.useId})
					%s
					CREATE (u)-[b:BENEFITS {amount: row.amount}]->(party)
					RETURN count(b)""".formatted(Model.BENEFITS.findEnd("row", "row.beneficiaryId", "party")))
				.bind(beneficiaries)
				.to("rows")
				.fetchAs(Long.class)
				.one()
				.orElse(0L);
			expect(linked, beneficiaries.size(), "beneficiaries");
		}
	}

	/**
	 * Sets statuses.
	 * @param rows maps with {@code registerNo}, {@code status} and {@code since}
	 */
	void setStatus(List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (a:Asset {registerNo: row.registerNo})
				SET a.status = row.status, a.statusSince = row.since""").bind(rows).to("rows").run();
	}

	/**
	 * Records disposals: each asset becomes DISPOSED on its date, its open ownership and
	 * custody periods and running contracts end then, and a sale or transfer opens a
	 * whole-share period for the transferee (as the seed generator does).
	 * @param rows maps with {@code registerNo}, {@code date}, {@code disposal} (its
	 * properties) and {@code transfereeId} (or null)
	 */
	void dispose(List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		closeOwnership(rows);
		closeCustody(rows);
		this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (a:Asset {registerNo: row.registerNo})-[:HAS_CONTRACT]->(k:OperationContract)
				WHERE %s
				SET k.endDate = row.date""".formatted(Model.OPERATION_CONTRACT.period().notEndedBy("k", "row.date")))
			.bind(rows)
			.to("rows")
			.run();
		setStatus(rows.stream()
			.map((row) -> Map.of("registerNo", row.get("registerNo"), "status", "DISPOSED", "since", row.get("date")))
			.toList());
		long created = this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (a:Asset {registerNo: row.registerNo})
				CREATE (d:Disposal)
				SET d = row.disposal
				CREATE (a)-[:DISPOSED_BY]->(d)
				RETURN count(d)""").bind(rows).to("rows").fetchAs(Long.class).one().orElse(0L);
		expect(created, rows.size(), "disposals");
		List<Map<String, Object>> transfers = rows.stream().filter((row) -> row.get("transfereeId") != null).toList();
		if (transfers.isEmpty()) {
			return;
		}
		long linked = this.neo4j.query("""
				UNWIND $rows AS row
				MATCH (:Asset {registerNo: row.registerNo})-[:DISPOSED_BY]->(d:Disposal)
				%s
				CREATE (d)-[t:TRANSFERRED_TO]->(party)
				RETURN count(t)""".formatted(Model.TRANSFERRED_TO.findEnd("row", "row.transfereeId", "party")))
			.bind(transfers)
			.to("rows")
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		expect(linked, transfers.size(), "transferees");
		openOwnership(transfers.stream().map((row) -> {
			Map<String, Object> whole = new HashMap<>();
			whole.put("registerNo", row.get("registerNo"));
			whole.put("validFrom", row.get("date"));
			whole.put("ownerId", row.get("transfereeId"));
			whole.put("share", Share.WHOLE);
			whole.put("certificateNo", null);
			whole.put("approvalRef", null);
			return whole;
		}).toList());
	}

	/**
	 * A statement that validation has made certain matched less than expected: fail, so
	 * the transaction rolls back instead of writing half.
	 */
	private static void expect(long actual, long expected, String what) {
		if (actual != expected) {
			throw new IllegalStateException("Expected to write " + expected + " " + what + ", wrote " + actual);
		}
	}

}
