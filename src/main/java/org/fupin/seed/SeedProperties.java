package org.fupin.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled load the curated seed dataset at start-up when it is not loaded yet
 * @param location where the seed CSV files are (a Spring resource location)
 * @param packagedStore start a new embedded store from the seeded store the build made,
 * when it is what this start would make ({@link PackagedSeedStore})
 */
@ConfigurationProperties("app.seed")
public record SeedProperties(@DefaultValue("true") boolean enabled, @DefaultValue("classpath:seed/") String location,
		@DefaultValue("true") boolean packagedStore) {
}
