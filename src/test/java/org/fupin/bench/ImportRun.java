package org.fupin.bench;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The asset ledger import under the benchmark ({@code --import N}): an N-row asset ledger
 * generated over the store's villages, collectives and persons (two owners with shares
 * and certificate numbers, a custodian and a responsible person on every row), uploaded
 * through {@code POST /ledgers/assets/imports?commit=true}, and followed until it is
 * committed: the time to check it, to commit it and in all, rows per second, and the
 * server's heap in use before, at its peak during and after (sampled every 100 ms, as
 * {@link ExportRun} does).
 */
final class ImportRun {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String[]> KINDS = List.of(new String[] { "PV_STATION", "OPERATING" },
			new String[] { "ROAD", "PUBLIC_WELFARE" }, new String[] { "ORCHARD", "ASSIGNED" },
			new String[] { "GREENHOUSE", "OPERATING" }, new String[] { "WATER_SUPPLY", "PUBLIC_WELFARE" });

	private final URI base;

	private final String token;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ImportRun(URI graphQl, String token) {
		this.base = graphQl.resolve("/");
		this.token = token;
	}

	/** Generates, uploads, follows and prints. */
	void run(CypherClient cypher, int rows) throws Exception {
		List<Map<String, Object>> villages = cypher.rows("""
				MATCH (v:Village)<-[:LOCATED_IN]-(o:Organisation)
				WITH v, collect(o.creditCode) AS organisations WHERE size(organisations) >= 1
				RETURN v.code AS code, organisations ORDER BY code""", Map.of());
		List<Object> persons = cypher.rows("MATCH (p:Person) RETURN p.personId AS id ORDER BY id LIMIT 1000", Map.of())
			.stream()
			.map((row) -> row.get("id"))
			.toList();
		List<Object> collectives = cypher
			.rows("MATCH (o:Collective) RETURN o.creditCode AS id ORDER BY id LIMIT 1000", Map.of())
			.stream()
			.map((row) -> row.get("id"))
			.toList();
		Path file = Files.createTempFile("asset-ledger-", ".csv");
		String run = Long.toString(Instant.now().getEpochSecond(), 36).toUpperCase(Locale.ROOT);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("登记编号,资产名称,资产类型,资产类别,原值(元),建成日期,资产状态,所在地代码,产权主体代码,产权份额(%),确权证书号," + "管护主体代码,管护责任人编号,管护责任\n");
			for (int i = 0; i < rows; i++) {
				Map<String, Object> village = villages.get(i % villages.size());
				String code = (String) village.get("code");
				String[] kind = KINDS.get(i % KINDS.size());
				String first = (String) collectives.get(i % collectives.size());
				String second = (String) collectives.get((i + 1) % collectives.size());
				String custodian = (String) ((List<?>) village.get("organisations")).get(0);
				out.write(String.format(Locale.ROOT,
						"ZC-B%s-%07d,基准资产%d,%s,%s,%d.%02d,20%02d-%02d-%02d,IN_USE,%s,%s;%s,"
								+ "60.00;40.00,B%s-%d-1;B%s-%d-2,%s,%s,日常巡查、维护\n",
						run, i, i, kind[0], kind[1], 10_000 + (i * 37) % 900_000, i % 100, 15 + (i % 10), 1 + (i % 12),
						1 + (i % 28), code, first, second, run, i, run, i, custodian, persons.get(i % persons.size())));
			}
		}
		long bytes = Files.size(file);
		System.out.printf(Locale.ROOT, "%s: importing %,d asset rows (%,d bytes) over %d villages, %d collectives%n",
				Instant.now(), rows, bytes, villages.size(), collectives.size());

		System.gc();
		long before = ExportRun.heapUsed(this.http, this.base, this.token);
		AtomicLong peak = new AtomicLong(before);
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					peak.accumulateAndGet(ExportRun.heapUsed(this.http, this.base, this.token), Math::max);
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
		RestClient client = RestClient.builder()
			.baseUrl(this.base.toString())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.build();
		long t0 = System.nanoTime();
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new FileSystemResource(file));
		parts.add("commit", "true");
		String accepted = client.post()
			.uri("/ledgers/assets/imports")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.body(String.class);
		long uploaded = System.nanoTime() - t0;
		String id = JSON.readTree(accepted).get("id").asText();
		long checked = -1;
		JsonNode job;
		while (true) {
			job = JSON.readTree(client.get().uri("/ledgers/imports/" + id).retrieve().body(String.class));
			String state = job.get("state").asText();
			if (checked < 0 && !state.equals("VALIDATING")) {
				checked = System.nanoTime() - t0;
			}
			if (!state.equals("VALIDATING") && !state.equals("COMMITTING")) {
				break;
			}
			Thread.sleep(200);
		}
		long total = System.nanoTime() - t0;
		sampler.interrupt();
		sampler.join();
		System.gc();
		long after = ExportRun.heapUsed(this.http, this.base, this.token);
		Files.deleteIfExists(file);
		System.out.printf(Locale.ROOT,
				"import %s: %s, %d rows read, %d written; upload %.1f s, checked at %.1f s, committed at %.1f s"
						+ " (%,d rows/s over the whole); server heap used: before %d MB, peak %d MB, after %d MB%n",
				id, job.get("state").asText(), job.get("rowsRead").asLong(), job.get("rowsWritten").asLong(),
				uploaded / 1e9, checked / 1e9, total / 1e9, (long) (rows / (total / 1e9)), before >> 20,
				peak.get() >> 20, after >> 20);
		if (!job.get("state").asText().equals("COMMITTED")) {
			System.out.println("not committed: " + job);
		}
	}

}
