package org.fupin.seed;

import org.springframework.test.context.TestPropertySource;

/**
 * Seeded on the system date, as {@code java -jar} with the default configuration does.
 */
@TestPropertySource(properties = "app.today=")
class SeedOnTheSystemDateIT extends PlantedFindingsOnSeedingDay {

}
