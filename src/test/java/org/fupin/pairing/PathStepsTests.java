package org.fupin.pairing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathStepsTests {

	@Test
	void crossingAPairingFromItsRecipientIsOneStepHelpedBy() {
		List<ConnectionPath.Step> steps = PathSteps.describe(
				List.of(place("520324101203", "长堡村"), pairing("EV-X-520324101203", "ENTERPRISE_VILLAGE", null),
						organisation("91460000RU1M1XRA2Y", "海南金穗供应链管理有限公司")),
				List.of(rel("RECIPIENT", "EV-X-520324101203", "520324101203"),
						rel("HELPER", "EV-X-520324101203", "91460000RU1M1XRA2Y")));
		assertThat(steps).containsExactly(new ConnectionPath.Step("520324101203", "91460000RU1M1XRA2Y", "HELPED_BY",
				"EV-X-520324101203", "长堡村 受 海南金穗供应链管理有限公司 帮扶（万企兴万村，结对 EV-X-520324101203）",
				"长堡村 is helped by 海南金穗供应链管理有限公司 (enterprise-village link, pairing EV-X-520324101203)"));
	}

	@Test
	void placeTreeAndRegistrationStepsReadBothWays() {
		List<ConnectionPath.Step> steps = PathSteps.describe(
				List.of(organisation("91440600184UCFTTWN", "佛山锦程"), place("4406", "佛山市"), place("44", "广东省"),
						place("4404", "珠海市")),
				List.of(rel("LOCATED_IN", "91440600184UCFTTWN", "4406"), rel("PART_OF", "4406", "44"),
						rel("PART_OF", "4404", "44")));
		assertThat(steps).extracting(ConnectionPath.Step::relation)
			.containsExactly("LOCATED_IN", "PART_OF", "CONTAINS");
		assertThat(steps).extracting(ConnectionPath.Step::zh)
			.containsExactly("佛山锦程 位于 佛山市", "佛山市 隶属于 广东省", "广东省 下辖 珠海市");
		assertThat(steps).extracting(ConnectionPath.Step::en)
			.containsExactly("佛山锦程 is registered in 佛山市", "佛山市 is part of 广东省", "广东省 contains 珠海市");
	}

	@Test
	void aPairingUnderAnotherIsAStepOfItsOwn() {
		List<ConnectionPath.Step> steps = PathSteps
			.describe(
					List.of(pairing("CP-4404-520324", "EAST_WEST", LocalDate.of(2021, 1, 1)),
							pairing("EW-44-52", "EAST_WEST", null)),
					List.of(rel("UNDER", "CP-4404-520324", "EW-44-52")));
		assertThat(steps).containsExactly(new ConnectionPath.Step("CP-4404-520324", "EW-44-52", "UNDER",
				"CP-4404-520324", "结对 CP-4404-520324 隶属于 结对 EW-44-52", "结对 CP-4404-520324 sits under 结对 EW-44-52"));
	}

	private static Map<String, Object> place(String code, String name) {
		return Map.of("id", code, "name", name, "type", "Place");
	}

	private static Map<String, Object> organisation(String code, String name) {
		return Map.of("id", code, "name", name, "type", "Organisation");
	}

	private static Map<String, Object> pairing(String id, String program, LocalDate start) {
		Map<String, Object> node = new HashMap<>(Map.of("id", id, "type", "Pairing", "program", program));
		node.put("startDate", start);
		return node;
	}

	private static Map<String, Object> rel(String type, String from, String to) {
		return Map.of("type", type, "from", from, "to", to);
	}

}
