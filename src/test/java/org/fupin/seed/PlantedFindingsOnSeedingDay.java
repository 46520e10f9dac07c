package org.fupin.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.fupin.IntegrationTest;
import org.fupin.audit.AuditRule;
import org.fupin.pairing.CoverageGapRule;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed seeded on a day of the test's choosing: the audit findings and coverage gaps
 * are exactly the violations planted in
 * {@code seed/illustrative/deliberate_violations.csv}, the history is moved by whole
 * years to the year of that day, and no illustrative pairing starts before the pairing it
 * sits under.
 */
abstract class PlantedFindingsOnSeedingDay extends IntegrationTest {

	@Autowired
	private Neo4jClient neo4j;

	@Autowired
	private Clock clock;

	@Test
	void theFindingsAreExactlyThePlantedOnes() throws IOException {
		Set<String> auditRules = Arrays.stream(AuditRule.values()).map(Enum::name).collect(Collectors.toSet());
		Set<String> gapRules = Arrays.stream(CoverageGapRule.values()).map(Enum::name).collect(Collectors.toSet());
		Set<String> plantedFindings = new TreeSet<>();
		Set<String> plantedGaps = new TreeSet<>();
		List<String> lines = Files.readAllLines(Path.of("seed/illustrative/deliberate_violations.csv"));
		for (String line : lines.subList(1, lines.size())) {
			String[] columns = line.split(",", 3);
			if (auditRules.contains(columns[1])) {
				plantedFindings.add(columns[0] + " " + columns[1]);
			}
			else if (gapRules.contains(columns[1])) {
				plantedGaps.add(columns[1] + " " + columns[0]);
			}
		}
		assertThat(plantedFindings).hasSize(41);
		assertThat(plantedGaps).hasSize(10);

		GraphQlTester.Response findings = this.graphQl.documentName("auditFindings")
			.operationName("auditFindings")
			.variable("first", 100)
			.execute();
		assertThat(pairs(findings, "auditFindings", "registerNo", "rule")).isEqualTo(plantedFindings);
		GraphQlTester.Response gaps = this.graphQl.documentName("coverageGaps").variable("first", 100).execute();
		assertThat(pairs(gaps, "coverageGaps", "rule", "subjectId")).isEqualTo(plantedGaps);
	}

	@Test
	void theHistoryMovesByWholeYearsToTheSeedingYear() {
		int shift = LocalDate.now(this.clock).getYear() - SeedLoader.HISTORY_YEAR;
		assertThat(this.neo4j.query("MATCH (s:SeedRun) RETURN s.yearShift").fetchAs(Long.class).one())
			.contains((long) shift);
		// Incomes of 2022-2024 in the files: their years, ids and the years in fund and
		// project names move alike.
		assertThat(this.neo4j.query("MATCH (i:Income) RETURN DISTINCT i.year AS year ORDER BY year")
			.fetchAs(Long.class)
			.all()).containsExactly(2022L + shift, 2023L + shift, 2024L + shift);
		assertThat(this.neo4j.query("MATCH (i:Income {id: $id}) RETURN i.year")
			.bind("INC-ZC-511921101201-0002-" + (2024 + shift))
			.to("id")
			.fetchAs(Long.class)
			.one()).contains(2024L + shift);
		assertThat(this.neo4j.query("""
				MATCH (p:Project) WHERE NOT p.code CONTAINS '-' + toString(p.year) + '-'
				   OR NOT p.name STARTS WITH toString(p.year) RETURN count(p)""").fetchAs(Long.class).one())
			.contains(0L);
		// Public facts stay as they are.
		assertThat(this.neo4j.query("MATCH (p:Pairing {id: 'EW-44-52'}) RETURN p.startDate")
			.fetchAs(LocalDate.class)
			.one()).contains(LocalDate.of(2021, 4, 8));
		assertThat(this.neo4j.query("""
				MATCH (child:Pairing {illustrative: true})-[:UNDER]->(parent:Pairing)
				WHERE child.startDate < parent.startDate RETURN count(child)""").fetchAs(Long.class).one())
			.contains(0L);
	}

	private static Set<String> pairs(GraphQlTester.Response response, String list, String first, String second) {
		response.path(list + ".pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		List<String> one = response.path(list + ".edges[*].node." + first).entityList(String.class).get();
		List<String> two = response.path(list + ".edges[*].node." + second).entityList(String.class).get();
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < one.size(); i++) {
			pairs.add(one.get(i) + " " + two.get(i));
		}
		assertThat(pairs).doesNotHaveDuplicates();
		return new TreeSet<>(pairs);
	}

	static String inChina(int yearsLater) {
		return LocalDate.now(Clock.system(java.time.ZoneId.of("Asia/Shanghai"))).plusYears(yearsLater).toString();
	}

}
