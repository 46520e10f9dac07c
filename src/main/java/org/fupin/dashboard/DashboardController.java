package org.fupin.dashboard;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The dashboard query. */
@Controller
class DashboardController {

	private final DashboardService dashboards;

	DashboardController(DashboardService dashboards) {
		this.dashboards = dashboards;
	}

	@QueryMapping
	Dashboard dashboard(@Argument String placeCode) {
		return this.dashboards.dashboard(placeCode);
	}

}
