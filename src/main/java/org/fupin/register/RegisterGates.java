package org.fupin.register;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.fupin.graph.Locks;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Each county's register has one gate (登记闸, a {@code RegisterGate} node): every register
 * mutation in a county passes it, which counts its version up and holds its write lock
 * until the mutation commits, and an import that commits a file in batches holds the
 * gates of its counties from before its last check until its last batch is written. So no
 * mutation changes what the import checked while the import writes, and a version that
 * has not moved since an import's check proves that nothing did before either. Gates are
 * found by the county's six-digit code.
 */
@Repository
public class RegisterGates {

	private final Neo4jClient neo4j;

	RegisterGates(Neo4jClient neo4j) {
		this.neo4j = neo4j;
	}

	/** The county of a place's statistical code: its first six digits. */
	public static String county(String placeCode) {
		return (placeCode != null && placeCode.length() >= 6) ? placeCode.substring(0, 6) : null;
	}

	/**
	 * Passes the gate of the county of {@code placeCode} inside a mutation's transaction:
	 * counts its version up and keeps its lock until the mutation ends.
	 * @throws ApiException CONFLICT while an import's commit holds the county
	 */
	public void pass(String placeCode) {
		String county = county(placeCode);
		if (county == null) {
			return;
		}
		String holder = this.neo4j.query("""
				MERGE (g:RegisterGate {county: $county})
				SET g.version = coalesce(g.version, 0) + 1
				RETURN g.importId""").bind(county).to("county").fetchAs(String.class).one().orElse(null);
		if (holder != null) {
			throw new ApiException(ErrorCode.CONFLICT, null,
					"县级代码 " + county + " 的台账正在导入（导入编号 " + holder + "），导入写完前不能修改该县的资产，请稍后再试。A ledger import (" + holder
							+ ") is being committed in county " + county
							+ "; its assets cannot be changed until it is written. Try again in a minute.");
		}
	}

	/**
	 * Passes the gate of the county the asset {@code registerNo} lies in, as
	 * {@link #pass} does; nothing when no asset has the number.
	 */
	public void passAsset(String registerNo) {
		this.neo4j.query("MATCH (a:Asset {registerNo: $registerNo}) RETURN a.placeCode")
			.bind(registerNo)
			.to("registerNo")
			.fetchAs(String.class)
			.one()
			.ifPresent(this::pass);
	}

	/** Every gate's version: a county without one has version 0. */
	public Map<String, Long> versions() {
		Map<String, Long> versions = new HashMap<>();
		this.neo4j.query("MATCH (g:RegisterGate) RETURN g.county AS county, g.version AS version")
			.fetch()
			.all()
			.forEach((row) -> versions.put((String) row.get("county"),
					(row.get("version") != null) ? ((Number) row.get("version")).longValue() : 0L));
		return versions;
	}

	/**
	 * Takes the gates of {@code counties} for the import {@code importId}, in one order,
	 * waiting for the mutations that hold them to end: the caller's transaction commits
	 * the lease.
	 * @return the gates' versions, or the import already holding one of them
	 */
	public Lease lease(String importId, Collection<String> counties) {
		List<String> sorted = List.copyOf(new TreeSet<>(counties));
		Map<String, Long> versions = new HashMap<>();
		Map<String, String> held = new HashMap<>();
		this.neo4j.query("""
				UNWIND $counties AS county
				MERGE (g:RegisterGate {county: county})
				%s
				WITH g, g.importId AS holder
				SET g.importId = $importId
				RETURN g.county AS county, coalesce(g.version, 0) AS version, holder""".formatted(Locks.writeLock("g")))
			.bindAll(Map.of("counties", sorted, "importId", importId))
			.fetch()
			.all()
			.forEach((row) -> {
				String county = (String) row.get("county");
				versions.put(county, ((Number) row.get("version")).longValue());
				String holder = (String) row.get("holder");
				if (holder != null && !holder.equals(importId)) {
					held.put(county, holder);
				}
			});
		return new Lease(versions, held);
	}

	/**
	 * Lets go of every gate the import holds and counts their versions up: what the
	 * import wrote is a change any earlier check did not see.
	 */
	public void release(String importId) {
		this.neo4j.query("""
				MATCH (g:RegisterGate {importId: $importId})
				SET g.importId = null, g.version = coalesce(g.version, 0) + 1""").bind(importId).to("importId").run();
	}

	/**
	 * What taking the gates found.
	 *
	 * @param versions each gate's version
	 * @param held the gates another import holds, with that import's id: when any, the
	 * lease must not be committed
	 */
	public record Lease(Map<String, Long> versions, Map<String, String> held) {

		/**
		 * Whether every version equals the one seen before, a county absent there at 0.
		 */
		public boolean unchangedSince(Map<String, Long> seen) {
			return this.versions.entrySet()
				.stream()
				.allMatch((gate) -> gate.getValue().equals(seen.getOrDefault(gate.getKey(), 0L)));
		}

	}

}
