package org.fupin.seed;

import org.fupin.dashboard.DashboardRollups;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the seed dataset once every bean (the migrations among them) is ready and before
 * the web server opens its port, so the first request already sees the seeded graph;
 * skipped with {@code app.seed.enabled=false}. After a load the pairings' place codes are
 * set and the dashboard rollups rebuilt (or built when a store loaded earlier has none).
 */
@Component
@ConditionalOnProperty(prefix = "app.seed", name = "enabled", matchIfMissing = true)
class SeedRunner implements SmartInitializingSingleton {

	private final SeedLoader loader;

	private final DashboardRollups rollups;

	SeedRunner(SeedLoader loader, DashboardRollups rollups) {
		this.loader = loader;
		this.rollups = rollups;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.loader.load().skipped()) {
			this.rollups.rebuildIfMissing();
		}
		else {
			this.rollups.rebuildAfterLoad();
		}
	}

}
