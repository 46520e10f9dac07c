package org.fupin.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fupin.money.Share;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The platform held under load (docs/benchmarks.md, "Under load"), on the seed store: 128
 * writers transferring the ownership of 4 assets, each call to a date of its own; 1,000
 * readers of asset lists and asset cards; then both at once. Every client is a closed
 * loop of asynchronous HTTP calls (one {@link HttpClient}, one connection per client), so
 * a thousand clients need no thousand threads. For each run it prints throughput, p50 and
 * p99, how many answers carried each error code, and how many requests got no answer;
 * then it checks the ownership invariants of the 4 assets over Bolt.
 */
final class LoadScenarios {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Operating assets of 兴宁区 in the seed, each owned by its village collective. */
	static final List<String> ASSETS = List.of("ZC-450102101203-0002", "ZC-450102101204-0002", "ZC-450102102201-0002",
			"ZC-450102102202-0003");

	/** Owners taking turns: 高堡镇人民政府 and 竹坝村肉牛养殖专业合作社. */
	private static final List<String> OWNERS = List.of("11450102D5EPKCB98P", "N2450102E5UWQ9GANH");

	/**
	 * The server's today, far ahead so that transfers can be dated after the seed's
	 * history; the seed moves its illustrative history to this year when it is loaded, so
	 * the writers start after the latest period of each asset ({@link TransferDates}).
	 */
	static final String TODAY = "2999-12-31";

	private static final String TRANSFER = """
			mutation transfer($input: TransferOwnershipInput!) {
			  transferOwnership(input: $input) { asset { registerNo } change { id } }
			}""";

	private static final String LIST = """
			query assetList($filter: AssetFilter, $first: Int) {
			  assets(filter: $filter, first: $first) {
			    totalCount
			    pageInfo { hasNextPage endCursor }
			    edges { node { registerNo name category type status originalValue completionDate placeCode } }
			  }
			}""";

	private static final String CARD = """
			query assetCard($registerNo: ID!) {
			  asset(registerNo: $registerNo) {
			    registerNo name type category originalValue completionDate status
			    placePath { level code name }
			    owners { ownerId share validFrom owner { __typename ... on Organisation { name } } }
			    custody { duty validFrom custodian { creditCode name } responsiblePerson { name } }
			    project { code name year }
			    incomes { totalCount edges { node { year amount distributed } } }
			  }
			}""";

	/** What one kind of client sends, call after call. */
	@FunctionalInterface
	interface Calls {

		Map<String, Object> body(int client, long call);

	}

	/** One kind of client in a run: how many, and what they send. */
	record Clients(String name, int count, Calls calls) {
	}

	/** A new client per run, so no run sends on a connection idle since the last. */
	private HttpClient http;

	private final URI graphQl;

	/** The next call number of each kind of client: one past the highest sent. */
	private final Map<String, LongAccumulator> calls = new ConcurrentHashMap<>();

	private final String token;

	private final Duration timeout;

	LoadScenarios(URI graphQl, String token, Duration timeout) {
		this.graphQl = graphQl;
		this.token = token;
		this.timeout = timeout;
	}

	/**
	 * The three runs, each {@code duration} long, with invariants checked after each.
	 * @return whether every run held: no {@code INTERNAL_ERROR}, no unanswered request,
	 * invariants intact
	 */
	static boolean runAll(URI graphQl, String bolt, String token, Duration duration, int writers, int readers)
			throws Exception {
		LoadScenarios load = new LoadScenarios(graphQl, token, Duration.ofSeconds(60));
		try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none())) {
			CypherClient cypher = new CypherClient(driver);
			List<String> registerNos = cypher
				.rows("MATCH (a:Asset) RETURN a.registerNo AS registerNo ORDER BY registerNo", Map.of())
				.stream()
				.map((row) -> (String) row.get("registerNo"))
				.toList();
			List<String> places = cypher.rows("""
					MATCH (a:Asset)
					UNWIND [2, 4, 6] AS length
					WITH DISTINCT left(a.placeCode, length) AS code
					RETURN code ORDER BY code""", Map.of()).stream().map((row) -> (String) row.get("code")).toList();
			System.out.printf(Locale.ROOT, "%s: %d assets to read as cards, %d place codes to list by%n", Instant.now(),
					registerNos.size(), places.size());
			TransferDates dates = TransferDates.after(cypher, ASSETS);
			Clients writing = new Clients("writers", writers, (client, call) -> transfer(client, call, dates));
			Clients reading = new Clients("readers", readers,
					(client, call) -> ((client + call) % 2 == 0)
							? list(places.get((int) ((client * 31L + call) % places.size())))
							: card(registerNos.get((int) ((client * 17L + call * 7L) % registerNos.size()))));
			// A few calls in turn first, so the first measured ones do not plan Cypher.
			load.warmUp(List.of(writing, reading));

			boolean held = true;
			for (List<Clients> run : List.of(List.of(writing), List.of(reading), List.of(writing, reading))) {
				String name = String.join(" + ", run.stream().map((c) -> c.count() + " " + c.name()).toList());
				System.out.printf(Locale.ROOT, "%n%s: run \"%s\" for %s; load average %s%n", Instant.now(), name,
						duration, Benchmark.Machine.loadAverage());
				List<Tally> tallies = load.run(run, duration);
				for (Tally tally : tallies) {
					System.out.println("  " + tally.line());
					held &= tally.held();
				}
				List<String> broken = Invariants.check(cypher, ASSETS);
				System.out.println("  invariants of the " + ASSETS.size() + " assets: "
						+ (broken.isEmpty() ? "intact" : "BROKEN " + broken));
				System.out.println("  load average after: " + Benchmark.Machine.loadAverage());
				held &= broken.isEmpty();
			}
			return held;
		}
	}

	/**
	 * Writer {@code client} transfers asset {@code client % 4}, to each owner in turn, on
	 * the next date of that asset: a date no other call on it uses, after every call on
	 * it sent before. Concurrent calls can still reach the database out of order; the
	 * later dated one then wins and the other answers {@code CONFLICT}, as in real life.
	 */
	static Map<String, Object> transfer(int client, long call, TransferDates dates) {
		LocalDate date = dates.next(client % ASSETS.size());
		Map<String, Object> owner = Map.of("ownerId", OWNERS.get((int) Math.floorMod(call, 2L)), "share", 100);
		Map<String, Object> input = Map.of("registerNo", ASSETS.get(client % ASSETS.size()), "date", date.toString(),
				"owners", List.of(owner));
		return Map.of("query", TRANSFER, "variables", Map.of("input", input));
	}

	private static Map<String, Object> list(String placeCode) {
		return Map.of("query", LIST, "variables", Map.of("filter", Map.of("placeCode", placeCode), "first", 20));
	}

	private static Map<String, Object> card(String registerNo) {
		return Map.of("query", CARD, "variables", Map.of("registerNo", registerNo));
	}

	private static HttpClient newClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(30))
			.build();
	}

	private void warmUp(List<Clients> kinds) throws Exception {
		this.http = newClient();
		for (Clients kind : kinds) {
			for (int call = 0; call < 10; call++) {
				// Warm-up writes are dated before every measured one.
				send(kind.calls().body(call, call)).get(this.timeout.toSeconds() + 5, TimeUnit.SECONDS);
			}
		}
	}

	/**
	 * Runs the clients together for {@code duration}; one tally per kind of client. Call
	 * numbers go on from the last run's, so writers keep finding dates after the last
	 * transfer.
	 */
	List<Tally> run(List<Clients> kinds, Duration duration) throws InterruptedException {
		this.http = newClient();
		long end = System.nanoTime() + duration.toNanos();
		List<Tally> tallies = new ArrayList<>();
		List<CompletableFuture<Void>> loops = new ArrayList<>();
		for (Clients kind : kinds) {
			Tally tally = new Tally(kind.name(), kind.count(), duration);
			tallies.add(tally);
			LongAccumulator calls = this.calls.computeIfAbsent(kind.name(), (k) -> new LongAccumulator(Math::max, 0));
			long first = calls.get();
			for (int client = 0; client < kind.count(); client++) {
				CompletableFuture<Void> done = new CompletableFuture<>();
				loops.add(done);
				loop(kind, client, first, end, tally, done);
			}
		}
		for (CompletableFuture<Void> loop : loops) {
			try {
				loop.get(duration.toSeconds() + this.timeout.toSeconds() + 60, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("A client did not finish: " + ex, ex);
			}
		}
		return tallies;
	}

	/** One client: sends its next call when the last one was answered, until the end. */
	private void loop(Clients kind, int client, long call, long end, Tally tally, CompletableFuture<Void> done) {
		if (System.nanoTime() - end >= 0) {
			done.complete(null);
			return;
		}
		Map<String, Object> body = kind.calls().body(client, call);
		this.calls.get(kind.name()).accumulate(call + 1);
		long t0 = System.nanoTime();
		send(body).whenComplete((response, failure) -> {
			tally.record(System.nanoTime() - t0, response, failure);
			// A client refused as busy waits as long as it was asked to, as a real one
			// would; the wait is not counted as latency.
			long pause = (response != null) ? retryAfterMillis(response) : 0;
			Runnable next = () -> loop(kind, client, call + 1, end, tally, done);
			if (pause > 0) {
				CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS).execute(next);
			}
			else {
				next.run();
			}
		});
	}

	private static long retryAfterMillis(HttpResponse<byte[]> response) {
		return response.headers()
			.firstValue("Retry-After")
			.map((seconds) -> TimeUnit.SECONDS.toMillis(Long.parseLong(seconds.strip())))
			.orElse(0L);
	}

	private CompletableFuture<HttpResponse<byte[]>> send(Map<String, Object> body) {
		try {
			HttpRequest request = HttpRequest.newBuilder(this.graphQl)
				.timeout(this.timeout)
				.header("Content-Type", "application/json")
				.header("Accept", "application/graphql-response+json")
				.header("Authorization", "Bearer " + this.token)
				.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
				.build();
			return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/** What one kind of client saw in one run. */
	static final class Tally {

		private final String name;

		private final int clients;

		private final Duration window;

		private final Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);

		/** Answers by outcome: OK, each error code, or the HTTP status of a bare one. */
		private final ConcurrentMap<String, LongAdder> outcomes = new ConcurrentHashMap<>();

		private final LongAdder unanswered = new LongAdder();

		private final AtomicReference<String> firstUnanswered = new AtomicReference<>();

		private final AtomicReference<String> firstInternal = new AtomicReference<>();

		Tally(String name, int clients, Duration window) {
			this.name = name;
			this.clients = clients;
			this.window = window;
		}

		void record(long nanos, HttpResponse<byte[]> response, Throwable failure) {
			if (failure != null) {
				this.unanswered.increment();
				this.firstUnanswered.compareAndSet(null, failure.toString());
				return;
			}
			this.latencies.recordValue(Math.min(nanos / 1000, this.latencies.getHighestTrackableValue()));
			String outcome = outcome(response);
			if (outcome.equals("INTERNAL_ERROR")) {
				this.firstInternal.compareAndSet(null, new String(response.body()));
			}
			this.outcomes.computeIfAbsent(outcome, (k) -> new LongAdder()).increment();
		}

		/**
		 * OK when data came without errors; else the first error's code (a response
		 * carries one error here: one root field), or the status of a body that is not
		 * GraphQL.
		 */
		static String outcome(HttpResponse<byte[]> response) {
			try {
				JsonNode answer = JSON.readTree(response.body());
				JsonNode errors = answer.path("errors");
				if (errors.isArray() && !errors.isEmpty()) {
					return errors.get(0).path("extensions").path("code").asText("NO_CODE");
				}
				return (response.statusCode() == 200 && answer.hasNonNull("data")) ? "OK"
						: "HTTP_" + response.statusCode();
			}
			catch (Exception ex) {
				return "HTTP_" + response.statusCode();
			}
		}

		boolean held() {
			return this.unanswered.sum() == 0 && !this.outcomes.containsKey("INTERNAL_ERROR")
					&& this.outcomes.keySet().stream().noneMatch((k) -> k.startsWith("HTTP_") || k.equals("NO_CODE"));
		}

		String line() {
			long answered = this.latencies.getTotalCount();
			Map<String, Long> counts = new TreeMap<>(
					Comparator.comparing((String k) -> !k.equals("OK")).thenComparing(Comparator.naturalOrder()));
			this.outcomes.forEach((k, v) -> counts.put(k, v.sum()));
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
					"%-8s %5d clients: %7d answered, %8.1f/s, p50 %8.1f ms, p99 %8.1f ms, unanswered %d, %s", this.name,
					this.clients, answered, answered / (this.window.toMillis() / 1000.0),
					this.latencies.getValueAtPercentile(50) / 1000.0, this.latencies.getValueAtPercentile(99) / 1000.0,
					this.unanswered.sum(), counts));
			if (this.firstUnanswered.get() != null) {
				line.append("\n    first unanswered: ").append(this.firstUnanswered.get());
			}
			if (this.firstInternal.get() != null) {
				String body = this.firstInternal.get();
				line.append("\n    first INTERNAL_ERROR: ").append(body, 0, Math.min(400, body.length()));
			}
			return line.toString();
		}

	}

	/**
	 * The ownership invariants of an asset, over all its periods (a period: the ownership
	 * relationships that start on the same day): exactly one open period, the last;
	 * shares adding up to a whole in every period; and no period starting before the one
	 * before it ended.
	 */
	/**
	 * The dates transfers are made on, one sequence per asset: day after day from the day
	 * after the asset's latest ownership period began. Four assets share the calendar up
	 * to {@link #TODAY}, so each has as many transfers as days left (about four years
	 * after the seed's moved history: some 1,400 calls per asset).
	 */
	static final class TransferDates {

		private final List<AtomicLong> next;

		TransferDates(List<LocalDate> latestStarts) {
			this.next = latestStarts.stream().map((start) -> new AtomicLong(start.toEpochDay() + 1)).toList();
		}

		static TransferDates after(CypherClient cypher, List<String> registerNos) {
			List<LocalDate> latest = new ArrayList<>();
			for (String registerNo : registerNos) {
				latest.add((LocalDate) cypher.rows("""
						MATCH (:Asset {registerNo: $registerNo})-[o:OWNED_BY]->()
						RETURN max(o.validFrom) AS latest""", Map.of("registerNo", registerNo)).get(0).get("latest"));
			}
			return new TransferDates(latest);
		}

		LocalDate next(int asset) {
			return LocalDate.ofEpochDay(this.next.get(asset).getAndIncrement());
		}

	}

	static final class Invariants {

		private Invariants() {
		}

		static List<String> check(CypherClient cypher, List<String> registerNos) {
			List<String> broken = new ArrayList<>();
			for (String registerNo : registerNos) {
				List<Map<String, Object>> rows = cypher.rows("""
						MATCH (:Asset {registerNo: $registerNo})-[o:OWNED_BY]->()
						RETURN o.validFrom AS validFrom, o.validTo AS validTo, o.share AS share
						ORDER BY validFrom""", Map.of("registerNo", registerNo));
				broken.addAll(check(registerNo, rows));
			}
			return broken;
		}

		static List<String> check(String registerNo, List<Map<String, Object>> rows) {
			Map<LocalDate, List<Map<String, Object>>> periods = new TreeMap<>();
			for (Map<String, Object> row : rows) {
				periods.computeIfAbsent((LocalDate) row.get("validFrom"), (k) -> new ArrayList<>()).add(row);
			}
			List<String> broken = new ArrayList<>();
			int open = 0;
			LocalDate previousEnd = null;
			boolean previousOpen = false;
			for (Map.Entry<LocalDate, List<Map<String, Object>>> period : periods.entrySet()) {
				List<Object> ends = period.getValue().stream().map((row) -> row.get("validTo")).distinct().toList();
				if (ends.size() != 1) {
					broken.add(registerNo + ": the period from " + period.getKey() + " ends on different days " + ends);
				}
				LocalDate end = (LocalDate) ends.get(0);
				if (previousOpen || (previousEnd != null && previousEnd.isAfter(period.getKey()))) {
					broken.add(registerNo + ": the period from " + period.getKey() + " overlaps the one before");
				}
				List<Object> shares = period.getValue().stream().map((row) -> row.get("share")).toList();
				if (!isWhole(shares)) {
					broken.add(registerNo + ": shares " + shares + " from " + period.getKey() + " are not a whole");
				}
				if (end == null) {
					open++;
				}
				previousOpen = (end == null);
				previousEnd = end;
			}
			if (open != 1) {
				broken.add(registerNo + ": " + open + " open ownership periods");
			}
			return broken;
		}

		/**
		 * Whether shares add up to the whole asset. The one place that knows how a share
		 * is stored: whole hundredths of a percent, adding up to {@link Share#WHOLE}.
		 */
		static boolean isWhole(List<Object> shares) {
			long total = 0;
			for (Object share : shares) {
				total += ((Number) share).longValue();
			}
			return total == Share.WHOLE;
		}

	}

}
