package org.fupin.money;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ac.simons.neo4j.migrations.core.Migrations;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fupin.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration to fen on a store in the form earlier versions wrote: the seed's amounts
 * and shares as floating-point yuan and percent (the very doubles {@code Double.valueOf}
 * gave for the CSV text), rollups as sums of doubles. After the packaged migration runs
 * through Neo4j-Migrations, every amount and every sum equals the seed CSVs read apart
 * from the application, in fen.
 */
@TestPropertySource(properties = "app.test.store=fen-migration")
class FenMigrationIT extends IntegrationTest {

	/** label or type, key expression, property, CSV file, key columns, value column. */
	static final List<String[]> AMOUNTS = List.of(
			new String[] { "(x:Asset)", "x.registerNo", "x", "originalValue", "illustrative/assets.csv", "registerNo",
					"originalValue" },
			new String[] { "(x:OperationContract)", "x.contractNo", "x", "annualRent",
					"illustrative/operation_contracts.csv", "contractNo", "annualRent" },
			new String[] { "(x:Income)", "x.id", "x", "amount", "illustrative/incomes.csv", "id", "amount" },
			new String[] { "(x:IncomeUse)", "x.id", "x", "amount", "illustrative/income_uses.csv", "id", "amount" },
			new String[] { "(x:Disposal)", "x.id", "x", "proceeds", "illustrative/disposals.csv", "id", "proceeds" },
			new String[] { "(x:Pairing)", "x.id", "x", "investment", "illustrative/pairings.csv", "id", "investment" },
			new String[] { "(x:Asset)-[r:OWNED_BY]->(o)",
					"x.registerNo + '|' + coalesce(o.creditCode, o.householdNo, o.code) + '|' + toString(r.validFrom)",
					"r", "share", "illustrative/ownerships.csv", "registerNo|ownerCode|validFrom", "share" },
			new String[] { "(o:FundSource)-[r:FUNDED]->(x:Project)", "o.code + '|' + x.code", "r", "amount",
					"illustrative/project_funding.csv", "fundCode|projectCode", "amount" },
			new String[] { "(x:IncomeUse)-[r:BENEFITS]->(o)",
					"x.id + '|' + coalesce(o.creditCode, o.householdNo, o.code)", "r", "amount",
					"illustrative/income_beneficiaries.csv", "useId|beneficiaryCode", "amount" });

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private Migrations migrations;

	@Test
	void aFloatStoreMigratesToFenWithoutLosingOne() throws IOException {
		toFloats();
		for (String[] amount : AMOUNTS) {
			assertThat(types(amount)).as(amount[0] + "." + amount[3] + " before").containsOnly("FLOAT");
		}

		// The store's migration chain forgets V0006 and every later one, so
		// Neo4j-Migrations applies them again (the later ones are idempotent).
		assertThat(this.neo4j.query("""
				MATCH (m:__Neo4jMigration) WHERE toInteger(m.version) >= 6
				WITH m, m.description AS description DETACH DELETE m RETURN description""").fetchAs(String.class).all())
			.contains("money in fen");
		this.migrations.apply();

		for (String[] amount : AMOUNTS) {
			String what = amount[0] + "." + amount[3];
			assertThat(types(amount)).as(what + " after").containsOnly("INTEGER");
			Map<String, Long> stored = stored(amount);
			Map<String, Long> expected = csv(amount[4], amount[5].split("\\|"), amount[6]);
			assertThat(stored).as(what).isEqualTo(expected);
			assertThat(sum(amount)).as("sum of " + what)
				.isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
		}
		// seed/README: 4,688 assets worth 4,670,270,541.99 yuan.
		assertThat(sum(AMOUNTS.get(0))).isEqualTo(467_027_054_199L);
		// Every rollup value is fen now; every rollup that held values waits for a
		// rebuild.
		Map<String, Object> rollups = this.neo4j.query("""
				MATCH (r:DashboardRollup)
				WITH r, coalesce(r.values, []) + coalesce(r.pairingValues, []) AS vals
				RETURN count(CASE WHEN size(vals) > 0 THEN r END) AS withValues,
				       count(CASE WHEN any(v IN vals WHERE NOT v IS :: INTEGER) THEN r END) AS notFen,
				       count(CASE WHEN size(vals) > 0 AND r.computedFor <> date('1970-01-01') THEN r END) AS fresh""")
			.fetch()
			.one()
			.orElseThrow();
		assertThat((Long) rollups.get("withValues")).isPositive();
		assertThat(rollups).containsEntry("notFen", 0L).containsEntry("fresh", 0L);
	}

	/**
	 * What earlier versions stored: yuan and percent as doubles, rollup sums of doubles.
	 */
	private void toFloats() {
		for (String[] amount : AMOUNTS) {
			this.neo4j
				.query("MATCH %s WHERE %s.%s IS NOT NULL SET %2$s.%3$s = %2$s.%3$s / 100.0".formatted(amount[0],
						amount[2], amount[3]))
				.run();
		}
		this.neo4j.query("""
				MATCH (r:DashboardRollup)
				SET r.values = [v IN r.values | v / 100.0 + 0.000001],
				    r.pairingValues = [v IN r.pairingValues | v / 100.0]""").run();
	}

	private List<String> types(String[] amount) {
		return List.copyOf(this.neo4j
			.query("MATCH %s WHERE %s.%s IS NOT NULL RETURN DISTINCT valueType(%2$s.%3$s)".formatted(amount[0],
					amount[2], amount[3]))
			.fetchAs(String.class)
			.all()
			.stream()
			.map((type) -> type.replace(" NOT NULL", ""))
			.toList());
	}

	private Map<String, Long> stored(String[] amount) {
		Map<String, Long> values = new TreeMap<>();
		this.neo4j
			.query("MATCH %s WHERE %s.%s IS NOT NULL RETURN %4$s AS key, %2$s.%3$s AS value".formatted(amount[0],
					amount[2], amount[3], amount[1]))
			.fetch()
			.all()
			.forEach((row) -> values.put((String) row.get("key"), (Long) row.get("value")));
		return values;
	}

	private long sum(String[] amount) {
		return this.neo4j.query("MATCH %s RETURN sum(%s.%s)".formatted(amount[0], amount[2], amount[3]))
			.fetchAs(Long.class)
			.one()
			.orElseThrow();
	}

	/** The file's values in hundredths (fen, or hundredths of a percent), by key. */
	private static Map<String, Long> csv(String file, String[] keys, String column) throws IOException {
		Map<String, Long> values = new TreeMap<>();
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
		try (Reader reader = new InputStreamReader(new ClassPathResource("seed/" + file).getInputStream(),
				StandardCharsets.UTF_8); CSVParser parser = format.parse(reader)) {
			for (CSVRecord record : parser) {
				String text = record.get(column);
				if (text == null || text.isEmpty()) {
					continue;
				}
				Map<String, String> row = new HashMap<>(record.toMap());
				StringBuilder key = new StringBuilder();
				for (String name : keys) {
					key.append((key.length() > 0) ? "|" : "").append(row.get(name));
				}
				values.put(key.toString(), new BigDecimal(text).movePointRight(2).longValueExact());
			}
		}
		return values;
	}

}
