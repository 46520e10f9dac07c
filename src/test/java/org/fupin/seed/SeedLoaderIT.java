package org.fupin.seed;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import org.apache.commons.csv.CSVFormat;
import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import static org.assertj.core.api.Assertions.assertThat;

class SeedLoaderIT extends IntegrationTest {

	@Autowired
	private SeedLoader loader;

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private Driver driver;

	@Test
	void aSecondLoadOfTheSameDatasetIsSkipped() {
		SeedLoader.Result again = this.loader.load();
		assertThat(again.skipped()).isTrue();
	}

	@Test
	void aLaterTermOfASeededCadreOnTheSamePairingSurvivesTheSeedLoadedAgain() {
		// As the cadre ledger records it: the same person, the same pairing, a new term.
		String pairing = "DA-91110000AG822488E5-513331";
		this.neo4j.query("""
				MATCH (p:Pairing {id: $pairing}), (x:Person {personId: 'P000001'})
				CREATE (p)-[:STAFFED_BY {role: 'FIRST_SECRETARY', startDate: date('2026-01-01')}]->(x)""")
			.bind(pairing)
			.to("pairing")
			.run();
		try {
			this.neo4j.query("MATCH (s:SeedRun) DELETE s").run();
			assertThat(this.loader.load().skipped()).isFalse();
			assertThat(this.neo4j.query("""
					MATCH (:Pairing {id: $pairing})-[s:STAFFED_BY]->(:Person {personId: 'P000001'})
					RETURN toString(s.startDate) + '|' + s.role AS term ORDER BY term""")
				.bind(pairing)
				.to("pairing")
				.fetchAs(String.class)
				.all()).containsExactly("2021-08-18|LIAISON", "2026-01-01|FIRST_SECRETARY");
		}
		finally {
			this.neo4j.query("""
					MATCH (:Pairing {id: $pairing})-[s:STAFFED_BY {startDate: date('2026-01-01')}]->(:Person)
					DELETE s""").bind(pairing).to("pairing").run();
		}
	}

	@Test
	void loadingEverythingAgainAddsNothingAndIsLoggedAsLoadedOnlyOnceCommitted() {
		Map<String, Object> before = counts();
		this.neo4j.query("MATCH (s:SeedRun) DELETE s").run();
		// What another reader sees at the moment the loader says it has loaded.
		List<Long> runsSeenWhenLogged = new CopyOnWriteArrayList<>();
		AppenderBase<ILoggingEvent> reader = new AppenderBase<>() {
			@Override
			protected void append(ILoggingEvent event) {
				if (event.getFormattedMessage().contains(" loaded in ")) {
					try (Session session = SeedLoaderIT.this.driver.session()) {
						runsSeenWhenLogged.add(
								session.run("MATCH (s:SeedRun) RETURN count(s) AS runs").single().get("runs").asLong());
					}
				}
			}
		};
		Logger logger = (Logger) LoggerFactory.getLogger(SeedLoader.class);
		reader.start();
		logger.addAppender(reader);
		try {
			SeedLoader.Result again = this.loader.load();
			assertThat(again.skipped()).isFalse();
		}
		finally {
			logger.detachAppender(reader);
		}
		assertThat(counts()).isEqualTo(before);
		assertThat(runsSeenWhenLogged).containsExactly(1L);
	}

	@ParameterizedTest
	@CsvSource({ "Province, 31", "Prefecture, 42", "County, 126" })
	void everyPublicPlaceIsLoadedAsAFact(String label, long count) {
		assertThat(count("MATCH (n:" + label + ") WHERE n.illustrative = false AND n.certainty IS NOT NULL "
				+ "AND n.source IS NOT NULL RETURN count(n)"))
			.isEqualTo(count);
	}

	@ParameterizedTest
	@CsvSource({ "Township, illustrative/townships.csv", "Village, illustrative/villages.csv",
			"Organisation, illustrative/organisations.csv", "Household, illustrative/households.csv",
			"Person, illustrative/persons.csv", "Asset, illustrative/assets.csv", "Project, illustrative/projects.csv",
			"FundSource, illustrative/fund_sources.csv", "Custody, illustrative/custody.csv",
			"OperationContract, illustrative/operation_contracts.csv", "Income, illustrative/incomes.csv",
			"IncomeUse, illustrative/income_uses.csv", "Disposal, illustrative/disposals.csv",
			"PairingResult, results/pairing_results.csv" })
	void everyIllustrativeRowBecomesOneIllustrativeNode(String label, String file) throws IOException {
		long rows = rows(file);
		assertThat(rows).isPositive();
		assertThat(count("MATCH (n:" + label + ") RETURN count(n)")).isEqualTo(rows);
		assertThat(count("MATCH (n:" + label + ") WHERE n.illustrative = true RETURN count(n)")).isEqualTo(rows);
	}

	@ParameterizedTest
	@CsvSource({ "OWNED_BY, illustrative/ownerships.csv", "FUNDED, illustrative/project_funding.csv",
			"BENEFITS, illustrative/income_beneficiaries.csv", "STAFFED_BY, illustrative/pairing_people.csv",
			"RESULT_OF, results/pairing_results.csv" })
	void everyRelationshipRowBecomesOneRelationship(String type, String file) throws IOException {
		assertThat(count("MATCH ()-[r:" + type + "]->() RETURN count(r)")).isEqualTo(rows(file));
	}

	@Test
	void everyPairingFromTheThreeFilesIsLoaded() throws IOException {
		long expected = rows("pairings/province_pairs.csv") + rows("places/county_pairs.csv")
				+ rows("illustrative/pairings.csv");
		assertThat(count("MATCH (p:Pairing)-[:HELPER]->(), (p)-[:RECIPIENT]->() RETURN count(p)")).isEqualTo(expected);
		// Public county pairs sit under their provinces' pair.
		assertThat(count("MATCH (p:Pairing {id: 'EW-440307-451081'})-[:UNDER]->(:Pairing {id: 'EW-44-45'}) "
				+ "RETURN count(p)"))
			.isEqualTo(1);
	}

	@Test
	void everyPlaceButProvincesHasOneParentWhoseCodeItsCodeBeginsWith() {
		assertThat(count("MATCH (n:Place) WHERE NOT n:Province AND COUNT { (n)-[:PART_OF]->() } <> 1 RETURN count(n)"))
			.isZero();
		assertThat(count("MATCH (n:Place)-[:PART_OF]->(p:Place) WHERE NOT n.code STARTS WITH p.code "
				+ "OR size(n.code) <= size(p.code) RETURN count(n)"))
			.isZero();
	}

	private long count(String cypher) {
		return this.neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
	}

	private Map<String, Object> counts() {
		return this.neo4j
			.query("CALL () { MATCH (n) RETURN count(n) AS nodes } "
					+ "CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships")
			.fetch()
			.one()
			.orElseThrow();
	}

	static long rows(String file) throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of("seed", file))) {
			return CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.build()
				.parse(reader)
				.stream()
				.count();
		}
	}

}
