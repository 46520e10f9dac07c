package org.fupin.place;

import java.util.Map;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class PlaceCursorTests {

	private static final Place COUNTY = Place.from(Map.of("code", "520204", "name", "水城区:东"));

	@Test
	void aCursorDecodesToTheKeyItWasMadeFrom() {
		String cursor = PlaceOrder.NAME_DESC.keyset().cursor(COUNTY);
		assertThat(PlaceOrder.NAME_DESC.keyset().after(cursor)).containsExactly(entry("afterName", "水城区:东"),
				entry("afterCode", "520204"));
	}

	@Test
	void aCodeOrderCursorCarriesNoName() {
		String cursor = PlaceOrder.CODE_ASC.keyset().cursor(COUNTY);
		assertThat(PlaceOrder.CODE_ASC.keyset().after(cursor)).containsExactly(entry("afterCode", "520204"));
	}

	@Test
	void somethingElseIsNotACursor() {
		assertThatThrownBy(() -> PlaceOrder.CODE_ASC.keyset().after("aGVsbG8")).isInstanceOfSatisfying(
				ApiException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
		assertThatThrownBy(() -> PlaceOrder.CODE_ASC.keyset().after("%%%")).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
	}

}
