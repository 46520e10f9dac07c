package org.fupin.seed;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the seed dataset once the application (and its migrations) have started, unless
 * {@code app.seed.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "app.seed", name = "enabled", matchIfMissing = true)
class SeedRunner implements ApplicationRunner {

	private final SeedLoader loader;

	SeedRunner(SeedLoader loader) {
		this.loader = loader;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.loader.load();
	}

}
