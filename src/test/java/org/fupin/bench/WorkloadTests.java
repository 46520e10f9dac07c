package org.fupin.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Reading the workload file, the variables sent, and the transfer plan. */
class WorkloadTests {

	@Test
	void versionOneHoldsTheIssuesOperations() {
		Workload workload = Workload.load(Workload.DEFAULT);
		assertThat(workload.version()).isEqualTo(1);
		assertThat(workload.warmup()).isEqualTo(Duration.ofSeconds(10));
		assertThat(workload.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(workload.operations()).extracting(Workload.Operation::name)
			.containsExactly("assetByRegisterNo", "ownersAsOf", "countyAssetsByCategory", "countyAuditFindings",
					"provenance", "westernProvincePairings", "assistanceNetwork", "connections", "nationalDashboard",
					"provinceDashboard", "transferOwnership");
		assertThat(workload.operations()).filteredOn(Workload.Operation::writes)
			.extracting(Workload.Operation::name)
			.containsExactly("transferOwnership");
		assertThat(workload.operation("assetByRegisterNo").targets()).extracting(Workload.Target::toString)
			.containsExactly("p99 <= 20 ms @1", "throughput >= 1500/s @8");
	}

	@Test
	void anOperationNamingAMissingSampleIsRefused() {
		String yaml = """
				version: 9
				warmup: 1s
				duration: 2s
				samples:
				  a: RETURN 1 AS x
				operations:
				  - name: op
				    sample: b
				    graphql: "{ x }"
				    cypher: RETURN 1
				""";
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Workload.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
			.withMessageContaining("names the sample 'b'");
	}

	@Test
	void onlyDeclaredVariablesAreSentAndDatesGoAsText() {
		assertThat(Benchmark.declaredVariables("query q($registerNo: ID!, $asOf : Date) { a(x: $registerNo) }"))
			.containsExactly("registerNo", "asOf");
		assertThat(GraphQlClient.variables(Map.of("asOf", LocalDate.of(2021, 6, 30))))
			.isEqualTo(Map.of("asOf", "2021-06-30"));
	}

	@Test
	void transfersAlternateOwnersOneDayApartUntilToday() {
		Transfers transfers = new Transfers(List.of(Map.of("registerNo", "ZC-1", "lastChanged",
				LocalDate.of(2026, 3, 28), "owners", List.of("C1"), "candidates", List.of("C1", "H1", "H2"))),
				LocalDate.of(2026, 3, 31));
		transfers.deal(1);
		assertThat(transfers.next(0)).containsEntry("date", LocalDate.of(2026, 3, 29))
			.containsEntry("ownerId", "H1")
			.containsEntry("before", "{\"owners\":[\"C1\"]}");
		assertThat(transfers.next(0)).containsEntry("date", LocalDate.of(2026, 3, 30)).containsEntry("ownerId", "C1");
		assertThat(transfers.next(0)).containsEntry("date", LocalDate.of(2026, 3, 31)).containsEntry("ownerId", "H1");
		assertThatIllegalStateException().isThrownBy(() -> transfers.next(0)).withMessageContaining("2026-03-31");
	}

	@Test
	void optionsTakeBothFormsAndRepeat() {
		Benchmark.Options options = Benchmark.Options.parse(new String[] { "--clients", "1,8", "--header=A: b",
				"--header", "C: d", "--no-floor", "--duration=2m" });
		assertThat(options.list("clients")).containsExactly("1", "8");
		assertThat(options.all("header")).containsExactly("A: b", "C: d");
		assertThat(options.has("no-floor")).isTrue();
		assertThat(options.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
	}

}
