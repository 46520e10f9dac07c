package org.fupin.seed;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the seed dataset once every bean (the migrations among them) is ready and before
 * the web server opens its port, so the first request already sees the seeded graph;
 * skipped with {@code app.seed.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "app.seed", name = "enabled", matchIfMissing = true)
class SeedRunner implements SmartInitializingSingleton {

	private final SeedLoader loader;

	SeedRunner(SeedLoader loader) {
		this.loader = loader;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.loader.load();
	}

}
