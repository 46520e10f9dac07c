package org.fupin.register;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every asset mutation through GraphQL on the seed: the exact state it leaves (read back
 * with Cypher), the change event it appends, and each way it can be refused, after which
 * the database is exactly as it was. Each test changes assets no other test touches.
 */
class RegisterMutationsIT extends RegisterTestSupport {

	/**
	 * Disposed in the seed (a transfer to the county's rural revitalisation bureau,
	 * 2023-11-07).
	 */
	private static final String DISPOSED = "ZC-450102101203-0003";

	private static final String UNKNOWN_ASSET = "ZC-450102101201-9999";

	/** The tests' "today" is 2026-03-31 ({@code app.today}). */
	private static final String TOMORROW = "2026-04-01";

	// registerAsset

	@Test
	void registerAssetCreatesTheAssetWithItsPlaceProjectAndOwners() {
		GraphQlTester.Response response = mutate("registerAsset",
				map("registerNo", "ZC-450102101201-0901", "name", "竹坝村光伏电站(二期)", "type", "PV_STATION", "category",
						"OPERATING", "originalValue", "480000.00", "completionDate", "2025-06-30", "placeCode",
						"450102101201", "projectCode", "PRJ-450102-2024-01", "owners",
						List.of(owner("N1450102XKLFEJ2XR0", 100, "QZ-450102-2025-00201"))));
		response.path("registerAsset.change.operation").entity(String.class).isEqualTo("REGISTER_ASSET");
		response.path("registerAsset.change.subjectType").entity(String.class).isEqualTo("Asset");
		response.path("registerAsset.change.subjectId").entity(String.class).isEqualTo("ZC-450102101201-0901");
		response.path("registerAsset.change.before").valueIsNull();
		response.path("registerAsset.change.after.status").entity(String.class).isEqualTo("IN_USE");
		response.path("registerAsset.change.after.owners[0].ownerId")
			.entity(String.class)
			.isEqualTo("N1450102XKLFEJ2XR0");

		assertThat(strings("""
				MATCH (a:Asset {registerNo: $registerNo})-[:LOCATED_IN]->(p:Place), (j:Project)-[:FORMED]->(a)
				RETURN a.name + '|' + a.type + '|' + a.category + '|' + a.originalValue + '|'
				  + toString(a.completionDate) + '|' + a.status + '|' + toString(a.statusSince) + '|' + a.placeCode
				  + '|' + a.version + '|' + a.illustrative + '|' + p.code + '|' + j.code""", "ZC-450102101201-0901"))
			.containsExactly("竹坝村光伏电站(二期)|PV_STATION|OPERATING|48000000|2025-06-30|IN_USE|2025-06-30|450102101201"
					+ "|0|false|450102101201|PRJ-450102-2024-01");
		assertThat(ownership("ZC-450102101201-0901"))
			.containsExactly("N1450102XKLFEJ2XR0|10000|2025-06-30||QZ-450102-2025-00201");
		assertThat(changeEvents("ZC-450102101201-0901")).containsExactly("REGISTER_ASSET|test-admin");
	}

	@Test
	void registerAssetRefusesBadInputAndChangesNothing() {
		Object before = graphSnapshot();
		Map<String, Object> valid = map("registerNo", "ZC-450102101201-0902", "name", "竹坝村冷库", "type", "COLD_STORE",
				"category", "OPERATING", "originalValue", "200000.00", "completionDate", "2025-05-01", "placeCode",
				"450102101201", "projectCode", "PRJ-450102-2024-01", "owners",
				List.of(owner("N1450102XKLFEJ2XR0", 100, null)));
		assertRejected("registerAsset", with(valid, "registerNo", "ZC-450102101201-0002"), "CONFLICT", "registerNo");
		assertRejected("registerAsset", with(valid, "placeCode", "450102101299"), "NOT_FOUND", "placeCode");
		assertRejected("registerAsset", with(valid, "placeCode", "45"), "INVALID_ARGUMENT", "placeCode");
		assertRejected("registerAsset", with(valid, "placeCode", "45010"), "INVALID_CODE", "placeCode");
		assertRejected("registerAsset", with(valid, "projectCode", "PRJ-450102-2099-01"), "NOT_FOUND", "projectCode");
		assertRejected("registerAsset", with(valid, "originalValue", "-1.00"), "INVALID_ARGUMENT",
				"input.originalValue");
		assertRejected("registerAsset", with(valid, "completionDate", TOMORROW), "INVALID_ARGUMENT", "completionDate");
		assertRejected("registerAsset", with(valid, "status", "DISPOSED"), "INVALID_ARGUMENT", "status");
		assertRejected("registerAsset", with(valid, "name", " "), "INVALID_ARGUMENT", "name");
		assertRejected("registerAsset", with(valid, "owners", List.of(owner("N1450102XKLFEJ2XR0", 90, null))),
				"INVALID_ARGUMENT", "owners");
		assertRejected("registerAsset", with(valid, "owners", List.of(owner("N1450102ZZZZZZZZZZ", 100, null))),
				"NOT_FOUND", "owners[0].ownerId");
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	@Test
	void registerAssetRefusesACategoryThatDoesNotFitTheType() {
		Object before = graphSnapshot();
		Map<String, Object> input = map("registerNo", "ZC-450102101201-0903", "name", "竹坝村冷库", "type", "COLD_STORE",
				"category", "PUBLIC_WELFARE", "originalValue", 200000.0, "completionDate", "2025-05-01", "placeCode",
				"450102101201");
		mutate("registerAsset", input).errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
				.containsEntry("field", "category");
			assertThat(errors.get(0).getMessage()).isEqualTo("An asset of type COLD_STORE is OPERATING, not "
					+ "PUBLIC_WELFARE (国办函〔2021〕51号: infrastructure and public services are public welfare, "
					+ "income-earning production assets operating, assets formed for households assigned); "
					+ "register it with a category that fits its type.");
		});
		assertThat(graphSnapshot()).isEqualTo(before);
		// A greenhouse may be a collective's base or a household's own.
		mutate("registerAsset", with(with(input, "type", "GREENHOUSE"), "category", "ASSIGNED"))
			.path("registerAsset.asset.registerNo")
			.entity(String.class)
			.isEqualTo("ZC-450102101201-0903");
	}

	@Test
	void aTransferToAPrivateEnterpriseWithoutApprovalIsAnAssetLoss() {
		String registerNo = "ZC-450102102201-0001";
		mutate("transferOwnership",
				map("registerNo", registerNo, "date", "2025-03-01", "owners",
						List.of(owner("91451022MTAR90EXQB", 100, null))))
			.path("transferOwnership.asset.owners[0].approvalRef")
			.valueIsNull();
		assertThat(findings(registerNo)).contains("OPERATING_ASSET_LOSS 产权于2025-03-01转让给民营企业田东丰泽生物科技有限公司，无审批文号");
		// The same with an approval reference, kept on the new period: no loss.
		mutate("transferOwnership", map("registerNo", registerNo, "date", "2025-03-02", "owners",
				List.of(owner("N14501028Q4HC7222U", 100, null))));
		mutate("transferOwnership",
				map("registerNo", registerNo, "date", "2025-03-03", "owners",
						List.of(owner("91451022MTAR90EXQB", 100, null)), "approvalRef", "兴宁区农振批〔2025〕3号"))
			.path("transferOwnership.asset.owners[0].approvalRef")
			.entity(String.class)
			.isEqualTo("兴宁区农振批〔2025〕3号");
		assertThat(findings(registerNo)).contains("OPERATING_ASSET_LOSS 产权于2025-03-01转让给民营企业田东丰泽生物科技有限公司，无审批文号")
			.noneMatch((finding) -> finding.contains("2025-03-03"));
	}

	private List<String> findings(String registerNo) {
		return this.graphQl.document("query($no: ID!) { asset(registerNo: $no) { auditFindings { rule message } } }")
			.variable("no", registerNo)
			.execute()
			.path("asset.auditFindings")
			.entityList(Map.class)
			.get()
			.stream()
			.map((finding) -> finding.get("rule") + " " + finding.get("message"))
			.toList();
	}

	// transferOwnership

	@Test
	void transferClosesTheOpenPeriodOnTheDateAndOpensTheNewOwnersFromIt() {
		GraphQlTester.Response response = mutate("transferOwnership",
				map("registerNo", "ZC-450102101201-0002", "date", "2025-03-01", "owners",
						List.of(owner("N1450102XKLFEJ2XR0", 60, "QZ-450102-2025-00101"),
								owner("N2450102E5UWQ9GANH", 40, null))));
		response.path("transferOwnership.change.operation").entity(String.class).isEqualTo("TRANSFER_OWNERSHIP");
		response.path("transferOwnership.change.actor").entity(String.class).isEqualTo("test-admin");
		response.path("transferOwnership.change.before")
			.entity(Map.class)
			.isEqualTo(Map.of("owners", List.of(map("ownerId", "N1450102XKLFEJ2XR0", "share", "100.00", "validFrom",
					"2019-07-26", "validTo", null, "certificateNo", "QZ-450102-2019-00007"))));
		response.path("transferOwnership.change.after.date").entity(String.class).isEqualTo("2025-03-01");
		response.path("transferOwnership.change.after.owners[*].share")
			.entityList(String.class)
			.containsExactly("60.00", "40.00");
		response.path("transferOwnership.asset.owners[*].ownerId")
			.entityList(String.class)
			.contains("N1450102XKLFEJ2XR0", "N2450102E5UWQ9GANH")
			.hasSize(2);
		response.path("transferOwnership.asset.ownershipHistory.totalCount").entity(Integer.class).isEqualTo(3);

		assertThat(ownership("ZC-450102101201-0002")).containsExactly(
				"N1450102XKLFEJ2XR0|10000|2019-07-26|2025-03-01|QZ-450102-2019-00007",
				"N1450102XKLFEJ2XR0|6000|2025-03-01||QZ-450102-2025-00101", "N2450102E5UWQ9GANH|4000|2025-03-01||");
		assertThat(status("ZC-450102101201-0002")).isEqualTo("IN_USE|2019-07-26|1");
		assertThat(changeEvents("ZC-450102101201-0002")).containsExactly("TRANSFER_OWNERSHIP|test-admin");
	}

	@Test
	void aTransferAfterOwnershipEndedMustStartWhereTheLastPeriodEnded() {
		// Its only period ended on 2024-11-02 (a planted OPERATING_NO_OWNER violation).
		Map<String, Object> input = map("registerNo", "ZC-510525101203-0005", "date", "2025-01-01", "owners",
				List.of(owner("N1510525P76A277HUE", 100, "QZ-510525-2024-00099")));
		Object before = graphSnapshot();
		assertRejected("transferOwnership", input, "CONFLICT", "date");
		assertThat(graphSnapshot()).isEqualTo(before);
		mutate("transferOwnership", with(input, "date", "2024-11-02")).path("transferOwnership.change.id").hasValue();
		assertThat(ownership("ZC-510525101203-0005")).containsExactly(
				"N1510525P76A277HUE|10000|2024-06-26|2024-11-02|QZ-510525-2024-00020",
				"N1510525P76A277HUE|10000|2024-11-02||QZ-510525-2024-00099");
	}

	@Test
	void transferRefusesBadInputAndChangesNothing() {
		Object before = graphSnapshot();
		// Owned by 花溪村股份经济合作社 since 2017-03-31.
		Map<String, Object> valid = map("registerNo", "ZC-450102101202-0002", "date", "2025-02-01", "owners",
				List.of(owner("N14501022XP5886QFN", 70, null), owner("N2450102E5UWQ9GANH", 30, null)));
		assertRejected("transferOwnership", with(valid, "registerNo", UNKNOWN_ASSET), "NOT_FOUND", "registerNo");
		assertRejected("transferOwnership",
				with(valid, "owners",
						List.of(owner("N14501022XP5886QFN", 60, null), owner("N2450102E5UWQ9GANH", 30, null))),
				"INVALID_ARGUMENT", "owners");
		assertRejected("transferOwnership", with(valid, "owners", List.of()), "INVALID_ARGUMENT", "owners");
		assertRejected("transferOwnership",
				with(valid, "owners",
						List.of(owner("N14501022XP5886QFN", 110, null), owner("N2450102E5UWQ9GANH", -10, null))),
				"INVALID_ARGUMENT", "input.owners[0].share");
		assertRejected("transferOwnership",
				with(valid, "owners",
						List.of(owner("N14501022XP5886QFN", 50, null), owner("N14501022XP5886QFN", 50, null))),
				"INVALID_ARGUMENT", "owners[1].ownerId");
		assertRejected("transferOwnership",
				with(valid, "owners",
						List.of(owner("N14501022XP5886QFN", 70, null), owner("N2450102ZZZZZZZZZZ", 30, null))),
				"NOT_FOUND", "owners[1].ownerId");
		assertRejected("transferOwnership", with(valid, "owners", List.of(owner("450102101202", 100, null))),
				"INVALID_ARGUMENT", "owners[0].ownerId");
		assertRejected("transferOwnership", with(valid, "date", TOMORROW), "INVALID_ARGUMENT", "date");
		assertRejected("transferOwnership", with(valid, "date", "2017-03-31"), "CONFLICT", "date");
		assertRejected("transferOwnership", with(valid, "date", "2016-12-31"), "CONFLICT", "date");
		assertRejected("transferOwnership", with(valid, "registerNo", DISPOSED), "CONFLICT", "registerNo");
		// Periods overlap in the seed: the closed one runs until 2020-02-09, the open one
		// began 2019-07-08.
		assertRejected("transferOwnership", with(valid, "registerNo", "ZC-510824103202-0004", "date", "2019-12-01"),
				"CONFLICT", "date");
		assertThat(ownership("ZC-450102101202-0002"))
			.containsExactly("N14501022XP5886QFN|10000|2017-03-31||QZ-450102-2017-00011");
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	// assignCustody

	@Test
	void assignCustodyEndsTheCurrentCustodyAndStartsANewOne() {
		GraphQlTester.Response response = mutate("assignCustody",
				map("registerNo", "ZC-450102101201-0003", "custodianId", "11450102D5EPKCB98P", "responsiblePersonId",
						"P000183", "duty", "校舍安全巡查、维修养护", "validFrom", "2025-09-01"));
		response.path("assignCustody.change.operation").entity(String.class).isEqualTo("ASSIGN_CUSTODY");
		response.path("assignCustody.change.before.custody.id")
			.entity(String.class)
			.isEqualTo("CU-ZC-450102101201-0003-1");
		response.path("assignCustody.change.after.custody")
			.entity(Map.class)
			.isEqualTo(Map.of("id", "CU-ZC-450102101201-0003-2", "custodianId", "11450102D5EPKCB98P",
					"responsiblePersonId", "P000183", "duty", "校舍安全巡查、维修养护", "validFrom", "2025-09-01"));
		response.path("assignCustody.asset.custody.id").entity(String.class).isEqualTo("CU-ZC-450102101201-0003-2");
		response.path("assignCustody.asset.custody.custodian")
			.entity(Map.class)
			.isEqualTo(Map.of("creditCode", "11450102D5EPKCB98P", "name", "高堡镇人民政府"));
		response.path("assignCustody.asset.custodyHistory.totalCount").entity(Integer.class).isEqualTo(2);
		assertThat(custody("ZC-450102101201-0003")).containsExactly(
				"CU-ZC-450102101201-0003-1|N1450102XKLFEJ2XR0|P000182|校舍安全巡查、维修养护|2022-06-06|2025-09-01|true",
				"CU-ZC-450102101201-0003-2|11450102D5EPKCB98P|P000183|校舍安全巡查、维修养护|2025-09-01||false");
		assertThat(status("ZC-450102101201-0003")).isEqualTo("IN_USE|2022-06-06|1");
	}

	@Test
	void assignCustodyGivesAnAssetWithoutCustodyItsFirst() {
		// A planted PUBLIC_WELFARE_NO_CUSTODIAN violation: a clinic nobody looks after.
		mutate("assignCustody",
				map("registerNo", "ZC-513227103204-0002", "custodianId", "N1513227Y5Q1C4K82R", "responsiblePersonId",
						"P000685", "duty", "房屋设备维护、日常保洁", "validFrom", "2025-10-08"))
			.path("assignCustody.change.before.custody")
			.valueIsNull();
		assertThat(custody("ZC-513227103204-0002"))
			.containsExactly("CU-ZC-513227103204-0002-1|N1513227Y5Q1C4K82R|P000685|房屋设备维护、日常保洁|2025-10-08||false");
	}

	@Test
	void assignCustodyRefusesBadInputAndChangesNothing() {
		Object before = graphSnapshot();
		// In custody of 竹坝村股份经济合作社 since 2024-01-27.
		Map<String, Object> valid = map("registerNo", "ZC-450102101201-0004", "custodianId", "11450102D5EPKCB98P",
				"responsiblePersonId", "P000183", "duty", "水源保护", "validFrom", "2025-05-01");
		assertRejected("assignCustody", with(valid, "registerNo", UNKNOWN_ASSET), "NOT_FOUND", "registerNo");
		assertRejected("assignCustody", with(valid, "responsiblePersonId", "P999999"), "NOT_FOUND",
				"responsiblePersonId");
		assertRejected("assignCustody", with(valid, "custodianId", "11450102ZZZZZZZZZZ"), "NOT_FOUND", "custodianId");
		assertRejected("assignCustody", with(valid, "custodianId", "H45010210120104"), "INVALID_ARGUMENT",
				"custodianId");
		assertRejected("assignCustody", with(valid, "duty", ""), "INVALID_ARGUMENT", "duty");
		assertRejected("assignCustody", with(valid, "validFrom", TOMORROW), "INVALID_ARGUMENT", "validFrom");
		assertRejected("assignCustody", with(valid, "validFrom", "2024-01-27"), "CONFLICT", "validFrom");
		assertRejected("assignCustody", with(valid, "registerNo", DISPOSED), "CONFLICT", "registerNo");
		assertThat(custody("ZC-450102101201-0004"))
			.containsExactly("CU-ZC-450102101201-0004-1|N1450102XKLFEJ2XR0|P000182|水源保护、管网巡检、水质监测|2024-01-27||true");
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	// recordOperationContract

	@Test
	void recordOperationContractLinksTheContractAndItsOperator() {
		mutate("recordOperationContract",
				map("registerNo", "ZC-450102102203-0002", "contractNo", "HT-ZC-450102102203-0002-1", "operatorId",
						"N2450102FBFFCW7DBP", "mode", "LEASE", "startDate", "2025-01-01", "endDate", "2030-01-01",
						"annualRent", "20000.00"))
			.path("recordOperationContract.change.after.contract")
			.entity(Map.class)
			.isEqualTo(Map.of("contractNo", "HT-ZC-450102102203-0002-1", "mode", "LEASE", "startDate", "2025-01-01",
					"endDate", "2030-01-01", "annualRent", "20000.00", "operatorId", "N2450102FBFFCW7DBP"))
			.path("recordOperationContract.asset.operationContracts")
			.entity(Map.class)
			.isEqualTo(Map.of("totalCount", 1, "edges",
					List.of(Map.of("node",
							Map.of("contractNo", "HT-ZC-450102102203-0002-1", "mode", "LEASE", "startDate",
									"2025-01-01", "endDate", "2030-01-01", "annualRent", "20000.00", "operator",
									Map.of("creditCode", "N2450102FBFFCW7DBP", "name", "新洞村水果种植专业合作社"))))));
		assertThat(strings("""
				MATCH (:Asset {registerNo: $registerNo})-[:HAS_CONTRACT]->(k:OperationContract)-[:OPERATOR]->(o)
				RETURN k.contractNo + '|' + o.creditCode + '|' + k.mode + '|' + toString(k.startDate) + '|'
				  + toString(k.endDate) + '|' + k.annualRent + '|' + k.illustrative""", "ZC-450102102203-0002"))
			.containsExactly("HT-ZC-450102102203-0002-1|N2450102FBFFCW7DBP|LEASE|2025-01-01|2030-01-01|2000000|false");
		assertThat(status("ZC-450102102203-0002")).isEqualTo("IN_USE|2019-05-02|1");
	}

	@Test
	void recordOperationContractRefusesBadInputAndChangesNothing() {
		Object before = graphSnapshot();
		Map<String, Object> valid = map("registerNo", "ZC-450102102203-0001", "contractNo", "HT-ZC-450102102203-0001-2",
				"operatorId", "N2450102FBFFCW7DBP", "mode", "CONTRACTING", "startDate", "2026-06-22", "endDate",
				"2031-06-22", "annualRent", "25000.00");
		assertRejected("recordOperationContract", with(valid, "registerNo", UNKNOWN_ASSET), "NOT_FOUND", "registerNo");
		assertRejected("recordOperationContract", with(valid, "contractNo", "HT-ZC-450102101201-0002-1"), "CONFLICT",
				"contractNo");
		assertRejected("recordOperationContract", with(valid, "endDate", "2026-06-22"), "INVALID_ARGUMENT", "endDate");
		assertRejected("recordOperationContract", with(valid, "annualRent", "-100.00"), "INVALID_ARGUMENT",
				"input.annualRent");
		assertRejected("recordOperationContract", with(valid, "operatorId", "N2450102ZZZZZZZZZZ"), "NOT_FOUND",
				"operatorId");
		assertRejected("recordOperationContract", with(valid, "registerNo", DISPOSED), "CONFLICT", "registerNo");
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	// recordIncome

	@Test
	void recordIncomeCreatesTheIncomeItsUsesAndBeneficiaries() {
		mutate("recordIncome",
				map("registerNo", "ZC-450103102201-0003", "year", 2025, "amount", "50000.00", "uses",
						List.of(map("use", "MAINTENANCE", "amount", "5000.00"),
								map("use", "HOUSEHOLD_DIVIDEND", "amount", "30000.00", "beneficiaries",
										List.of(map("beneficiaryId", "H45010310220101", "amount", "15000.00"),
												map("beneficiaryId", "H45010310220102", "amount", "15000.00"))),
								map("use", "VILLAGE_PUBLIC_WELFARE", "amount", "5000.00", "beneficiaries",
										List.of(map("beneficiaryId", "450103102201", "amount", "5000.00"))),
								map("use", "COLLECTIVE_RESERVE", "amount", "10000.00", "beneficiaries",
										List.of(map("beneficiaryId", "N1450103ELCHPB2PCE", "amount", "10000.00"))))))
			.path("recordIncome.change.after.income.id")
			.entity(String.class)
			.isEqualTo("INC-ZC-450103102201-0003-2025")
			.path("recordIncome.asset.incomes.edges[*].node.year")
			.entityList(Integer.class)
			.containsExactly(2022, 2023, 2024, 2025)
			.path("recordIncome.asset.incomes.edges[3].node.distributed")
			.entity(String.class)
			.isEqualTo("50000.00")
			.path("recordIncome.asset.incomes.edges[3].node.uses[1].beneficiaries.edges[*].node.beneficiaryId")
			.entityList(String.class)
			.contains("H45010310220101", "H45010310220102")
			.hasSize(2);
		assertThat(strings("""
				MATCH (:Asset {registerNo: $registerNo})-[:EARNED]->(i:Income {year: 2025})-[:USED_FOR]->(u:IncomeUse)
				OPTIONAL MATCH (u)-[b:BENEFITS]->(p)
				WITH i, u, b, coalesce(p.creditCode, p.householdNo, p.code) AS beneficiary
				ORDER BY u.id, beneficiary
				WITH i, u, collect(beneficiary + ':' + b.amount) AS beneficiaries
				RETURN i.id + '|' + i.amount + '|' + i.illustrative + '|' + u.id + '|' + u.use + '|' + u.amount + '|'
				  + reduce(s = '', x IN beneficiaries | s + x + ' ')
				ORDER BY u.id""", "ZC-450103102201-0003")).containsExactly(
				"INC-ZC-450103102201-0003-2025|5000000|false|INC-ZC-450103102201-0003-2025-U1|MAINTENANCE|500000|",
				"INC-ZC-450103102201-0003-2025|5000000|false|INC-ZC-450103102201-0003-2025-U2|HOUSEHOLD_DIVIDEND|3000000"
						+ "|H45010310220101:1500000 H45010310220102:1500000 ",
				"INC-ZC-450103102201-0003-2025|5000000|false|INC-ZC-450103102201-0003-2025-U3|VILLAGE_PUBLIC_WELFARE"
						+ "|500000|450103102201:500000 ",
				"INC-ZC-450103102201-0003-2025|5000000|false|INC-ZC-450103102201-0003-2025-U4|COLLECTIVE_RESERVE"
						+ "|1000000|N1450103ELCHPB2PCE:1000000 ");
		assertThat(status("ZC-450103102201-0003")).isEqualTo("IN_USE|2018-06-23|1");
	}

	@Test
	void recordIncomeRefusesBadInputAndChangesNothing() {
		Object before = graphSnapshot();
		Map<String, Object> dividend = map("use", "HOUSEHOLD_DIVIDEND", "amount", "6000.00", "beneficiaries",
				List.of(map("beneficiaryId", "H45010310220101", "amount", "3000.00"),
						map("beneficiaryId", "H45010310220103", "amount", "3000.00")));
		Map<String, Object> valid = map("registerNo", "ZC-450103102201-0004", "year", 2025, "amount", "10000.00",
				"uses", List.of(map("use", "MAINTENANCE", "amount", "4000.00"), dividend));
		assertRejected("recordIncome", with(valid, "registerNo", UNKNOWN_ASSET), "NOT_FOUND", "registerNo");
		assertRejected("recordIncome", with(valid, "year", 2024), "CONFLICT", "year");
		assertRejected("recordIncome", with(valid, "year", 2019), "INVALID_ARGUMENT", "year");
		assertRejected("recordIncome", with(valid, "year", 2027), "INVALID_ARGUMENT", "year");
		assertRejected("recordIncome", with(valid, "amount", "-10000.00"), "INVALID_ARGUMENT", "input.amount");
		assertRejected("recordIncome", with(valid, "amount", "11000.00"), "INVALID_ARGUMENT", "uses");
		assertRejected("recordIncome", with(valid, "uses", List.of()), "INVALID_ARGUMENT", "uses");
		assertRejected("recordIncome",
				with(valid, "uses",
						List.of(map("use", "MAINTENANCE", "amount", "3500.00"), with(dividend, "amount", "6500.00"))),
				"INVALID_ARGUMENT", "uses[1].beneficiaries");
		assertRejected("recordIncome", with(valid, "uses", List.of(map("use", "MAINTENANCE", "amount", "4000.00"),
				map("use", "MAINTENANCE", "amount", "6000.00"))), "INVALID_ARGUMENT", "uses[1].use");
		assertRejected("recordIncome",
				with(valid, "uses",
						List.of(map("use", "MAINTENANCE", "amount", "4000.00"),
								with(dividend, "beneficiaries",
										List.of(map("beneficiaryId", "H45010310229999", "amount", "6000.00"))))),
				"NOT_FOUND", "uses[1].beneficiaries[0].beneficiaryId");
		assertRejected("recordIncome", with(valid, "registerNo", DISPOSED, "year", 2024), "CONFLICT", "year");
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	// changeAssetStatus

	@Test
	void changeAssetStatusSetsTheStatusAndSince() {
		mutate("changeAssetStatus", map("registerNo", "ZC-450102101202-0003", "status", "IDLE", "since", "2025-09-01"))
			.path("changeAssetStatus.change")
			.entity(Map.class)
			.satisfies((change) -> {
				assertThat(change.get("before")).isEqualTo(Map.of("status", "IN_USE", "statusSince", "2019-07-31"));
				assertThat(change.get("after")).isEqualTo(Map.of("status", "IDLE", "statusSince", "2025-09-01"));
			})
			.path("changeAssetStatus.asset.changes.totalCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("changeAssetStatus.asset.changes.edges[0].node.operation")
			.entity(String.class)
			.isEqualTo("CHANGE_ASSET_STATUS");
		assertThat(status("ZC-450102101202-0003")).isEqualTo("IDLE|2025-09-01|1");
		this.graphQl.document("{ asset(registerNo: \"ZC-450102101202-0003\") { status statusSince } }")
			.execute()
			.path("asset")
			.entity(Map.class)
			.isEqualTo(Map.of("status", "IDLE", "statusSince", "2025-09-01"));
	}

	@Test
	void changeAssetStatusRefusesBadInputAndChangesNothing() {
		Object before = graphSnapshot();
		// In use since 2018-11-09.
		Map<String, Object> valid = map("registerNo", "ZC-450103101203-0001", "status", "DAMAGED", "since",
				"2025-07-01");
		assertRejected("changeAssetStatus", with(valid, "registerNo", UNKNOWN_ASSET), "NOT_FOUND", "registerNo");
		assertRejected("changeAssetStatus", with(valid, "status", "DISPOSED"), "INVALID_ARGUMENT", "status");
		assertRejected("changeAssetStatus", with(valid, "status", "IN_USE"), "CONFLICT", "status");
		assertRejected("changeAssetStatus", with(valid, "since", "2018-11-08"), "CONFLICT", "since");
		assertRejected("changeAssetStatus", with(valid, "since", TOMORROW), "INVALID_ARGUMENT", "since");
		assertRejected("changeAssetStatus", with(valid, "registerNo", DISPOSED), "CONFLICT", "registerNo");
		assertThat(status("ZC-450103101203-0001")).isEqualTo("IN_USE|2018-11-09|0");
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	// disposeAsset

	@Test
	void disposeAssetEndsOwnershipCustodyAndContractsAndRefusesLaterChanges() {
		String registerNo = "ZC-450103101201-0005";
		mutate("disposeAsset",
				map("registerNo", registerNo, "mode", "SCRAP", "date", "2026-03-01", "approvalRef", "青秀区农振批〔2026〕7号",
						"proceeds", "1500.00"))
			.path("disposeAsset.change.after.disposal")
			.entity(Map.class)
			.isEqualTo(map("id", "DSP-ZC-450103101201-0005", "mode", "SCRAP", "date", "2026-03-01", "approvalRef",
					"青秀区农振批〔2026〕7号", "proceeds", "1500.00", "transfereeId", null))
			.path("disposeAsset.asset.disposal")
			.entity(Map.class)
			.isEqualTo(map("id", "DSP-ZC-450103101201-0005", "mode", "SCRAP", "date", "2026-03-01", "approvalRef",
					"青秀区农振批〔2026〕7号", "proceeds", "1500.00", "transferee", null))
			.path("disposeAsset.asset.owners")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(status(registerNo)).isEqualTo("DISPOSED|2026-03-01|1");
		assertThat(ownership(registerNo))
			.containsExactly("914503290QQD7QL050|10000|2021-06-16|2026-03-01|QZ-450103-2021-00015");
		assertThat(custody(registerNo)).containsExactly(
				"CU-ZC-450103101201-0005-1|N14501036KL6BC7DD6|P000193|日常巡查、设施设备维护|2021-06-16|2026-03-01|true");
		assertThat(strings("""
				MATCH (a:Asset {registerNo: $registerNo})-[:HAS_CONTRACT]->(k), (a)-[:DISPOSED_BY]->(d:Disposal)
				RETURN k.contractNo + '|' + toString(k.endDate) + '|' + d.id + '|' + d.mode + '|' + toString(d.date)
				  + '|' + d.approvalRef + '|' + d.proceeds + '|' + d.illustrative""", registerNo))
			.containsExactlyInAnyOrder(
					"HT-ZC-450103101201-0005-1|2026-03-01|DSP-ZC-450103101201-0005|SCRAP|2026-03-01"
							+ "|青秀区农振批〔2026〕7号|150000|false",
					"HT-ZC-450103101201-0005-2|2026-03-01|DSP-ZC-450103101201-0005|SCRAP|2026-03-01"
							+ "|青秀区农振批〔2026〕7号|150000|false");

		Object before = graphSnapshot();
		assertRejected("transferOwnership", map("registerNo", registerNo, "date", "2026-03-15", "owners",
				List.of(owner("N14501036KL6BC7DD6", 100, null))), "CONFLICT", "registerNo");
		assertRejected(
				"assignCustody", map("registerNo", registerNo, "custodianId", "N14501036KL6BC7DD6",
						"responsiblePersonId", "P000193", "duty", "看护", "validFrom", "2026-03-15"),
				"CONFLICT", "registerNo");
		assertRejected("recordOperationContract",
				map("registerNo", registerNo, "contractNo", "HT-ZC-450103101201-0005-3", "operatorId",
						"914503290QQD7QL050", "mode", "LEASE", "startDate", "2026-03-15", "endDate", "2027-03-15",
						"annualRent", "1.00"),
				"CONFLICT", "registerNo");
		assertRejected("changeAssetStatus", map("registerNo", registerNo, "status", "IN_USE", "since", "2026-03-15"),
				"CONFLICT", "registerNo");
		assertRejected("disposeAsset",
				map("registerNo", registerNo, "mode", "SCRAP", "date", "2026-03-15", "approvalRef", "青秀区农振批〔2026〕8号"),
				"CONFLICT", "registerNo");
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	@Test
	void aSaleGivesTheTransfereeTheWholeShareFromTheDisposalDate() {
		String registerNo = "ZC-450103101203-0004";
		mutate("disposeAsset",
				map("registerNo", registerNo, "mode", "SALE", "date", "2026-02-01", "approvalRef", "青秀区农振批〔2026〕3号",
						"proceeds", "300000.00", "transfereeId", "N2450102E5UWQ9GANH"))
			.path("disposeAsset.change.before.owners[0].ownerId")
			.entity(String.class)
			.isEqualTo("N1450103GWYX4971RG")
			.path("disposeAsset.asset.owners")
			.entity(List.class)
			.isEqualTo(List.of(Map.of("ownerId", "N2450102E5UWQ9GANH", "share", "100.00", "validFrom", "2026-02-01")))
			.path("disposeAsset.asset.status")
			.entity(String.class)
			.isEqualTo("DISPOSED");
		assertThat(ownership(registerNo)).containsExactly(
				"N1450103GWYX4971RG|10000|2017-05-15|2026-02-01|QZ-450103-2017-00023",
				"N2450102E5UWQ9GANH|10000|2026-02-01||");
		assertThat(strings("""
				MATCH (:Asset {registerNo: $registerNo})-[:DISPOSED_BY]->(d)-[:TRANSFERRED_TO]->(o)
				RETURN d.mode + '|' + o.creditCode""", registerNo)).containsExactly("SALE|N2450102E5UWQ9GANH");
	}

	@Test
	void disposeAssetRefusesBadInputAndChangesNothing() {
		Object before = graphSnapshot();
		// In use and in custody since 2018-05-14.
		Map<String, Object> valid = map("registerNo", "ZC-450103101204-0002", "mode", "SCRAP", "date", "2026-01-15",
				"approvalRef", "青秀区农振批〔2026〕9号", "proceeds", "100.00");
		assertRejected("disposeAsset", with(valid, "registerNo", UNKNOWN_ASSET), "NOT_FOUND", "registerNo");
		assertRejected("disposeAsset", with(valid, "approvalRef", "  "), "INVALID_ARGUMENT", "approvalRef");
		assertRejected("disposeAsset", with(valid, "mode", "SALE"), "INVALID_ARGUMENT", "transfereeId");
		assertRejected("disposeAsset", with(valid, "transfereeId", "N2450102E5UWQ9GANH"), "INVALID_ARGUMENT",
				"transfereeId");
		assertRejected("disposeAsset", with(valid, "mode", "TRANSFER", "transfereeId", "N2450102ZZZZZZZZZZ"),
				"NOT_FOUND", "transfereeId");
		assertRejected("disposeAsset", with(valid, "proceeds", "-1.00"), "INVALID_ARGUMENT", "input.proceeds");
		assertRejected("disposeAsset", with(valid, "date", TOMORROW), "INVALID_ARGUMENT", "date");
		assertRejected("disposeAsset", with(valid, "date", "2018-05-01"), "CONFLICT", "date");
		assertRejected("disposeAsset", with(valid, "registerNo", DISPOSED), "CONFLICT", "registerNo");
		assertThat(status("ZC-450103101204-0002")).isEqualTo("IN_USE|2018-05-14|0");
		assertThat(graphSnapshot()).isEqualTo(before);
	}

	/**
	 * Custody periods: id|custodian|person|duty|validFrom|validTo|illustrative, oldest
	 * first.
	 */
	private List<String> custody(String registerNo) {
		return strings("""
				MATCH (:Asset {registerNo: $registerNo})-[:HAS_CUSTODY]->(c:Custody)-[:CUSTODIAN]->(o)
				OPTIONAL MATCH (c)-[:RESPONSIBLE_PERSON]->(p)
				RETURN c.id + '|' + o.creditCode + '|' + coalesce(p.personId, '') + '|' + c.duty + '|'
				  + toString(c.validFrom) + '|' + coalesce(toString(c.validTo), '') + '|' + c.illustrative
				ORDER BY c.validFrom""", registerNo);
	}

	private List<String> changeEvents(String registerNo) {
		return strings("""
				MATCH (e:ChangeEvent)-[:CHANGED]->(:Asset {registerNo: $registerNo})
				RETURN e.operation + '|' + e.actor ORDER BY e.at""", registerNo);
	}

	/** A copy of {@code input} with some values replaced. */
	private static Map<String, Object> with(Map<String, Object> input, Object... keysAndValues) {
		Map<String, Object> copy = map();
		copy.putAll(input);
		copy.putAll(map(keysAndValues));
		return copy;
	}

}
