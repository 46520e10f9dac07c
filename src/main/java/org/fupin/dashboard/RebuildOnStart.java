package org.fupin.dashboard;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every dashboard rollup once the application is up, when
 * {@code app.dashboard.rebuild-on-start=true}: for a store loaded by other means, or to
 * time the rebuild.
 */
@Component
@ConditionalOnProperty(prefix = "app.dashboard", name = "rebuild-on-start", havingValue = "true")
class RebuildOnStart implements ApplicationRunner {

	private final DashboardRollups rollups;

	RebuildOnStart(DashboardRollups rollups) {
		this.rollups = rollups;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.rollups.rebuildAll();
	}

}
