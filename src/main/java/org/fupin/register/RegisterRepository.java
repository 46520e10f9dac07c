package org.fupin.register;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fupin.graph.Model;
import org.fupin.money.Share;

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
				SET a.`_lock` = true
				REMOVE a.`_lock`
				WITH a
				SET a.version = coalesce(a.version, 0) + 1
				RETURN a.version""").bind(registerNo).to("registerNo").fetchAs(Long.class).one();
	}

	/** Everything the mutations check about an asset, in one read. */
	Optional<AssetState> state(String registerNo) {
		return this.neo4j
			.query("""
					MATCH (a:Asset {registerNo: $registerNo})
					RETURN a {.registerNo, .category, .status, .statusSince, .completionDate, .version, .placeCode} AS asset,
					  [(a)-[r:OWNED_BY]->(o) | {ownerId: coalesce(o.creditCode, o.householdNo, o.code), share: r.share,
					    validFrom: r.validFrom, validTo: r.validTo, certificateNo: r.certificateNo}] AS ownership,
					  [(a)-[:HAS_CUSTODY]->(c:Custody) | c {.id, .duty, .validFrom, .validTo,
					    custodianId: [(c)-[:CUSTODIAN]->(o) | coalesce(o.creditCode, o.householdNo, o.code)][0],
					    responsiblePersonId: [(c)-[:RESPONSIBLE_PERSON]->(p) | p.personId][0]}] AS custody,
					  [(a)-[:HAS_CONTRACT]->(k:OperationContract) | k {.contractNo, .startDate, .endDate}] AS contracts,
					  [(a)-[:EARNED]->(i:Income) | i.year] AS incomeYears,
					  [(a)-[:DISPOSED_BY]->(d:Disposal) | d.date][0] AS disposalDate""")
			.bind(registerNo)
			.to("registerNo")
			.fetch()
			.one()
			.map(AssetState::from);
	}

	boolean assetExists(String registerNo) {
		return exists("MATCH (n:Asset {registerNo: $key}) RETURN count(n) > 0", registerNo);
	}

	boolean projectExists(String code) {
		return exists("MATCH (n:Project {code: $key}) RETURN count(n) > 0", code);
	}

	boolean contractExists(String contractNo) {
		return exists("MATCH (n:OperationContract {contractNo: $key}) RETURN count(n) > 0", contractNo);
	}

	private boolean exists(String cypher, String key) {
		return this.neo4j.query(cypher).bind(key).to("key").fetchAs(Boolean.class).one().orElse(false);
	}

	void createAsset(Map<String, Object> properties, String placeCode, String projectCode) {
		long created = this.neo4j.query("""
				MATCH (p:Place {code: $placeCode})
				CREATE (a:Asset)
				SET a = $properties
				CREATE (a)-[:LOCATED_IN]->(p)
				RETURN count(a)""")
			.bindAll(Map.of("placeCode", placeCode, "properties", properties))
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		expect(created, 1, "asset");
		if (projectCode != null) {
			long linked = this.neo4j.query("""
					MATCH (p:Project {code: $projectCode}), (a:Asset {registerNo: $registerNo})
					CREATE (p)-[f:FORMED]->(a)
					RETURN count(f)""")
				.bindAll(Map.of("projectCode", projectCode, "registerNo", properties.get("registerNo")))
				.fetchAs(Long.class)
				.one()
				.orElse(0L);
			expect(linked, 1, "project link");
		}
	}

	/** Sets {@code validTo} on the open ownership periods. */
	void closeOwnership(String registerNo, LocalDate date) {
		this.neo4j.query("""
				MATCH (:Asset {registerNo: $registerNo})-[r:OWNED_BY]->()
				WHERE r.validTo IS NULL
				SET r.validTo = $date""").bindAll(Map.of("registerNo", registerNo, "date", date)).run();
	}

	/**
	 * Opens one period per owner from {@code date}.
	 * @param owners maps with {@code ownerId}, {@code share} and {@code certificateNo}
	 */
	void openOwnership(String registerNo, LocalDate date, List<Map<String, Object>> owners) {
		long created = this.neo4j.query("""
				MATCH (a:Asset {registerNo: $registerNo})
				UNWIND $owners AS owner
				%s
				CREATE (a)-[r:OWNED_BY {validFrom: $date, share: owner.share}]->(party)
				SET r.certificateNo = owner.certificateNo
				RETURN count(r)""".formatted(Model.OWNED_BY.findEnd("owner", "owner.ownerId", "party")))
			.bindAll(Map.of("registerNo", registerNo, "date", date, "owners", owners))
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		expect(created, owners.size(), "ownership periods");
	}

	/** Keeps the approval reference of a transfer on the periods it opened. */
	void approveTransfer(String registerNo, LocalDate date, String approvalRef) {
		this.neo4j.query("""
				MATCH (:Asset {registerNo: $registerNo})-[r:OWNED_BY {validFrom: $date}]->()
				WHERE r.validTo IS NULL
				SET r.approvalRef = $approvalRef""")
			.bindAll(Map.of("registerNo", registerNo, "date", date, "approvalRef", approvalRef))
			.run();
	}

	/** Sets {@code validTo} on the open custody. */
	void closeCustody(String registerNo, LocalDate date) {
		this.neo4j.query("""
				MATCH (:Asset {registerNo: $registerNo})-[:HAS_CUSTODY]->(c:Custody)
				WHERE c.validTo IS NULL
				SET c.validTo = $date""").bindAll(Map.of("registerNo", registerNo, "date", date)).run();
	}

	void createCustody(String registerNo, String id, String custodianId, String personId, String duty,
			LocalDate validFrom) {
		long created = this.neo4j.query("""
				MATCH (a:Asset {registerNo: $registerNo}), (o:Organisation {creditCode: $custodianId}),
				  (p:Person {personId: $personId})
				CREATE (c:Custody {id: $id, duty: $duty, validFrom: $validFrom, illustrative: false})
				CREATE (a)-[:HAS_CUSTODY]->(c), (c)-[:CUSTODIAN]->(o), (c)-[:RESPONSIBLE_PERSON]->(p)
				RETURN count(c)""")
			.bindAll(Map.of("registerNo", registerNo, "id", id, "custodianId", custodianId, "personId", personId,
					"duty", duty, "validFrom", validFrom))
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		expect(created, 1, "custody");
	}

	void createContract(String registerNo, Map<String, Object> properties, String operatorId) {
		long created = this.neo4j.query("""
				MATCH (a:Asset {registerNo: $registerNo})
				WITH a, $operatorId AS operatorId
				%s
				CREATE (k:OperationContract)
				SET k = $properties
				CREATE (a)-[:HAS_CONTRACT]->(k), (k)-[:OPERATOR]->(party)
				RETURN count(k)""".formatted(Model.OPERATOR.findEnd("operatorId", "operatorId", "party")))
			.bindAll(Map.of("registerNo", registerNo, "properties", properties, "operatorId", operatorId))
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		expect(created, 1, "operation contract");
	}

	/**
	 * Creates the income, its uses and their beneficiaries.
	 * @param uses maps with {@code id}, {@code use}, {@code amount}
	 * @param beneficiaries maps with {@code useId}, {@code beneficiaryId}, {@code amount}
	 */
	void createIncome(String registerNo, Map<String, Object> income, List<Map<String, Object>> uses,
			List<Map<String, Object>> beneficiaries) {
		long created = this.neo4j.query("""
				MATCH (a:Asset {registerNo: $registerNo})
				CREATE (i:Income)
				SET i = $income
				CREATE (a)-[:EARNED]->(i)
				WITH i
				UNWIND $uses AS use
				CREATE (u:IncomeUse {id: use.id, use: use.use, amount: use.amount, illustrative: false})
				CREATE (i)-[:USED_FOR]->(u)
				RETURN count(u)""")
			.bindAll(Map.of("registerNo", registerNo, "income", income, "uses", uses))
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		expect(created, uses.size(), "income uses");
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

	void setStatus(String registerNo, String status, LocalDate since) {
		this.neo4j.query("""
				MATCH (a:Asset {registerNo: $registerNo})
				SET a.status = $status, a.statusSince = $since""")
			.bindAll(Map.of("registerNo", registerNo, "status", status, "since", since))
			.run();
	}

	/**
	 * Records a disposal: the asset becomes DISPOSED on {@code date}, its open ownership
	 * and custody periods and running contracts end then, and a sale or transfer opens a
	 * whole-share period for the transferee (as the seed generator does).
	 */
	void dispose(String registerNo, Map<String, Object> disposal, String transfereeId) {
		LocalDate date = (LocalDate) disposal.get("date");
		closeOwnership(registerNo, date);
		closeCustody(registerNo, date);
		this.neo4j.query("""
				MATCH (a:Asset {registerNo: $registerNo})
				OPTIONAL MATCH (a)-[:HAS_CONTRACT]->(k:OperationContract)
				WHERE %s
				SET k.endDate = $date""".formatted(Model.OPERATION_CONTRACT.period().notEndedBy("k", "$date")))
			.bindAll(Map.of("registerNo", registerNo, "date", date))
			.run();
		setStatus(registerNo, "DISPOSED", date);
		long created = this.neo4j.query("""
				MATCH (a:Asset {registerNo: $registerNo})
				CREATE (d:Disposal)
				SET d = $disposal
				CREATE (a)-[:DISPOSED_BY]->(d)
				RETURN count(d)""")
			.bindAll(Map.of("registerNo", registerNo, "disposal", disposal))
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		expect(created, 1, "disposal");
		if (transfereeId != null) {
			long linked = this.neo4j.query("""
					MATCH (d:Disposal {id: $id})
					WITH d, $transfereeId AS transfereeId
					%s
					CREATE (d)-[t:TRANSFERRED_TO]->(party)
					RETURN count(t)""".formatted(Model.TRANSFERRED_TO.findEnd("transfereeId", "transfereeId", "party")))
				.bindAll(Map.of("id", disposal.get("id"), "transfereeId", transfereeId))
				.fetchAs(Long.class)
				.one()
				.orElse(0L);
			expect(linked, 1, "transferee");
			Map<String, Object> whole = new HashMap<>();
			whole.put("ownerId", transfereeId);
			whole.put("share", Share.WHOLE);
			whole.put("certificateNo", null);
			openOwnership(registerNo, date, List.of(whole));
		}
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
