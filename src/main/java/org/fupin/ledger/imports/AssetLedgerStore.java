package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.graph.Locks;
import org.fupin.graph.Model;
import org.fupin.money.Money;
import org.fupin.money.Share;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * What an asset ledger's rows are compared with, read for many rows at once. Statements
 * run in the caller's transaction when there is one: the commit's. The rows are written
 * by the register's own writes ({@link org.fupin.register.RegisterWrites}).
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
				%s""".formatted(Locks.writeLock("a"))).bind(List.copyOf(registerNos)).to("nos").run();
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

}
