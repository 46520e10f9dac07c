package org.fupin.bulk;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.TestPropertySource;

import org.fupin.WritingIntegrationTest;
import org.fupin.bulk.BulkLoader.Mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Generates and loads the national dataset at scale 0.001 into a store of its own that
 * starts empty (no seed): exact counts, a load killed in the middle of a chunk and
 * started again, and idempotent incremental loading. The methods run in order on one
 * store: the first needs it empty (so no seed, and no local accounts, whose first
 * administrator would be created at start).
 */
@TestPropertySource(
		properties = { "app.test.store=bulk", "app.seed.enabled=false", "app.security.local-accounts.enabled=false" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkLoadIT extends WritingIntegrationTest {

	private static final NationalGenerator GENERATOR = new NationalGenerator(0.001, NationalGenerator.DEFAULT_SEED);

	private static final NationalGenerator.Counts EXPECTED = GENERATOR.count();

	@Autowired
	private BulkLoader loader;

	@Autowired
	private Neo4jClient neo4j;

	@Test
	@Order(1)
	void aLoadKilledHalfWayAndStartedAgainEndsWithExactlyTheGeneratedCounts() {
		assertThat(countLabels()).isEmpty();
		assertThatThrownBy(() -> this.loader.load(GENERATOR, Mode.BULK, 1, 20))
			.isInstanceOf(BulkLoader.SimulatedKill.class);
		// 20 chunks committed; the 21st rolled back although its first table was written.
		assertThat(count("MATCH (b:BulkLoad) RETURN count(b)")).isEqualTo(20);
		long partial = count("MATCH (n) WHERE NOT n:BulkLoad AND NOT n:BulkLoadRun RETURN count(n)");
		assertThat(partial).isPositive().isLessThan(EXPECTED.nodes());
		// A start that does not finish it refuses the store, saying how to finish it.
		assertThatThrownBy(this.loader::requireNoUnfinishedLoad)
			.hasMessage("The store holds an unfinished bulk load of the national dataset (scale 0.001, seed 20211, "
					+ "20 chunks written). Start the load again with --app.bulk.scale=0.001 --app.bulk.seed=20211 "
					+ "--app.seed.enabled=false to "
					+ "finish it (the chunks written are kept), or use a new app.neo4j.embedded.data-dir.");

		assertThatThrownBy(
				() -> this.loader.load(new NationalGenerator(0.002, NationalGenerator.DEFAULT_SEED), Mode.BULK))
			.hasMessageContaining("resume it with the same values");
		// Two writers: chunks commit in parallel, and a deadlock on a shared node is
		// retried.
		BulkLoader.Result resumed = this.loader.load(GENERATOR, Mode.BULK, 2, Integer.MAX_VALUE);
		assertThat(resumed.skipped()).isEqualTo(20);
		assertThat(resumed.chunks()).isEqualTo(GENERATOR.chunks().size() - 20);

		assertThat(countLabels()).isEqualTo(expectedLabels());
		this.loader.requireNoUnfinishedLoad();
		// Finished only once every pairing carries its parties' place codes.
		assertThat(count("MATCH (p:Pairing) WHERE p.helperPlace IS NULL OR p.recipientPlace IS NULL RETURN count(p)"))
			.isZero();
		assertThat(countTypes()).isEqualTo(EXPECTED.types());
		// The generator's figures at scale 0.001, stated: the real 126 counties and 24
		// more
		// so that every province has one; 490 villages; 120 enterprises.
		assertThat(EXPECTED.labels()).containsEntry("Province", 31L)
			.containsEntry("County", 150L)
			.containsEntry("Village", 490L)
			.containsEntry("Enterprise", 120L)
			.containsEntry("Household", 1960L)
			.containsEntry("Asset", 3359L);
		assertThat(EXPECTED.nodes()).isEqualTo(37187);
		assertThat(EXPECTED.relationships()).isEqualTo(69841);
		assertThat(count("MATCH (r:BulkLoadRun) WHERE r.finishedAt IS NOT NULL RETURN count(r)")).isOne();
		assertThat(count("MATCH (n:Asset) WHERE n.illustrative = true RETURN count(n)")).isEqualTo(3359);
		assertThatThrownBy(() -> this.loader.load(GENERATOR, Mode.BULK)).hasMessageContaining("completely loaded");
	}

	@Test
	@Order(2)
	void mergingLoadedChunksAgainChangesNothing() {
		Map<String, Object> before = graphSnapshot();
		// The skeleton, every province's enterprises and the first counties: all kinds of
		// rows.
		long rows = 0;
		for (String name : GENERATOR.chunks().subList(0, 45)) {
			Chunk chunk = GENERATOR.generate(name);
			this.loader.merge(chunk);
			rows += chunk.rows();
		}
		assertThat(rows).isGreaterThan(10_000);
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	@Test
	@Order(3)
	void aLedgerRowMergedTwiceIsThereOnce() {
		String village = this.neo4j.query("MATCH (v:Village) RETURN v.code ORDER BY v.code LIMIT 1")
			.fetchAs(String.class)
			.one()
			.orElseThrow();
		String collective = this.neo4j
			.query("MATCH (o:Collective)-[:LOCATED_IN]->(:Village {code: $code}) RETURN o.creditCode")
			.bind(village)
			.to("code")
			.fetchAs(String.class)
			.one()
			.orElseThrow();
		Chunk ledger = new Chunk("ledger-2025");
		String registerNo = "ZC-" + village + "-9001";
		ledger.node(GraphTable.ASSET,
				Chunk.props("registerNo", registerNo, "name", "光伏电站(台账导入)", "type", "PV_STATION", "category",
						"OPERATING", "originalValue", 45_000_000L, "completionDate", LocalDate.of(2025, 3, 1), "status",
						"IN_USE", "statusSince", LocalDate.of(2025, 3, 1), "placeCode", village, "illustrative", true,
						"version", 0L));
		ledger.rel(GraphTable.ASSET_LOCATED_IN, registerNo, village);
		ledger.rel(GraphTable.OWNED_BY_ORGANISATION, registerNo, collective,
				Chunk.props("share", 10_000L, "validFrom", LocalDate.of(2025, 3, 1)));
		long assets = count("MATCH (a:Asset) RETURN count(a)");
		this.loader.merge(ledger);
		this.loader.merge(ledger);
		assertThat(count("MATCH (a:Asset) RETURN count(a)")).isEqualTo(assets + 1);
		assertThat(count("MATCH (:Asset {registerNo: $no})-[r:OWNED_BY]->() RETURN count(r)", registerNo)).isOne();
		assertThat(count("MATCH (:Asset {registerNo: $no})-[r:LOCATED_IN]->() RETURN count(r)", registerNo)).isOne();
	}

	private Map<String, Long> expectedLabels() {
		Map<String, Long> labels = new TreeMap<>(EXPECTED.labels());
		labels.put("BulkLoadRun", 1L);
		return labels;
	}

	private Map<String, Long> countLabels() {
		Map<String, Long> labels = new TreeMap<>();
		this.neo4j
			.query("MATCH (n) UNWIND labels(n) AS label WITH label WHERE NOT label STARTS WITH '__' "
					+ "RETURN label, count(*) AS n")
			.fetch()
			.all()
			.forEach((row) -> labels.put((String) row.get("label"), (Long) row.get("n")));
		return labels;
	}

	private Map<String, Long> countTypes() {
		Map<String, Long> types = new TreeMap<>();
		this.neo4j
			.query("MATCH (a)-[r]->(b) WHERE none(l IN labels(a) WHERE l STARTS WITH '__') "
					+ "RETURN type(r) AS type, count(*) AS n")
			.fetch()
			.all()
			.forEach((row) -> types.put((String) row.get("type"), (Long) row.get("n")));
		return types;
	}

	private long count(String cypher) {
		return this.neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
	}

	private long count(String cypher, String no) {
		return this.neo4j.query(cypher).bind(no).to("no").fetchAs(Long.class).one().orElseThrow();
	}

}
