package org.fupin.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Transaction;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import org.fupin.IntegrationTest;
import org.fupin.money.Money;
import org.fupin.pairing.PairingPlaces;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application started with {@code app.bulk.mode=IMPORT} at scale 0.001 on a new
 * store: the offline import ran before the embedded database started, the migrations
 * created constraints and indexes on the imported data, and the store holds exactly what
 * the BULK mode writes, so the existing GraphQL documents answer on it.
 */
@TestPropertySource(properties = { "app.test.store=import", "app.seed.enabled=false", "app.bulk.scale=0.001",
		"app.bulk.mode=IMPORT", "app.bulk.exit=false" })
class ImportModeIT extends IntegrationTest {

	private static final NationalGenerator GENERATOR = new NationalGenerator(0.001, NationalGenerator.DEFAULT_SEED);

	@TempDir
	static Path bulkHome;

	@Autowired
	private DatabaseManagementService dbms;

	@Autowired
	private Neo4jClient neo4j;

	@Test
	void theImportedStoreHoldsExactlyTheGraphTheBulkModeWrites() throws IOException {
		List<String> imported = StoreLines.of(this.dbms);
		assertThat(imported).hasSize(37187 + 69841);
		List<String> bulk = bulkLines();
		assertThat(only(imported, bulk)).as("lines only in the imported store").isEmpty();
		assertThat(only(bulk, imported)).as("lines only in the BULK store").isEmpty();
		assertThat(imported).isEqualTo(bulk);
		// Serving after the load, a transaction waits for a lock as long as at any start.
		assertThat(this.neo4j.query("SHOW SETTINGS 'db.lock.acquisition.timeout' YIELD value RETURN value")
			.fetchAs(String.class)
			.one()).contains("3s");
		// The types the model needs, as the queries compare them.
		assertThat(this.neo4j
			.query("MATCH (a:Asset) RETURN DISTINCT valueType(a.completionDate) + ' '"
					+ " + valueType(a.originalValue) + ' ' + valueType(a.version)")
			.fetchAs(String.class)
			.all()).containsExactly("DATE NOT NULL INTEGER NOT NULL INTEGER NOT NULL");
		assertThat(this.neo4j.query("MATCH ()-[r:OWNED_BY]->() RETURN DISTINCT valueType(r.validFrom)")
			.fetchAs(String.class)
			.all()).containsExactly("DATE NOT NULL");
		// Every constraint and index of the migrations exists, and every index is online.
		assertThat(this.neo4j.query("SHOW CONSTRAINTS YIELD name RETURN name").fetchAs(String.class).all())
			.containsAll(declared("CONSTRAINT"))
			.hasSizeGreaterThanOrEqualTo(20);
		assertThat(this.neo4j.query("SHOW INDEXES YIELD name RETURN name").fetchAs(String.class).all())
			.containsAll(declared("INDEX"));
		assertThat(this.neo4j.query("SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN count(*)")
			.fetchAs(Long.class)
			.one()).contains(0L);
	}

	@Test
	void existingQueriesAnswerOnTheImportedStore() {
		this.graphQl.documentName("provinceCount")
			.execute()
			.path("provinces.totalCount")
			.entity(Integer.class)
			.isEqualTo(31);

		Map<String, Object> asset = this.neo4j.query("""
				MATCH (a:Asset)-[:LOCATED_IN]->(:Village)
				WHERE EXISTS { (a)-[:EARNED]->() } AND EXISTS { (a)-[:HAS_CONTRACT]->() }
				WITH a ORDER BY a.registerNo LIMIT 1
				RETURN a.registerNo AS registerNo, a.originalValue AS value, toString(a.completionDate) AS completed,
				       COUNT { (a)-[:EARNED]->() } AS incomes, COUNT { (a)-[:HAS_CONTRACT]->() } AS contracts,
				       COUNT { (a)-[:OWNED_BY]->() } AS owners,
				       reduce(s = 0, x IN COLLECT { MATCH (a)-[:EARNED]->(i) RETURN i.amount } | s + x) AS incomeTotal,
				       [(a)-[:LOCATED_IN]->(v)-[:PART_OF]->(t)-[:PART_OF]->(c)-[:PART_OF]->(f)-[:PART_OF]->(p)
				        | [p.code, f.code, c.code, t.code, v.code]][0] AS path""").fetch().one().orElseThrow();
		String registerNo = (String) asset.get("registerNo");
		GraphQlTester.Response card = this.graphQl.documentName("assetCard")
			.variable("registerNo", registerNo)
			.execute();
		card.path("asset.originalValue")
			.entity(String.class)
			.isEqualTo(Money.ofFen((Long) asset.get("value")).toString());
		card.path("asset.completionDate").entity(String.class).isEqualTo((String) asset.get("completed"));
		card.path("asset.placePath[*].code").entityList(String.class).isEqualTo((List<?>) asset.get("path"));
		card.path("asset.incomes.totalCount").entity(Long.class).isEqualTo((Long) asset.get("incomes"));
		card.path("asset.operationContracts.totalCount").entity(Long.class).isEqualTo((Long) asset.get("contracts"));

		GraphQlTester.Response provenance = this.graphQl.documentName("provenance")
			.variable("registerNo", registerNo)
			.execute();
		provenance.path("provenance.ownershipHistory")
			.entityList(Object.class)
			.hasSize(((Long) asset.get("owners")).intValue());
		provenance.path("provenance.incomeTotal")
			.entity(String.class)
			.isEqualTo(Money.ofFen((Long) asset.get("incomeTotal")).toString());

		String prefecture = ((List<?>) asset.get("path")).get(1).toString();
		long counties = this.neo4j.query("MATCH (:Prefecture {code: $code})<-[:PART_OF]-(c:County) RETURN count(c)")
			.bind(prefecture)
			.to("code")
			.fetchAs(Long.class)
			.one()
			.orElseThrow();
		assertThat(counties).isPositive();
		this.graphQl.documentName("countyPage")
			.variable("parentCode", prefecture)
			.variable("first", 50)
			.execute()
			.path("counties.totalCount")
			.entity(Long.class)
			.isEqualTo(counties);
	}

	/**
	 * Names of the constraints or indexes the migrations in {@code schema/neo4j} create.
	 */
	private static List<String> declared(String kind) throws IOException {
		Pattern create = Pattern.compile("CREATE (?:TEXT )?" + kind + " (\\w+)");
		List<String> names = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("schema/neo4j"))) {
			for (Path file : files.toList()) {
				Matcher matcher = create.matcher(Files.readString(file));
				while (matcher.find()) {
					names.add(matcher.group(1));
				}
			}
		}
		// The pattern must find what the first four migrations declared, at least.
		assertThat(names).hasSizeGreaterThanOrEqualTo(kind.equals("INDEX") ? 21 : 20);
		return names;
	}

	private static List<String> only(List<String> these, List<String> others) {
		Set<String> set = new HashSet<>(others);
		return these.stream().filter((line) -> !set.contains(line)).limit(20).toList();
	}

	/**
	 * The same dataset written by the BULK mode's writer (the one {@link BulkLoader#load}
	 * uses with the embedded database) into a database of its own, without its chunk
	 * markers.
	 */
	private static List<String> bulkLines() {
		DatabaseManagementService bulk = new DatabaseManagementServiceBuilder(bulkHome)
			.setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
			.setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
			.build();
		try {
			GraphDatabaseService database = bulk.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			try (Transaction tx = database.beginTx()) {
				// Indexes on the natural keys, so relationships find their ends fast.
				Set<String> indexed = new HashSet<>();
				GraphTable.ALL.values().stream().filter(GraphTable::isNode).forEach((table) -> {
					for (String label : table.labels()) {
						if (indexed.add(label)) {
							tx.schema().indexFor(Label.label(label)).on(table.key()).create();
						}
					}
				});
				tx.commit();
			}
			try (Transaction tx = database.beginTx()) {
				tx.schema().awaitIndexesOnline(2, TimeUnit.MINUTES);
			}
			EmbeddedChunkWriter writer = new EmbeddedChunkWriter(bulk);
			GENERATOR.chunks().forEach((name) -> writer.write(GENERATOR.generate(name), false));
			try (Transaction tx = database.beginTx()) {
				tx.execute("MATCH (b:BulkLoad) DELETE b").close();
				// What the BULK mode does after its chunks (PairingPlaces#ofAll).
				tx.execute("MATCH (p:Pairing) " + PairingPlaces.SET).close();
				tx.commit();
			}
			return StoreLines.of(bulk);
		}
		finally {
			bulk.shutdown();
		}
	}

}
