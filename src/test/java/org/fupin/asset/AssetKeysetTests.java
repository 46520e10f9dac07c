package org.fupin.asset;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.PageQuery;
import org.fupin.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Periods, orders, cursors and filters of the asset register, without a database. */
class AssetKeysetTests {

	private static final Asset ASSET = new Asset("ZC-1", "a", "ROAD", "PUBLIC_WELFARE", Money.parse("1234.50"),
			LocalDate.of(2020, 5, 11), "IN_USE", null, true, "450103101204", null);

	@Test
	void periodsIncludeTheirFirstDayAndExcludeTheirEnd() {
		LocalDate from = LocalDate.of(2021, 10, 30);
		LocalDate to = LocalDate.of(2022, 12, 25);
		assertThat(Ownership.covers(from, to, from.minusDays(1))).isFalse();
		assertThat(Ownership.covers(from, to, from)).isTrue();
		assertThat(Ownership.covers(from, to, to.minusDays(1))).isTrue();
		assertThat(Ownership.covers(from, to, to)).isFalse();
		assertThat(Ownership.covers(from, null, LocalDate.of(2099, 1, 1))).isTrue();
	}

	@Test
	void ordersBreakTiesByRegisterNumberInTheSameDirection() {
		assertThat(AssetOrder.REGISTER_NO_DESC.keyset().orderBy()).isEqualTo("a.registerNo DESC");
		assertThat(AssetOrder.ORIGINAL_VALUE_DESC.keyset().orderBy())
			.isEqualTo("a.originalValue DESC, a.registerNo DESC");
		assertThat(AssetOrder.ORIGINAL_VALUE_DESC.keyset().condition()).isEqualTo(
				"(a.originalValue < $afterValue OR (a.originalValue = $afterValue AND a.registerNo < $afterNo))");
		assertThat(AssetOrder.COMPLETION_DATE_ASC.keyset().condition())
			.isEqualTo("(($afterValue IS NULL AND a.completionDate IS NULL AND a.registerNo > $afterNo) "
					+ "OR ($afterValue IS NOT NULL AND (a.completionDate > $afterValue OR a.completionDate IS NULL "
					+ "OR (a.completionDate = $afterValue AND a.registerNo > $afterNo))))");
	}

	@Test
	void cursorsRoundTripTheirSortValue() {
		for (AssetOrder order : AssetOrder.values()) {
			Map<String, Object> keys = order.keyset().after(order.keyset().cursor(ASSET));
			assertThat(keys.get("afterNo")).isEqualTo("ZC-1");
			Object value = keys.get("afterValue");
			switch (order) {
				case ORIGINAL_VALUE_ASC, ORIGINAL_VALUE_DESC -> assertThat(value).isEqualTo(123450L);
				case COMPLETION_DATE_ASC, COMPLETION_DATE_DESC ->
					assertThat(value).isEqualTo(LocalDate.of(2020, 5, 11));
				default -> assertThat(value).isNull();
			}
		}
	}

	@Test
	void aCursorContinuesOnlyItsOwnOrderAndList() {
		String cursor = AssetOrder.REGISTER_NO_ASC.keyset().cursor(ASSET);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> AssetOrder.ORIGINAL_VALUE_ASC.keyset().after(cursor));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> RecordLists.OWNERSHIP.after(cursor));
		// A cursor of the ownership list whose date was tampered with.
		String tampered = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("ownership\u001f\u001fnot-a-date\u001fX".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> RecordLists.OWNERSHIP.after(tampered))
			.satisfies((ex) -> assertThat(ex.code().name()).isEqualTo("INVALID_CURSOR"));
	}

	@Test
	void filtersRejectWhatCannotMatchAnything() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(
					() -> new AssetFilter(null, null, null, "52x", null, null, null, null, null, null, null, null, null)
						.validated("filter"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("filter.placeCode"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(
					() -> new AssetFilter(null, null, null, null, null, null, null, null, "", null, null, null, null)
						.validated("filter"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("filter.projectCode"));
		assertThat(AssetFilter.NONE.validated("filter").withDefaultAsOf(LocalDate.of(2026, 3, 31)).asOf())
			.isEqualTo(LocalDate.of(2026, 3, 31));
	}

	@Test
	void pagedQueriesCountOnlyWhenTheTotalIsWanted() {
		PageQuery query = new PageQuery("MATCH (a:Asset) WITH a", AssetOrder.REGISTER_NO_ASC.keyset(), "a.registerNo");
		assertThat(query.cypher(false, false)).doesNotContain("count(*)").contains("null AS total");
		assertThat(query.cypher(true, true)).contains("count(*) AS total").contains("WHERE a.registerNo > $afterNo");
	}

}
