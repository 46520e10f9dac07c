package org.fupin.seed;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Seeded three years after the system date. */
class SeedThreeYearsLaterIT extends PlantedFindingsOnSeedingDay {

	@DynamicPropertySource
	static void today(DynamicPropertyRegistry registry) {
		registry.add("app.today", () -> inChina(3));
	}

}
