package org.fupin.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a dashboard takes to become usable in the browser: from navigation start to
 * the console's {@code fupin:ready} mark, set once the data has arrived and every chart
 * is drawn. Runs headless Chromium against a running server; the first load has an empty
 * browser cache, the others revalidate the static files as a returning user's browser
 * does. Usage (see docs/benchmarks.md, "Console"):
 *
 * <pre>
 * java -cp ... org.fupin.console.DashboardTiming http://localhost:8080 450102 20
 * </pre>
 */
public final class DashboardTiming {

	private static final Logger log = LoggerFactory.getLogger(DashboardTiming.class);

	private DashboardTiming() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			throw new IllegalArgumentException("Usage: DashboardTiming <server URL> <place code> [runs, default 20]");
		}
		URI server = URI.create(args[0]);
		String place = args[1];
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 20;
		List<Double> times = new ArrayList<>();
		try (Browser browser = Browser.open(server.getPort(), server.getHost())) {
			for (int i = 0; i < runs; i++) {
				// A new document each time: an unrelated page first, so the hash route is
				// a real navigation.
				browser.driver().get("about:blank");
				browser.load("/#/dashboard/" + place);
				browser.awaitReady();
				Number ready = (Number) browser
					.script("return performance.getEntriesByName('fupin:ready')[0].startTime;");
				times.add(ready.doubleValue());
			}
			if (!browser.foreignRequests().isEmpty() || !browser.consoleErrors().isEmpty()) {
				throw new IllegalStateException("The page went elsewhere or logged errors: " + browser.foreignRequests()
						+ " " + browser.consoleErrors());
			}
		}
		List<Double> warm = new ArrayList<>(times.subList(1, times.size()));
		warm.sort(Double::compare);
		log.info(
				"Dashboard {} usable after: first load (empty cache) {} ms; {} further loads p50 {} ms, p95 {} ms, max {} ms",
				place, Math.round(times.get(0)), warm.size(), Math.round(percentile(warm, 50)),
				Math.round(percentile(warm, 95)), Math.round(warm.get(warm.size() - 1)));
	}

	private static double percentile(List<Double> sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}
