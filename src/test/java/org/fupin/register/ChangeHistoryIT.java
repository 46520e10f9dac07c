package org.fupin.register;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.fupin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change history through GraphQL: three changes of one asset by two users (the
 * subjects of their tokens), read back newest first, a page at a time and filtered.
 */
class ChangeHistoryIT extends RegisterTestSupport {

	/** 云台村光伏电站: in use and in custody since 2024-12-11; no other test changes it. */
	private static final String ASSET = "ZC-450103101204-0001";

	@Test
	void changesListNewestFirstWithActorsPagesAndFilters() {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
		HttpGraphQlTester wang = as(Role.OFFICER, "place=450103", "sub=officer.wang");
		HttpGraphQlTester li = as(Role.ADMIN, "sub=clerk.li");
		wang.documentName("changeAssetStatus")
			.variable("input", map("registerNo", ASSET, "status", "IDLE", "since", "2025-08-01"))
			.execute()
			.path("changeAssetStatus.change.actor")
			.entity(String.class)
			.isEqualTo("officer.wang");
		li.documentName("assignCustody")
			.variable("input",
					map("registerNo", ASSET, "custodianId", "11450103QALXDP05PY", "responsiblePersonId", "P000195",
							"duty", "日常巡查、设施设备维护", "validFrom", "2025-09-01"))
			.execute()
			.path("assignCustody.change.actor")
			.entity(String.class)
			.isEqualTo("clerk.li");
		GraphQlTester.Response last = wang.documentName("changeAssetStatus")
			.variable("input", map("registerNo", ASSET, "status", "IN_USE", "since", "2025-10-01"))
			.execute();
		// asset.changes: the newest three, this one first.
		last.path("changeAssetStatus.asset.changes.totalCount").entity(Integer.class).isEqualTo(3);
		last.path("changeAssetStatus.asset.changes.edges[*].node.operation")
			.entityList(String.class)
			.containsExactly("CHANGE_ASSET_STATUS", "ASSIGN_CUSTODY", "CHANGE_ASSET_STATUS");
		last.path("changeAssetStatus.asset.changes.edges[*].node.actor")
			.entityList(String.class)
			.containsExactly("officer.wang", "clerk.li", "officer.wang");
		OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);

		GraphQlTester.Response all = changes(Map.of("subjectId", ASSET), 20, null);
		all.path("changes.totalCount").entity(Integer.class).isEqualTo(3);
		all.path("changes.edges[0].node.before")
			.entity(Map.class)
			.isEqualTo(Map.of("status", "IDLE", "statusSince", "2025-08-01"));
		all.path("changes.edges[0].node.after")
			.entity(Map.class)
			.isEqualTo(Map.of("status", "IN_USE", "statusSince", "2025-10-01"));
		all.path("changes.edges[1].node.after.custody.id").entity(String.class).isEqualTo("CU-" + ASSET + "-2");
		all.path("changes.edges[1].node.before.custody.custodianId")
			.entity(String.class)
			.isEqualTo("N14501036W17HC8JG8");
		List<String> times = all.path("changes.edges[*].node.at").entityList(String.class).get();
		assertThat(times).hasSize(3)
			.isSortedAccordingTo((a, b) -> OffsetDateTime.parse(b).compareTo(OffsetDateTime.parse(a)));
		List<String> ids = all.path("changes.edges[*].node.id").entityList(String.class).get();

		// Two at a time: the same events in the same order, then nothing more.
		GraphQlTester.Response first = changes(Map.of("subjectId", ASSET), 2, null);
		first.path("changes.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("changes.edges[*].node.id").entityList(String.class).containsExactly(ids.get(0), ids.get(1));
		String cursor = first.path("changes.pageInfo.endCursor").entity(String.class).get();
		GraphQlTester.Response second = changes(Map.of("subjectId", ASSET), 2, cursor);
		second.path("changes.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		second.path("changes.edges[*].node.id").entityList(String.class).containsExactly(ids.get(2));

		assertThat(ids(Map.of("subjectId", ASSET, "actor", "officer.wang"))).containsExactly(ids.get(0), ids.get(2));
		// The README's sample.
		assertThat(ids(Map.of("actor", "officer.wang", "placeCode", "450103101204"))).containsExactly(ids.get(0),
				ids.get(2));
		assertThat(ids(Map.of("subjectId", ASSET, "operation", "ASSIGN_CUSTODY"))).containsExactly(ids.get(1));
		assertThat(ids(Map.of("subjectType", "Asset", "placeCode", "450103101204", "from", start.toString(), "to",
				end.toString())))
			.containsExactlyElementsOf(ids);
		assertThat(ids(Map.of("subjectId", ASSET, "to", start.toString()))).isEmpty();
		assertThat(ids(Map.of("actor", "clerk.li", "placeCode", "450103"))).containsExactly(ids.get(1));
		assertThat(ids(Map.of("subjectId", ASSET, "placeCode", "52"))).isEmpty();
	}

	@Test
	void changesRefuseABadCursorAndAnEmptyPeriod() {
		this.graphQl.documentName("changes")
			.variable("after", "not-a-cursor")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_CURSOR")
				.containsEntry("field", "after"));
		this.graphQl.documentName("changes")
			.variable("filter", Map.of("from", "2026-01-01T00:00:00Z", "to", "2025-01-01T00:00:00Z"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_ARGUMENT")
				.containsEntry("field", "filter.to"));
	}

	@Test
	void assetChangesOfAWholePageLoadWithOneQuery() {
		// Two of the four assets of 杨庄村 (450123101201) change here; no other test changes
		// them.
		mutate("changeAssetStatus",
				map("registerNo", "ZC-450123101201-0001", "status", "DAMAGED", "since", "2025-11-20"))
			.path("changeAssetStatus.change.id")
			.hasValue();
		mutate("changeAssetStatus", map("registerNo", "ZC-450123101201-0003", "status", "IDLE", "since", "2025-12-01"))
			.path("changeAssetStatus.change.id")
			.hasValue();
		long before = startedTransactions();
		GraphQlTester.Response response = this.graphQl.document(
				"""
						{ assets(filter: {placeCode: "450123101201"}, first: 10) {
						    edges { node { registerNo changes(first: 2) { totalCount edges { node { operation after } } } } } } }""")
			.execute();
		long queries = startedTransactions() - before;
		response.path("assets.edges[*].node.registerNo")
			.entityList(String.class)
			.containsExactly("ZC-450123101201-0001", "ZC-450123101201-0002", "ZC-450123101201-0003",
					"ZC-450123101201-0004");
		response.path("assets.edges[*].node.changes.totalCount").entityList(Integer.class).containsExactly(1, 0, 1, 0);
		response.path("assets.edges[2].node.changes.edges[0].node.after")
			.entity(Map.class)
			.isEqualTo(Map.of("status", "IDLE", "statusSince", "2025-12-01"));
		// One query for the assets, one for the four change lists.
		assertThat(queries).isEqualTo(2);
	}

	private GraphQlTester.Response changes(Map<String, Object> filter, int first, String after) {
		return this.graphQl.documentName("changes")
			.variable("filter", filter)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private List<String> ids(Map<String, Object> filter) {
		return changes(filter, 20, null).path("changes.edges[*].node.id").entityList(String.class).get();
	}

}
