package org.fupin.pairing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PairingKindTests {

	@ParameterizedTest
	@CsvSource({ "EAST_WEST, COUNTY_PAIR, true", "EAST_WEST, INDUSTRY, false",
			"COUNTERPART_SUPPORT, PROVINCE_PAIR, true", "ENTERPRISE_VILLAGE, TALENT, true",
			"ENTERPRISE_VILLAGE, STATIONED, false", "DESIGNATED_ASSISTANCE, CONSUMPTION, true",
			"HOSPITAL_GROUP, MEDICAL, true", "HOSPITAL_GROUP, EDUCATION, false", "SCHOOL_GROUP, EDUCATION, true",
			"RESIDENT_CADRE, STATIONED, true", "RESIDENT_CADRE, INDUSTRY, false" })
	void eachProgramAllowsItsOwnKinds(PairingProgram program, PairingKind kind, boolean allowed) {
		assertThat(PairingKind.allowedFor(program).contains(kind)).isEqualTo(allowed);
	}

	@Test
	void everyKindBelongsToSomeProgram() {
		for (PairingKind kind : PairingKind.values()) {
			assertThat(java.util.Arrays.stream(PairingProgram.values())
				.anyMatch((program) -> PairingKind.allowedFor(program).contains(kind))).as(kind.name()).isTrue();
		}
	}

}
