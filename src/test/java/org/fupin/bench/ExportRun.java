package org.fupin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ledger export under the benchmark ({@code --export PLACE}): the asset ledger of one
 * place (a province's whole register) downloaded as a workbook and as CSV from a store of
 * the national dataset, with the time to the first byte and to the last, the rows and
 * bytes, and the server's heap in use before, at its peak during, and after each download
 * (sampled from {@code /actuator/metrics/jvm.memory.used?tag=area:heap} every 100 ms).
 */
final class ExportRun {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final URI base;

	private final String token;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ExportRun(URI graphQl, String token) {
		this.base = graphQl.resolve("/");
		this.token = token;
	}

	/** Downloads the ledger in both formats and prints one line each. */
	void run(String place, long assets) throws Exception {
		System.out.printf(Locale.ROOT, "%s: exporting the asset ledger of %s (%,d assets in the store there)%n",
				Instant.now(), place.isEmpty() ? "the whole country" : place, assets);
		for (String format : new String[] { "csv", "xlsx" }) {
			String query = place.isEmpty() ? "" : "?placeCode=" + place;
			measure("/ledgers/assets." + format + query, format.equals("csv"));
		}
	}

	private void measure(String path, boolean csv) throws Exception {
		System.gc();
		long before = heapUsed();
		AtomicLong peak = new AtomicLong(before);
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					peak.accumulateAndGet(heapUsed(), Math::max);
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (Exception ex) {
					// a missed sample
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
		long t0 = System.nanoTime();
		HttpResponse<InputStream> response = this.http.send(HttpRequest.newBuilder(this.base.resolve(path))
			.header("Authorization", "Bearer " + this.token)
			.timeout(Duration.ofHours(1))
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		long bytes = 0;
		long lines = 0;
		long firstByte = -1;
		try (InputStream body = response.body()) {
			byte[] buffer = new byte[1 << 16];
			int n;
			while ((n = body.read(buffer)) > 0) {
				if (firstByte < 0) {
					firstByte = System.nanoTime() - t0;
				}
				bytes += n;
				if (csv) {
					for (int i = 0; i < n; i++) {
						if (buffer[i] == '\n') {
							lines++;
						}
					}
				}
			}
		}
		long total = System.nanoTime() - t0;
		sampler.interrupt();
		sampler.join();
		long after = heapUsed();
		System.out.printf(Locale.ROOT,
				"%s  HTTP %d  %s rows  %,d bytes  first byte %.1f s  total %.1f s  server heap used: before %d MB,"
						+ " peak %d MB, after %d MB%n",
				path, response.statusCode(), csv ? String.format(Locale.ROOT, "%,d", lines - 1) : "(workbook)", bytes,
				firstByte / 1e9, total / 1e9, before >> 20, peak.get() >> 20, after >> 20);
	}

	private long heapUsed() throws IOException, InterruptedException {
		return heapUsed(this.http, this.base, this.token);
	}

	/** The server's heap in use, from its actuator (an administrator's metric). */
	static long heapUsed(HttpClient http, URI base, String token) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = http
			.send(HttpRequest.newBuilder(base.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap"))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"The server's heap is an administrator's metric: /actuator/metrics answered "
							+ response.statusCode() + " to this token (--token or --token-request of an ADMIN).");
		}
		JsonNode answer = JSON.readTree(response.body());
		return answer.get("measurements").get(0).get("value").asLong();
	}

	static long assetsBelow(CypherClient cypher, String place) {
		return ((Number) cypher
			.rows("MATCH (a:Asset) WHERE a.placeCode STARTS WITH $place RETURN count(a) AS n", Map.of("place", place))
			.get(0)
			.get("n")).longValue();
	}

}
