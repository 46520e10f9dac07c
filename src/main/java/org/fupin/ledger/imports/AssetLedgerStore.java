package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graph.Model;
import org.fupin.money.Money;
import org.fupin.money.Share;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * What an asset ledger's rows are compared with, read for many rows at once, and their
 * writes, many rows per statement. Statements run in the caller's transaction when there
 * is one: the commit's.
 */
@Repository
class AssetLedgerStore {

	private final Neo4jClient neo4j;

	AssetLedgerStore(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/** An asset as the ledger shows it: its fields, current owners and custody. */
	record Stored(String registerNo, String name, String type, String category, Money originalValue,
			LocalDate completionDate, String status, String placeCode, String projectCode, List<Owner> owners,
			Custody custody, int custodyCount, LocalDate latestCustodyStart, boolean disposed) {
	}

	record Owner(String ownerId, Share share, String certificateNo) {
	}

	record Custody(String id, String custodianId, String responsiblePersonId, String duty, LocalDate validFrom) {
	}

	/**
	 * Takes the write lock of each existing asset (as a mutation does), so that what is
	 * read next stays true until the commit.
	 */
	void lock(Collection<String> registerNos) {
		this.neo4j.query("""
				UNWIND $nos AS no
				MATCH (a:Asset {registerNo: no})
				SET a.`_lock` = true
				REMOVE a.`_lock`""").bind(List.copyOf(registerNos)).to("nos").run();
	}

	/**
	 * The assets of these register numbers that exist, with owners and custody current
	 * today.
	 */
	Map<String, Stored> assets(Collection<String> registerNos, LocalDate today) {
		Map<String, Stored> found = new HashMap<>();
		this.neo4j
			.query("""
					UNWIND $nos AS no
					MATCH (a:Asset {registerNo: no})
					RETURN a {.registerNo, .name, .type, .category, .originalValue, .completionDate, .status,
					          .placeCode} AS asset,
					  head([(pr:Project)-[:FORMED]->(a) | pr.code]) AS projectCode,
					  [(a)-[o:OWNED_BY]->(p) WHERE %1$s |
					    {ownerId: coalesce(p.creditCode, p.householdNo, p.code), share: o.share,
					     certificateNo: o.certificateNo}] AS owners,
					  [(a)-[:HAS_CUSTODY]->(c:Custody) | c {.id, .duty, .validFrom, .validTo,
					    current: %2$s,
					    custodianId: head([(c)-[:CUSTODIAN]->(k) | k.creditCode]),
					    responsiblePersonId: head([(c)-[:RESPONSIBLE_PERSON]->(r) | r.personId])}] AS custody,
					  exists { (a)-[:DISPOSED_BY]->() } AS disposed""".formatted(
					Model.OWNED_BY.period().currentOn("o", "$today"), Model.CUSTODY.period().currentOn("c", "$today")))
			.bindAll(Map.of("nos", List.copyOf(registerNos), "today", today))
			.fetch()
			.all()
			.forEach((row) -> {
				Stored stored = stored(row);
				found.put(stored.registerNo(), stored);
			});
		return found;
	}

	@SuppressWarnings("unchecked")
	private static Stored stored(Map<String, Object> row) {
		Map<String, Object> asset = (Map<String, Object>) row.get("asset");
		List<Owner> owners = ((List<Map<String, Object>>) row.get("owners")).stream()
			.map((o) -> new Owner((String) o.get("ownerId"), Share.ofHundredths(((Number) o.get("share")).longValue()),
					(String) o.get("certificateNo")))
			.toList();
		List<Map<String, Object>> custodies = (List<Map<String, Object>>) row.get("custody");
		Custody current = null;
		LocalDate latestStart = null;
		for (Map<String, Object> c : custodies) {
			LocalDate from = (LocalDate) c.get("validFrom");
			if (latestStart == null || (from != null && from.isAfter(latestStart))) {
				latestStart = from;
			}
			if (Boolean.TRUE.equals(c.get("current"))
					&& (current == null || (from != null && from.isAfter(current.validFrom())))) {
				current = new Custody((String) c.get("id"), (String) c.get("custodianId"),
						(String) c.get("responsiblePersonId"), (String) c.get("duty"), from);
			}
		}
		Object value = asset.get("originalValue");
		return new Stored((String) asset.get("registerNo"), (String) asset.get("name"), (String) asset.get("type"),
				(String) asset.get("category"), (value instanceof Number n) ? Money.ofFen(n.longValue()) : null,
				(LocalDate) asset.get("completionDate"), (String) asset.get("status"), (String) asset.get("placeCode"),
				(String) row.get("projectCode"), owners, current, custodies.size(), latestStart,
				Boolean.TRUE.equals(row.get("disposed")));
	}

	/**
	 * A village or county whose name ends a {@code 所在地} text, with the names above it.
	 */
	record NamedPlace(String code, String name, List<String> above) {
	}

	/** Villages and counties named by any of {@code names}. */
	List<NamedPlace> placesNamed(Collection<String> names) {
		return this.neo4j.query("""
				UNWIND $names AS name
				CALL (name) {
				  MATCH (v:Village {name: name}) RETURN v AS p
				  UNION
				  MATCH (c:County {name: name}) RETURN c AS p
				}
				RETURN p.code AS code, p.name AS name,
				  [x IN reverse(nodes(head([path = (p)-[:PART_OF*]->(:Province) | path]))) WHERE x <> p | x.name]
				    AS above""")
			.bind(List.copyOf(names))
			.to("names")
			.fetch()
			.all()
			.stream()
			.map((row) -> new NamedPlace((String) row.get("code"), (String) row.get("name"),
					castList(row.get("above"))))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<String> castList(Object value) {
		return (value != null) ? (List<String>) value : List.of();
	}

	/**
	 * Creates the assets with their place, project, owners (from their completion date)
	 * and custody.
	 * @param assets maps with {@code properties}, {@code placeCode}, {@code projectCode}
	 * @param owners maps with {@code registerNo}, {@code ownerId}, {@code share},
	 * {@code certificateNo}, {@code validFrom}
	 * @param custody maps with {@code registerNo}, {@code id}, {@code custodianId},
	 * {@code personId}, {@code duty}, {@code validFrom}
	 */
	void create(List<Map<String, Object>> assets, List<Map<String, Object>> owners, List<Map<String, Object>> custody) {
		long created = this.neo4j.query("""
				UNWIND $assets AS row
				MATCH (p:Place {code: row.placeCode})
				CREATE (a:Asset)
				SET a = row.properties
				CREATE (a)-[:LOCATED_IN]->(p)
				WITH a, row
				OPTIONAL MATCH (pr:Project {code: row.projectCode})
				FOREACH (x IN CASE WHEN pr IS NULL THEN [] ELSE [pr] END | CREATE (x)-[:FORMED]->(a))
				RETURN count(a)""").bind(assets).to("assets").fetchAs(Long.class).one().orElse(0L);
		expect(created, assets.size(), "assets");
		openOwnership(owners);
		openCustody(custody);
	}

	void openOwnership(List<Map<String, Object>> owners) {
		if (owners.isEmpty()) {
			return;
		}
		long created = this.neo4j.query("""
				UNWIND $owners AS owner
				MATCH (a:Asset {registerNo: owner.registerNo})
				%s
				CREATE (a)-[r:OWNED_BY {validFrom: owner.validFrom, share: owner.share}]->(party)
				SET r.certificateNo = owner.certificateNo
				RETURN count(r)""".formatted(Model.OWNED_BY.findEnd("owner", "owner.ownerId", "party")))
			.bind(owners)
			.to("owners")
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
		expect(created, owners.size(), "ownership periods");
	}

	/** Ends each asset's open custody on the new one's start and opens the new one. */
	void openCustody(List<Map<String, Object>> custody) {
		if (custody.isEmpty()) {
			return;
		}
		this.neo4j.query("""
				UNWIND $custody AS row
				MATCH (:Asset {registerNo: row.registerNo})-[:HAS_CUSTODY]->(c:Custody)
				WHERE c.validTo IS NULL
				SET c.validTo = row.validFrom""").bind(custody).to("custody").run();
		long created = this.neo4j.query("""
				UNWIND $custody AS row
				MATCH (a:Asset {registerNo: row.registerNo}), (o:Organisation {creditCode: row.custodianId}),
				  (p:Person {personId: row.personId})
				CREATE (c:Custody {id: row.id, duty: row.duty, validFrom: row.validFrom, illustrative: false})
				CREATE (a)-[:HAS_CUSTODY]->(c), (c)-[:CUSTODIAN]->(o), (c)-[:RESPONSIBLE_PERSON]->(p)
				RETURN count(c)""").bind(custody).to("custody").fetchAs(Long.class).one().orElse(0L);
		expect(created, custody.size(), "custody");
	}

	/**
	 * Updates descriptive fields.
	 * @param updates maps with {@code registerNo}, {@code properties} (only those that
	 * change), {@code placeCode} (when the place changes) and {@code projectCode} (when
	 * the project changes)
	 */
	void update(List<Map<String, Object>> updates) {
		if (updates.isEmpty()) {
			return;
		}
		long updated = this.neo4j.query("""
				UNWIND $updates AS row
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
				RETURN count(a)""").bind(updates).to("updates").fetchAs(Long.class).one().orElse(0L);
		expect(updated, updates.size(), "asset updates");
	}

	/** Copies for the parameters of {@link #create}: owners of one asset. */
	static List<Map<String, Object>> ownerRows(String registerNo, LocalDate from, List<Owner> owners) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Owner owner : owners) {
			Map<String, Object> row = new HashMap<>();
			row.put("registerNo", registerNo);
			row.put("ownerId", owner.ownerId());
			row.put("share", owner.share().hundredths());
			row.put("certificateNo", owner.certificateNo());
			row.put("validFrom", from);
			rows.add(row);
		}
		return rows;
	}

	private static void expect(long actual, long expected, String what) {
		if (actual != expected) {
			throw new IllegalStateException("Expected to write " + expected + " " + what + ", wrote " + actual);
		}
	}

}
