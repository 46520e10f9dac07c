package org.fupin.place;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceCursorTests {

	@Test
	void aCursorDecodesToTheKeyItWasMadeFrom() {
		PlaceCursor cursor = new PlaceCursor(PlaceOrder.NAME_DESC, "520204", "水城区:东");
		assertThat(PlaceCursor.decode(cursor.encode(), PlaceOrder.NAME_DESC)).isEqualTo(cursor);
	}

	@Test
	void aCodeOrderCursorCarriesNoName() {
		PlaceCursor cursor = new PlaceCursor(PlaceOrder.CODE_ASC, "520204", "水城区");
		assertThat(PlaceCursor.decode(cursor.encode(), PlaceOrder.CODE_ASC))
			.isEqualTo(new PlaceCursor(PlaceOrder.CODE_ASC, "520204", ""));
	}

	@Test
	void somethingElseIsNotACursor() {
		assertThatThrownBy(() -> PlaceCursor.decode("aGVsbG8", PlaceOrder.CODE_ASC)).isInstanceOfSatisfying(
				ApiException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
		assertThatThrownBy(() -> PlaceCursor.decode("%%%", PlaceOrder.CODE_ASC)).isInstanceOfSatisfying(
				ApiException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
	}

}
