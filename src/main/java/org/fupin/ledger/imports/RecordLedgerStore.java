package org.fupin.ledger.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.graph.Locks;
import org.fupin.graph.Lookups;
import org.fupin.graph.Model;
import org.fupin.graph.NodeType;
import org.fupin.graph.RelationshipType;
import org.fupin.seed.RowWriter;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * What the ledgers of projects, organisations and households read for a batch of rows,
 * one query per kind of look-up, and how they write: through the graph declaration's row
 * writer ({@link RowWriter}, the seed's), which merges a node on its key with its
 * declared properties and the relationships its row names. What the declaration's writer
 * does not do, because the seed never needs it, is written here: a link that moves (an
 * organisation's place, a household's village, a project's county or pairing) loses its
 * old end first, and an organisation whose kind changes changes its kind label.
 */
@Component
class RecordLedgerStore {

	private final Neo4jClient neo4j;

	private final RowWriter writer;

	RecordLedgerStore(Neo4jClient neo4j) {
		this.neo4j = neo4j;
		this.writer = new RowWriter(neo4j, Model.GRAPH);
	}

	/** A project as the register holds it, with what each fund source put in (fen). */
	record StoredProject(String code, String name, Long year, String countyCode, String pairingId,
			Map<String, Long> funding, Boolean illustrative) {
	}

	/**
	 * An organisation as the register holds it, with the places of the assets it owns
	 * (whose dashboards count owners by kind) and whether a pairing names it (whose
	 * dashboards count pairings by where their organisations are).
	 */
	record StoredOrganisation(String creditCode, String name, String kind, String enterpriseType, String placeCode,
			List<String> ownedPlaces, boolean paired, Boolean illustrative) {
	}

	/** A household as the register holds it. */
	record StoredHousehold(String householdNo, String headName, String idNumber, Long size, Boolean formerlyPoor,
			String villageCode, Boolean illustrative) {
	}

	/**
	 * Locks the nodes of {@code type} with these keys, so that what is read next stays
	 * true until the commit. A key no node has yet is locked as well: every keyed type
	 * has a uniqueness constraint, and in a statement that writes Neo4j seeks such a key
	 * with a lock on its index entry, also when no node has it. So a file that would
	 * create a key another file's commit is creating waits for that commit, then reads
	 * the node as stored instead of merging into it as if it were new.
	 */
	void lock(NodeType type, Collection<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		this.neo4j.query("""
				UNWIND $keys AS key
				MATCH (n:%s {%s: key})
				%s""".formatted(type.label(), type.keyName(), Locks.writeLock("n")))
			.bind(List.copyOf(keys))
			.to("keys")
			.run();
	}

	/** The keys among {@code keys} of nodes of {@code type} that exist. */
	Set<String> existing(NodeType type, Collection<String> keys) {
		if (keys.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.neo4j.query("""
				UNWIND $keys AS key
				MATCH (n:%s {%s: key})
				RETURN n.%s""".formatted(type.label(), type.keyName(), type.keyName()))
			.bind(List.copyOf(keys))
			.to("keys")
			.fetchAs(String.class)
			.all());
	}

	/** The ids among {@code ids} of places or organisations that exist. */
	Set<String> providers(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.neo4j
			.query("UNWIND $ids AS id\n" + Lookups.byKey(Model.PROVIDED_BY.to(), "id", "id", "p") + "\nRETURN id")
			.bind(List.copyOf(ids))
			.to("ids")
			.fetchAs(String.class)
			.all());
	}

	Map<String, StoredProject> projects(Collection<String> codes) {
		Map<String, StoredProject> found = new HashMap<>();
		if (codes.isEmpty()) {
			return found;
		}
		this.neo4j.query("""
				UNWIND $codes AS code
				MATCH (p:Project {code: code})
				RETURN p.code AS code, p.name AS name, p.year AS year, p.illustrative AS illustrative,
				  head([(p)-[:LOCATED_IN]->(c:County) | c.code]) AS countyCode,
				  head([(p)-[:THROUGH]->(x:Pairing) | x.id]) AS pairingId,
				  [(f:FundSource)-[r:FUNDED]->(p) | [f.code, r.amount]] AS funding""")
			.bind(List.copyOf(codes))
			.to("codes")
			.fetch()
			.all()
			.forEach((row) -> {
				Map<String, Long> funding = new HashMap<>();
				for (Object pair : (List<?>) row.get("funding")) {
					List<?> parts = (List<?>) pair;
					funding.put((String) parts.get(0), (Long) parts.get(1));
				}
				String code = (String) row.get("code");
				found.put(code,
						new StoredProject(code, (String) row.get("name"), (Long) row.get("year"),
								(String) row.get("countyCode"), (String) row.get("pairingId"), funding,
								(Boolean) row.get("illustrative")));
			});
		return found;
	}

	Map<String, StoredOrganisation> organisations(Collection<String> creditCodes) {
		Map<String, StoredOrganisation> found = new HashMap<>();
		if (creditCodes.isEmpty()) {
			return found;
		}
		this.neo4j.query("""
				UNWIND $codes AS code
				MATCH (o:Organisation {creditCode: code})
				RETURN o.creditCode AS creditCode, o.name AS name, o.kind AS kind, o.enterpriseType AS enterpriseType,
				  o.illustrative AS illustrative,
				  head([(o)-[:LOCATED_IN]->(l:Place) | l.code]) AS placeCode,
				  COLLECT { MATCH (a:Asset)-[:OWNED_BY]->(o) RETURN DISTINCT a.placeCode } AS ownedPlaces,
				  EXISTS { (o)<-[:HELPER|RECIPIENT]-(:Pairing) } AS paired""")
			.bind(List.copyOf(creditCodes))
			.to("codes")
			.fetch()
			.all()
			.forEach((row) -> {
				String code = (String) row.get("creditCode");
				List<String> owned = new ArrayList<>();
				((List<?>) row.get("ownedPlaces")).forEach((place) -> owned.add((String) place));
				found.put(code,
						new StoredOrganisation(code, (String) row.get("name"), (String) row.get("kind"),
								(String) row.get("enterpriseType"), (String) row.get("placeCode"), owned,
								Boolean.TRUE.equals(row.get("paired")), (Boolean) row.get("illustrative")));
			});
		return found;
	}

	Map<String, StoredHousehold> households(Collection<String> householdNos) {
		Map<String, StoredHousehold> found = new HashMap<>();
		if (householdNos.isEmpty()) {
			return found;
		}
		this.neo4j
			.query("""
					UNWIND $nos AS no
					MATCH (h:Household {householdNo: no})
					RETURN h.householdNo AS householdNo, h.headName AS headName, h.idNumber AS idNumber, h.size AS size,
					  h.formerlyPoor AS formerlyPoor, h.illustrative AS illustrative, head([(h)-[:LOCATED_IN]->(v:Village) | v.code]) AS villageCode""")
			.bind(List.copyOf(householdNos))
			.to("nos")
			.fetch()
			.all()
			.forEach((row) -> {
				String no = (String) row.get("householdNo");
				found.put(no,
						new StoredHousehold(no, (String) row.get("headName"), (String) row.get("idNumber"),
								(Long) row.get("size"), (Boolean) row.get("formerlyPoor"),
								(String) row.get("villageCode"), (Boolean) row.get("illustrative")));
			});
		return found;
	}

	/**
	 * Removes the relationships of {@code type} from the nodes with these keys: a link
	 * about to be written to another end.
	 */
	void unlink(RelationshipType type, Collection<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		NodeType from = type.from();
		this.neo4j.query("""
				UNWIND $keys AS key
				MATCH (n:%s {%s: key})-[r:%s]->()
				DELETE r""".formatted(from.label(), from.keyName(), type.type()))
			.bind(List.copyOf(keys))
			.to("keys")
			.run();
	}

	/**
	 * Gives the existing organisations with these credit codes the kind label
	 * {@code label} (a declared kind, or null for none) in place of any other, so that
	 * the declaration's writer, which merges on the labels, finds them.
	 */
	void relabel(String label, Collection<String> creditCodes) {
		if (creditCodes.isEmpty()) {
			return;
		}
		String others = String.join(":", Model.ORGANISATION.kinds());
		this.neo4j.query("""
				UNWIND $codes AS code
				MATCH (o:Organisation {creditCode: code})
				REMOVE o:%s""".formatted(others) + ((label != null) ? "\nSET o:" + label : ""))
			.bind(List.copyOf(creditCodes))
			.to("codes")
			.run();
	}

	/** Nodes through the declaration's writer: see {@link RowWriter#nodes}. */
	void nodes(String source, NodeType type, String kind, List<Map<String, Object>> rows) {
		if (!rows.isEmpty()) {
			this.writer.nodes(source, type, kind, rows);
		}
	}

	/**
	 * Relationships through the declaration's writer: see
	 * {@link RowWriter#relationships}.
	 */
	void relationships(String source, RelationshipType type, List<Map<String, Object>> rows) {
		if (!rows.isEmpty()) {
			this.writer.relationships(source, type, rows);
		}
	}

}
