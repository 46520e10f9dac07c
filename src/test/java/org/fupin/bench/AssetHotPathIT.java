package org.fupin.bench;

import java.util.List;
import java.util.Map;

import org.fupin.IntegrationTest;
import org.fupin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single-asset hot path: the benchmark's {@code assetByRegisterNo} document costs one
 * read transaction, answers what the batched loaders answer for the same asset in a list,
 * and keeps the access checks (masking, place scope). Expected values come from
 * {@code seed/illustrative/*.csv}; "today" is 2026-03-31.
 */
class AssetHotPathIT extends IntegrationTest {

	private static final String DOCUMENT = Workload.load(Workload.DEFAULT).operation("assetByRegisterNo").graphql();

	/** 竹坝村农产品加工厂: owned by the village collective, which also keeps it. */
	private static final String PLANT = "ZC-450102101201-0002";

	/** 竹坝村到户果园(第4户): owned by household H45010210120104 (赵云). */
	private static final String ORCHARD = "ZC-450102101201-0001";

	private static final List<Map<String, Object>> PLACE_PATH = List.of(
			Map.of("level", "PROVINCE", "code", "45", "name", "广西壮族自治区"),
			Map.of("level", "PREFECTURE", "code", "4501", "name", "南宁市"),
			Map.of("level", "COUNTY", "code", "450102", "name", "兴宁区"),
			Map.of("level", "TOWNSHIP", "code", "450102101", "name", "高堡镇"),
			Map.of("level", "VILLAGE", "code", "450102101201", "name", "竹坝村"));

	@Test
	void theBenchDocumentCostsOneReadTransactionAndAnswersTheSeed() {
		HttpGraphQlTester admin = as(Role.ADMIN);
		long before = startedTransactions();
		GraphQlTester.Response response = admin.document(DOCUMENT).variable("registerNo", PLANT).execute();
		assertThat(startedTransactions() - before).isEqualTo(1);
		response.path("asset")
			.entity(Map.class)
			.isEqualTo(Map.of("registerNo", PLANT, "name", "竹坝村农产品加工厂", "type", "PROCESSING_PLANT", "category",
					"OPERATING", "status", "IN_USE", "originalValue", "903971.05", "completionDate", "2019-07-26",
					"placePath", PLACE_PATH, "owners",
					List.of(Map.of("ownerId", "N1450102XKLFEJ2XR0", "share", "100.00", "validFrom", "2019-07-26",
							"certificateNo", "QZ-450102-2019-00007", "owner",
							Map.of("__typename", "Organisation", "name", "竹坝村股份经济合作社", "kind", "COLLECTIVE"))),
					"custody",
					Map.of("id", "CU-ZC-450102101201-0002-1", "duty", "日常巡查、设施设备维护", "validFrom", "2019-07-26",
							"custodian", Map.of("creditCode", "N1450102XKLFEJ2XR0", "name", "竹坝村股份经济合作社"),
							"responsiblePerson", Map.of("personId", "P000182", "name", "罗荣"))));
	}

	@Test
	void theHotPathAnswersWhatTheBatchedLoadersAnswer() {
		HttpGraphQlTester admin = as(Role.ADMIN);
		// The bench document's selection of an asset, asked of every asset of the village
		// through the list, whose fields go through the batched loaders.
		int start = DOCUMENT.indexOf('{', DOCUMENT.indexOf("asset(registerNo")) + 1;
		String fields = DOCUMENT.substring(start, DOCUMENT.lastIndexOf('}', DOCUMENT.lastIndexOf('}') - 1));
		List<Map> listed = admin
			.document(
					"{ assets(filter: {placeCode: \"450102101201\"}, first: 50) { edges { node {" + fields + "} } } }")
			.execute()
			.path("assets.edges[*].node")
			.entityList(Map.class)
			.get();
		assertThat(listed).hasSizeGreaterThanOrEqualTo(2);
		for (Map<?, ?> node : listed) {
			String registerNo = (String) node.get("registerNo");
			long before = startedTransactions();
			admin.document(DOCUMENT)
				.variable("registerNo", registerNo)
				.execute()
				.path("asset")
				.entity(Map.class)
				.isEqualTo(node);
			assertThat(startedTransactions() - before).as(registerNo).isEqualTo(1);
		}
	}

	@Test
	void aHouseholdOwnerIsMaskedWithoutTheGrantAndShownWithIt() {
		String document = """
				query ($registerNo: ID!, $asOf: Date) {
				  asset(registerNo: $registerNo) {
				    registerNo
				    owners(asOf: $asOf) { ownerId owner { ... on Household { householdNo headName idNumber } } }
				  }
				}""";
		long before = startedTransactions();
		GraphQlTester.Response masked = this.graphQl.document(document)
			.variable("registerNo", ORCHARD)
			.variable("asOf", "2020-01-01")
			.execute();
		assertThat(startedTransactions() - before).isEqualTo(1);
		masked.path("asset.owners")
			.entity(List.class)
			.isEqualTo(List.of(Map.of("ownerId", "H45010210120104", "owner",
					Map.of("householdNo", "H45010210120104", "headName", "赵*", "idNumber", "4501**********0046"))));
		as(Role.AUDITOR, "personal-data").document(document)
			.variable("registerNo", ORCHARD)
			.execute()
			.path("asset.owners[0].owner")
			.entity(Map.class)
			.isEqualTo(Map.of("householdNo", "H45010210120104", "headName", "赵云", "idNumber", "450102000000000046"));
	}

	@Test
	void anOfficerOutOfScopeIsRefusedAndOneInScopeServed() {
		as(Role.OFFICER, "place=52").document(DOCUMENT)
			.variable("registerNo", PLANT)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).isNotEmpty();
				assertThat(errors).allSatisfy((error) -> {
					assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
					assertThat(error.getMessage()).contains("is outside your place scope");
				});
			})
			.path("asset")
			.valueIsNull();
		as(Role.OFFICER, "place=450102").document(DOCUMENT)
			.variable("registerNo", PLANT)
			.execute()
			.path("asset.custody.responsiblePerson.name")
			.entity(String.class)
			.isEqualTo("罗荣");
	}

}
