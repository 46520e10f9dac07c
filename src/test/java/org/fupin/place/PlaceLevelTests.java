package org.fupin.place;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceLevelTests {

	@ParameterizedTest
	@CsvSource({ "52, PROVINCE", "5202, PREFECTURE", "520204, COUNTY", "520204101, TOWNSHIP", "520204101201, VILLAGE" })
	void theLengthOfACodeGivesItsLevel(String code, PlaceLevel level) {
		assertThat(PlaceLevel.ofCode(code, "code")).isEqualTo(level);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "5", "520", "52020", "5202041", "52020410", "5202041012", "52020410120",
			"5202041012011", "52a2", " 52" })
	void anyOtherLengthOrANonDigitIsNotACode(String code) {
		assertThatThrownBy(() -> PlaceLevel.ofCode(code, "filter.parentCode"))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_CODE);
				assertThat(ex.field()).isEqualTo("filter.parentCode");
			});
	}

	@Test
	void aCodeOfAnotherLevelIsRefusedWithTheExpectedLength() {
		assertThatThrownBy(() -> PlaceLevel.VILLAGE.requireCode("520204", "code"))
			.hasMessage("'520204' is not a village code: a village code has 12 digits.");
	}

	@Test
	void ancestorsAreCodePrefixes() {
		assertThat(PlaceLevel.PROVINCE.ancestorCode("520204101201")).isEqualTo("52");
		assertThat(PlaceLevel.COUNTY.ancestorCode("520204101201")).isEqualTo("520204");
		assertThat(PlaceLevel.TOWNSHIP.ancestorCode("520204101201")).isEqualTo("520204101");
	}

}
