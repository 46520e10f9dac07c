package org.fupin.register;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts and shares through GraphQL: sums to the fen, splits that add up, shares of
 * exactly 100, and inputs that would lose a fen refused with the field's name.
 */
class ExactAmountsIT extends RegisterTestSupport {

	private static final String VILLAGE = "450102101201";

	private static final String COLLECTIVE = "N1450102XKLFEJ2XR0";

	private static final String COOPERATIVE = "N2450102E5UWQ9GANH";

	private static final String ORCHARD = "N2450102FBFFCW7DBP";

	@Test
	void aTenthAndTwoTenthsOfAYuanAddUpToThreeTenths() {
		String registerNo = register("ZC-450102101201-9101", "1000.00", List.of(owner(COLLECTIVE, "100")));
		mutate("recordIncome", Map.of("registerNo", registerNo, "year", 2024, "amount", "0.10", "uses",
				List.of(Map.of("use", "MAINTENANCE", "amount", "0.10"))))
			.errors()
			.verify();
		// A JSON number in the variables: 0.2 stands for exactly 0.20.
		mutate("recordIncome", Map.of("registerNo", registerNo, "year", 2025, "amount", 0.2, "uses",
				List.of(Map.of("use", "MAINTENANCE", "amount", 0.2))))
			.errors()
			.verify();
		GraphQlTester.Response provenance = provenance(registerNo);
		provenance.path("provenance.incomes[*].amount").entityList(String.class).containsExactly("0.10", "0.20");
		provenance.path("provenance.incomeTotal").entity(String.class).isEqualTo("0.30");
		provenance.path("provenance.distributedTotal").entity(String.class).isEqualTo("0.30");
		// The parts of one income add up exactly, with no tolerance either way.
		Map<String, Object> before = graphSnapshot();
		assertRejected(
				"recordIncome", Map
					.of("registerNo", registerNo, "year", 2023, "amount", "0.30", "uses",
							List.of(Map.of("use", "MAINTENANCE", "amount", "0.10"),
									Map.of("use", "COLLECTIVE_RESERVE", "amount", "0.19"))),
				"INVALID_ARGUMENT", "uses");
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	@Test
	void anAmountSplitThreeWaysAddsUpToTheFen() {
		String registerNo = register("ZC-450102101201-9102", "1234567.89", List.of(owner(COLLECTIVE, "100")));
		String third = "411522.63";
		String ninth = "137174.21";
		GraphQlTester.Response response = mutate("recordIncome",
				Map.of("registerNo", registerNo, "year", 2025, "amount", "1234567.89", "uses",
						List.of(Map.of("use", "MAINTENANCE", "amount", third),
								Map.of("use", "HOUSEHOLD_DIVIDEND", "amount", third, "beneficiaries",
										List.of(Map.of("beneficiaryId", COLLECTIVE, "amount", ninth),
												Map.of("beneficiaryId", COOPERATIVE, "amount", ninth),
												Map.of("beneficiaryId", ORCHARD, "amount", ninth))),
								Map.of("use", "COLLECTIVE_RESERVE", "amount", third))));
		response.errors().verify();
		response.path("recordIncome.asset.incomes.edges[0].node.distributed")
			.entity(String.class)
			.isEqualTo("1234567.89");
		response.path("recordIncome.change.after.income.amount").entity(String.class).isEqualTo("1234567.89");
		GraphQlTester.Response provenance = provenance(registerNo);
		provenance.path("provenance.asset.originalValue").entity(String.class).isEqualTo("1234567.89");
		provenance.path("provenance.incomeTotal").entity(String.class).isEqualTo("1234567.89");
		provenance.path("provenance.distributedTotal").entity(String.class).isEqualTo("1234567.89");
		provenance.path("provenance.beneficiaryTotal").entity(String.class).isEqualTo(third);
		// The store holds integer fen.
		assertThat(strings("""
				MATCH (a:Asset {registerNo: $registerNo})-[:EARNED]->(i:Income)-[:USED_FOR]->(u:IncomeUse)
				RETURN valueType(a.originalValue) + ' ' + a.originalValue + ' ' + valueType(i.amount) + ' '
				       + i.amount + ' ' + valueType(u.amount) + ' ' + u.amount""", registerNo))
			.containsOnly("INTEGER NOT NULL 123456789 INTEGER NOT NULL 123456789 INTEGER NOT NULL 41152263");
	}

	@Test
	void sharesAddUpToExactlyOneHundred() {
		String registerNo = register("ZC-450102101201-9103", "90000.00",
				List.of(owner(COLLECTIVE, "33.33"), owner(COOPERATIVE, "33.33"), owner(ORCHARD, "33.34")));
		assertThat(strings("""
				MATCH (:Asset {registerNo: $registerNo})-[o:OWNED_BY]->() RETURN valueType(o.share) + ' ' + o.share
				ORDER BY o.share""", registerNo)).containsExactly("INTEGER NOT NULL 3333", "INTEGER NOT NULL 3333",
				"INTEGER NOT NULL 3334");
		Map<String, Object> before = graphSnapshot();
		assertRejected("transferOwnership",
				Map.of("registerNo", registerNo, "date", "2025-06-01", "owners",
						List.of(owner(COLLECTIVE, "33.33"), owner(COOPERATIVE, "33.33"), owner(ORCHARD, "33.33"))),
				"INVALID_ARGUMENT", "owners");
		mutate("transferOwnership",
				Map.of("registerNo", registerNo, "date", "2025-06-01", "owners",
						List.of(owner(COLLECTIVE, "33.33"), owner(COOPERATIVE, "33.33"), owner(ORCHARD, "33.33"))))
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getMessage())
				.isEqualTo("The shares in owners must add up to exactly 100 (percent); they add up to 99.99."));
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	@Test
	void inputsThatWouldLoseAFenAreRefusedNamingTheField() {
		Map<String, Object> before = graphSnapshot();
		Map<String, Object> valid = Map.of("registerNo", "ZC-450102101201-9104", "name", "精确测试", "type", "PV_STATION",
				"category", "OPERATING", "originalValue", "100.00", "completionDate", "2024-01-01", "placeCode",
				VILLAGE, "owners", List.of(owner(COLLECTIVE, "100")));
		for (Object amount : List.of("100.001", "-0.01", "1e3", "abc", 0.105, "1000000000000.00")) {
			assertRejected("registerAsset", with(valid, "originalValue", amount), "INVALID_ARGUMENT",
					"input.originalValue");
		}
		assertRejected("registerAsset", with(valid, "owners", List.of(owner(COLLECTIVE, "100.001"))),
				"INVALID_ARGUMENT", "input.owners[0].share");
		assertRejected("registerAsset", with(valid, "owners", List.of(owner(COLLECTIVE, "100.01"))), "INVALID_ARGUMENT",
				"input.owners[0].share");
		mutate("registerAsset", with(valid, "originalValue", "100.001")).errors()
			.satisfy((errors) -> assertThat(errors.get(0).getMessage())
				.isEqualTo("input.originalValue must be exact to the fen (at most two decimals), was 100.001."));
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	private String register(String registerNo, String value, List<Map<String, Object>> owners) {
		mutate("registerAsset",
				Map.of("registerNo", registerNo, "name", "精确测试资产", "type", "PV_STATION", "category", "OPERATING",
						"originalValue", value, "completionDate", "2024-01-01", "placeCode", VILLAGE, "owners", owners))
			.errors()
			.verify()
			.path("registerAsset.asset.originalValue")
			.entity(String.class)
			.isEqualTo(value);
		return registerNo;
	}

	private GraphQlTester.Response provenance(String registerNo) {
		return this.graphQl.documentName("provenance").variable("registerNo", registerNo).execute();
	}

	private static Map<String, Object> owner(String ownerId, String share) {
		return Map.of("ownerId", ownerId, "share", share);
	}

	private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
		Map<String, Object> changed = new java.util.HashMap<>(input);
		changed.put(key, value);
		return changed;
	}

}
