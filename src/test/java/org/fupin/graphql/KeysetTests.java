package org.fupin.graphql;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/** The paging every list derives from its sort keys, without a database. */
class KeysetTests {

	private record Item(long year, String kind, String id) {
	}

	private enum Order {

		NEWEST

	}

	private static final Keyset<Item> ITEMS = Keyset.ordered("items", Order.NEWEST,
			SortKey.<Item>integer("year", "i.year", Item::year).desc(), SortKey.text("kind", "i.kind", Item::kind),
			SortKey.text("id", "i.id", Item::id));

	@Test
	void theOrderAndTheSeekComeFromTheKeysInTheirDirections() {
		assertThat(ITEMS.orderBy()).isEqualTo("i.year DESC, i.kind ASC, i.id ASC");
		assertThat(ITEMS.condition()).isEqualTo("(i.year < $afterYear OR (i.year = $afterYear AND "
				+ "(i.kind > $afterKind OR (i.kind = $afterKind AND i.id > $afterId))))");
	}

	@Test
	void aCursorGivesBackTheTypedKeysOfItsItem() {
		String cursor = ITEMS.cursor(new Item(2024, "甲", "X-1"));
		assertThat(ITEMS.after(cursor)).containsExactly(entry("afterYear", 2024L), entry("afterKind", "甲"),
				entry("afterId", "X-1"));
		assertThat(ITEMS.after(null)).isNull();
	}

	@Test
	void aCursorOfAnotherListOrOrderOrWithABadValueIsRefused() {
		String other = Keyset.of("others", SortKey.<Item>text("id", "i.id", Item::id)).cursor(new Item(1, "a", "b"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ITEMS.after(other))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_CURSOR))
			.withMessage("'" + other + "' is not a cursor of this list; use an edge's cursor or pageInfo.endCursor.");
		Keyset<Item> unordered = new Keyset<>("items", "", ITEMS.keys());
		String cursor = unordered.cursor(new Item(1, "a", "b"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ITEMS.after(cursor))
			.withMessage("The cursor was made for orderBy  and cannot continue a list ordered by NEWEST.");
		Keyset<Item> textYear = Keyset.ordered("items", Order.NEWEST, SortKey.<Item>text("year", "i.year", Item::kind),
				SortKey.text("kind", "i.kind", Item::kind), SortKey.text("id", "i.id", Item::id));
		String tampered = textYear.cursor(new Item(1, "not-a-year", "b"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ITEMS.after(tampered))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ITEMS.after("%%%"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("after"));
	}

	@Test
	void aPageReadWithOneRowMoreTellsThatANextPageExists() {
		List<Item> rows = List.of(new Item(2024, "a", "1"), new Item(2023, "a", "2"), new Item(2022, "a", "3"));
		Connection<Item> page = ITEMS.connection(rows, new PageRequest(2, "x"), null);
		assertThat(page.edges()).extracting(Connection.Edge::node).containsExactly(rows.get(0), rows.get(1));
		assertThat(page.pageInfo().hasNextPage()).isTrue();
		assertThat(page.pageInfo().hasPreviousPage()).isTrue();
		assertThat(page.pageInfo().endCursor()).isEqualTo(ITEMS.cursor(rows.get(1)));
		assertThat(ITEMS.after(page.pageInfo().endCursor()))
			.isEqualTo(Map.of("afterYear", 2023L, "afterKind", "a", "afterId", "2"));
		assertThat(page.totalCount()).isNull();
		Connection<Item> last = ITEMS.connection(rows.subList(0, 2), new PageRequest(2, null), 2L);
		assertThat(last.pageInfo().hasNextPage()).isFalse();
		assertThat(last.pageInfo().hasPreviousPage()).isFalse();
		assertThat(last.totalCount()).isEqualTo(2L);
	}

}
