package org.fupin.party;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTests {

	@ParameterizedTest
	@CsvSource({ "张三, 张*", "欧阳小明, 欧***", "罗, 罗" })
	void namesKeepTheirFirstCharacter(String name, String masked) {
		assertThat(PersonalData.maskName(name)).isEqualTo(masked);
	}

	@ParameterizedTest
	@CsvSource({ "610102199001011234, 6101**********1234", "45010200000000002X, 4501**********002X",
			"12345678, ********" })
	void idNumbersKeepRegionAndLastFour(String id, String masked) {
		assertThat(PersonalData.maskIdNumber(id)).isEqualTo(masked);
	}

}
