package org.fupin.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The platform against its peer, {@code @neo4j/graphql} on Apollo Server, on the same
 * store (docs/benchmarks.md, "Against @neo4j/graphql"): starts the platform (or uses a
 * running one), starts the peer against the platform's Bolt port, checks that both answer
 * the same data to every question, then measures platform, peer and Cypher floor one
 * after the other at each client count and prints them side by side with the ratios, the
 * gate and the load average while each line ran. With {@code --rounds N} each line is
 * measured N times, the platform first in one round and the peer first in the next, and
 * shows its median round ({@link PeerReport.Line#median()}).
 */
final class PeerRun {

	private final Benchmark.Options options;

	private final PeerQuestions questions;

	private final LocalDate today;

	private final Map<String, List<Map<String, Object>>> samples = new HashMap<>();

	PeerRun(Benchmark.Options options) {
		this.options = options;
		this.questions = PeerQuestions.load(options.get("questions", PeerQuestions.DEFAULT));
		this.today = LocalDate.parse(options.get("today", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
	}

	void execute() throws Exception {
		Duration warmup = this.options.duration("warmup", this.questions.warmup());
		Duration duration = this.options.duration("duration", this.questions.duration());
		List<Integer> clients = this.options.list("clients").isEmpty() ? List.of(1, 8)
				: this.options.list("clients").stream().map(Integer::valueOf).toList();
		List<String> only = this.options.list("operations");
		List<PeerQuestions.Question> chosen = this.questions.questions()
			.stream()
			.filter((q) -> only.isEmpty() || only.contains(q.name()))
			.toList();
		boolean floor = !this.options.has("no-floor");
		int rounds = Integer.parseInt(this.options.get("rounds", "1"));
		if (rounds < 1) {
			throw new IllegalArgumentException("--rounds must be at least 1, not " + rounds);
		}
		long runs = (long) clients.size() * chosen.size() * (floor ? 3 : 2) * rounds;
		System.out.printf(Locale.ROOT,
				"%s: against @neo4j/graphql, questions v%d, %d questions x clients %s x (platform, peer%s) x %d "
						+ "round(s), %s warm-up + %s each: about %d min after start-up%n",
				Instant.now(), this.questions.version(), chosen.size(), clients, floor ? ", floor" : "", rounds, warmup,
				duration, warmup.plus(duration).multipliedBy(runs).toMinutes() + 1);
		System.out.println("machine: " + Benchmark.Machine.describe());
		ServerProcess server = null;
		PeerProcess peer = null;
		LoadAverage load = new LoadAverage();
		try {
			String boltUri;
			java.net.URI platformUri;
			if (this.options.has("graphql-url")) {
				platformUri = java.net.URI.create(this.options.require("graphql-url"));
				boltUri = this.options.require("bolt-url");
			}
			else {
				server = Benchmark.startServer(this.options, true);
				platformUri = server.graphQl();
				boltUri = server.bolt();
			}
			Path log = Path.of("target", "bench", "peer-" + Instant.now().getEpochSecond() + ".log");
			peer = PeerProcess.start(Path.of(this.options.get("peer-dir", "bench/peer")), boltUri, log,
					Duration.ofMinutes(5));
			System.out.printf("%s: peer pid %d at %s (log %s)%n", Instant.now(), peer.pid(), peer.graphQl(), log);
			String token = this.options.has("token") ? this.options.require("token") : GraphQlClient.requestToken(
					platformUri.resolve(this.options.get("token-request", "/demo/token?role=ADMIN&subject=benchmark")));
			List<String[]> bearer = new ArrayList<>();
			bearer.add(new String[] { "Authorization", "Bearer " + token });
			GraphQlClient platform = new GraphQlClient(platformUri, bearer);
			GraphQlClient peerClient = new GraphQlClient(peer.graphQl(), List.of());
			try (Driver driver = GraphDatabase.driver(boltUri, AuthTokens.none(),
					Config.builder().withMaxConnectionPoolSize(32).build())) {
				CypherClient cypher = new CypherClient(driver);
				sample(cypher, chosen);
				check(chosen, platform, peerClient);
				warmUp(chosen, clients, this.options.duration("jit-warmup", warmup), platform, peerClient);
				load.start();
				List<PeerReport.Line> lines = new ArrayList<>();
				for (int n : clients) {
					for (PeerQuestions.Question question : chosen) {
						lines.add(measure(question, n, rounds, warmup, duration, platform, peerClient,
								floor ? cypher : null, load));
					}
				}
				System.out.println();
				System.out.printf(
						"%s: platform against @neo4j/graphql, questions v%d, today %s, warm-up %s, "
								+ "measured %s per way%n",
						Instant.now(), this.questions.version(), this.today, warmup, duration);
				System.out.print(PeerReport.table(lines));
				System.out.println("load average after: " + Benchmark.Machine.loadAverage());
				if (server != null) {
					System.out.println("platform pid " + server.pid() + " memory: " + server.memory());
				}
				System.out.println("peer pid " + peer.pid() + " memory: " + peer.memory());
			}
		}
		finally {
			load.stop();
			if (peer != null) {
				peer.close();
			}
			if (server != null) {
				server.close();
			}
		}
	}

	private void sample(CypherClient cypher, List<PeerQuestions.Question> chosen) {
		for (PeerQuestions.Question question : chosen) {
			if (this.samples.containsKey(question.sample())) {
				continue;
			}
			List<Map<String, Object>> rows = cypher.rows(this.questions.samples().get(question.sample()), Map.of());
			System.out.printf(Locale.ROOT, "sample %-18s %7d rows%n", question.sample(), rows.size());
			if (rows.isEmpty()) {
				throw new IllegalStateException("The sample " + question.sample() + " found nothing in this store");
			}
			this.samples.put(question.sample(), rows);
		}
	}

	/**
	 * Asks both for rows spread evenly over each sample (its first, its last and between
	 * them, not only the first few, which sort into one province) and stops unless the
	 * answers hold the same data ({@link Answers}).
	 */
	private void check(List<PeerQuestions.Question> chosen, GraphQlClient platform, GraphQlClient peer)
			throws Exception {
		for (PeerQuestions.Question question : chosen) {
			List<Map<String, Object>> rows = this.samples.get(question.sample());
			// A first call compiles the Cypher of both; on a busy machine that can pass
			// the
			// platform's request timeout, which says nothing about the answer.
			platform.call(question.platform(), platformVariables(question, rows.get(0)));
			peer.call(question.peer(), peerVariables(question, rows.get(0)));
			int checked = 0;
			for (Map<String, Object> row : spread(rows, this.questions.check())) {
				var mine = Answers.normalise(platform.data(question.platform(), platformVariables(question, row)),
						question.platformItems());
				var theirs = Answers.normalise(peer.data(question.peer(), peerVariables(question, row)),
						question.peerItems());
				String difference = Answers.difference(mine, theirs);
				if (difference != null) {
					throw new IllegalStateException("The platform and the peer answer " + question.name() + " for "
							+ row + " differently: " + difference);
				}
				checked++;
			}
			System.out.printf(Locale.ROOT, "check %-24s the same data from both for %d parameter sets (%d items)%n",
					question.name(), checked, checkedItems(question, platform, rows.get(0)));
		}
	}

	/**
	 * {@code count} rows of {@code rows} at even steps, the first and the last among
	 * them.
	 */
	static <T> List<T> spread(List<T> rows, int count) {
		if (count >= rows.size()) {
			return rows;
		}
		List<T> chosen = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			chosen.add(rows.get((count == 1) ? 0 : (int) ((long) i * (rows.size() - 1) / (count - 1))));
		}
		return chosen;
	}

	private int checkedItems(PeerQuestions.Question question, GraphQlClient platform, Map<String, Object> row)
			throws Exception {
		return Answers
			.items(platform.data(question.platform(), platformVariables(question, row)), question.platformItems())
			.size();
	}

	/**
	 * Asks every question of both, at the largest client count, for {@code each} before
	 * anything is measured. The per-line warm-up alone leaves the first question measured
	 * on a just-started JVM whose JIT is still compiling the request path, and charges it
	 * the compiler's time: on a quiet machine that put the village at 12.2 ms p50 against
	 * 5.5 ms for the asset card measured after it, and 5.7 against 5.3 ms once warm.
	 */
	private void warmUp(List<PeerQuestions.Question> chosen, List<Integer> clients, Duration each,
			GraphQlClient platform, GraphQlClient peer) throws InterruptedException {
		if (each.isZero()) {
			return;
		}
		int most = clients.stream().max(Integer::compare).orElse(1);
		System.out.printf(Locale.ROOT, "%s: warming both up, %s per question and side at %d clients%n", Instant.now(),
				each, most);
		for (PeerQuestions.Question question : chosen) {
			askPlatform(question, most, Duration.ZERO, each, platform);
			askPeer(question, most, Duration.ZERO, each, peer);
		}
	}

	private PeerReport.Line measure(PeerQuestions.Question question, int clients, int rounds, Duration warmup,
			Duration duration, GraphQlClient platform, GraphQlClient peer, CypherClient cypher, LoadAverage load)
			throws InterruptedException {
		load.reset();
		List<PeerReport.Round> measured = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			// The sides take turns to go first, so that neither is always measured on
			// the machine as the other left it.
			LoadRun.Outcome mine;
			LoadRun.Outcome theirs;
			if (round % 2 == 0) {
				mine = askPlatform(question, clients, warmup, duration, platform);
				theirs = askPeer(question, clients, warmup, duration, peer);
			}
			else {
				theirs = askPeer(question, clients, warmup, duration, peer);
				mine = askPlatform(question, clients, warmup, duration, platform);
			}
			LoadRun.Outcome floor = (cypher != null) ? askFloor(question, clients, warmup, duration, cypher) : null;
			measured.add(new PeerReport.Round(mine.stats(), theirs.stats(), (floor != null) ? floor.stats() : null));
			printRound(question, clients, (rounds > 1) ? (round + 1) + "/" + rounds : null, mine, theirs, floor);
		}
		return new PeerReport.Line(question.name(), clients, measured, load.range());
	}

	/** One round's line as it ends, and the first error of each side that had one. */
	private static void printRound(PeerQuestions.Question question, int clients, String round, LoadRun.Outcome mine,
			LoadRun.Outcome theirs, LoadRun.Outcome floor) {
		System.out.printf(Locale.ROOT, "%s: %-24s @%d%s  platform %s/s p50 %.2f | peer %s/s p50 %.2f%s | load %s%n",
				Instant.now(), question.name(), clients, (round != null) ? " round " + round : "",
				Report.number(mine.stats().throughput()), mine.stats().p50(),
				Report.number(theirs.stats().throughput()), theirs.stats().p50(),
				(floor != null) ? String.format(Locale.ROOT, " | floor %s/s p50 %.2f",
						Report.number(floor.stats().throughput()), floor.stats().p50()) : "",
				Benchmark.Machine.loadAverage());
		for (LoadRun.Outcome outcome : (floor != null) ? List.of(mine, theirs, floor) : List.of(mine, theirs)) {
			if (outcome.firstError() != null) {
				String error = outcome.firstError();
				System.out.println("  first error: " + error.substring(0, Math.min(500, error.length())));
			}
		}
	}

	private LoadRun.Outcome askPlatform(PeerQuestions.Question question, int clients, Duration warmup,
			Duration duration, GraphQlClient platform) throws InterruptedException {
		Parameters rows = rows(question, clients);
		return LoadRun.run(clients, warmup, duration,
				(client) -> platform.call(question.platform(), platformVariables(question, rows.next(client))));
	}

	private LoadRun.Outcome askPeer(PeerQuestions.Question question, int clients, Duration warmup, Duration duration,
			GraphQlClient peer) throws InterruptedException {
		Parameters rows = rows(question, clients);
		return LoadRun.run(clients, warmup, duration,
				(client) -> peer.call(question.peer(), peerVariables(question, rows.next(client))));
	}

	private LoadRun.Outcome askFloor(PeerQuestions.Question question, int clients, Duration warmup, Duration duration,
			CypherClient cypher) throws InterruptedException {
		Parameters rows = rows(question, clients);
		return LoadRun.run(clients, warmup, duration, (client) -> {
			Map<String, Object> values = new HashMap<>(rows.next(client));
			values.put("today", this.today);
			return cypher.call(question.cypher(), values, false);
		});
	}

	private Map<String, Object> platformVariables(PeerQuestions.Question question, Map<String, Object> row) {
		Set<String> declared = Benchmark.declaredVariables(question.platform());
		Map<String, Object> variables = new LinkedHashMap<>(row);
		variables.keySet().retainAll(declared);
		return variables;
	}

	private Map<String, Object> peerVariables(PeerQuestions.Question question, Map<String, Object> row) {
		Set<String> declared = Benchmark.declaredVariables(question.peer());
		Map<String, Object> variables = new LinkedHashMap<>(row);
		variables.put("today", this.today);
		variables.keySet().retainAll(declared);
		return variables;
	}

	/** Each client's own seeded choice of sample rows, the same for every way. */
	private Parameters rows(PeerQuestions.Question question, int clients) {
		List<Map<String, Object>> rows = this.samples.get(question.sample());
		long seed = Long.parseLong(this.options.get("seed", "1"));
		Random[] randoms = new Random[clients];
		for (int i = 0; i < clients; i++) {
			randoms[i] = new Random(seed * 1_000_003L + i * 7919L + question.name().hashCode());
		}
		return (client) -> rows.get(randoms[client].nextInt(rows.size()));
	}

	@FunctionalInterface
	private interface Parameters {

		Map<String, Object> next(int client);

	}

	/**
	 * Reads the 1-minute load average every second, so each line can say how busy the
	 * machine was while it ran.
	 */
	private static final class LoadAverage {

		private volatile double low = Double.MAX_VALUE;

		private volatile double high;

		private Thread thread;

		void start() {
			this.thread = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					try {
						double now = Double.parseDouble(Benchmark.Machine.loadAverage().split("\\s+")[0]);
						synchronized (this) {
							this.low = Math.min(this.low, now);
							this.high = Math.max(this.high, now);
						}
						Thread.sleep(1000);
					}
					catch (InterruptedException ex) {
						return;
					}
					catch (NumberFormatException ex) {
						// no /proc/loadavg: nothing to record
					}
				}
			}, "load-average");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		synchronized void reset() {
			this.low = Double.MAX_VALUE;
			this.high = 0;
		}

		synchronized double[] range() {
			return new double[] { (this.low == Double.MAX_VALUE) ? 0 : this.low, this.high };
		}

		void stop() {
			if (this.thread != null) {
				this.thread.interrupt();
			}
		}

	}

}
