package org.fupin.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fupin.asset.AssetTypeCategories;
import org.fupin.audit.AuditRulesCypher;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.boot.convert.DurationStyle;

/**
 * The query-latency benchmark (docs/benchmarks.md, "Query latency"): starts the platform
 * on a generated national dataset in a JVM of its own (loading the dataset first when the
 * data directory holds no store), samples each operation's parameters from the dataset,
 * and runs every operation of the workload at each client count, as GraphQL and as its
 * Cypher floor, printing throughput, p50, p95, p99 and errors side by side.
 *
 * <p>
 * Run it with {@code ./mvnw -q -DskipTests package exec:java -Dexec.args="--scale 0.01
 * --data-dir /tmp/fupin-bench-001"}; {@code --help} lists the options.
 */
public final class Benchmark {

	private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)\\s*:");

	private static final String USAGE = """
			Options (defaults in brackets):
			  --data-dir DIR        the embedded store to serve; loaded first when empty or absent
			  --scale S             scale of the national dataset to load into an empty --data-dir (1.0: the country)
			  --jar PATH            the packaged platform [target/fupin-graph-0.1.0-SNAPSHOT.jar]
			  --heap SIZE           server -Xmx [2g]
			  --page-cache SIZE     server app.neo4j.embedded.page-cache [2GB]
			  --load-heap SIZE      -Xmx of the loading run [4g]
			  --server-arg ARG      one more application argument for the server, e.g. --server-arg=--app.today=2026-03-31 (repeatable)
			  --graphql-url URL     use a running server instead (with --bolt-url); nothing is started
			  --bolt-url URL        its Bolt address
			  --bolt-user U / --bolt-password P   Bolt credentials of a running server
			  --header 'Name: value'  an HTTP header on every GraphQL request (repeatable)
			  --token JWT           shorthand for --header 'Authorization: Bearer JWT'
			  --token-request PATH  POST PATH (with its query) to the server once it is up and send the access_token
			                        it answers as a bearer token, e.g. '/demo/token?role=ADMIN&subject=benchmark'
			                        (which switches the server's demo tokens on); by default, on a server the
			                        benchmark starts with no --token or Authorization header, an administrator's
			                        demo token
			  --clients LIST        client counts to run, comma-separated [1,8]
			  --warmup D / --duration D   override the workload's (10s, 30s, 2m ...)
			  --operations LIST     only these operations, comma-separated [all]
			  --jit-warmup D        before measuring, each read operation run for D at the most clients [--warmup]
			  --rounds N            each line measured N times, GraphQL and the floor taking turns to go first;
			                        the table shows the median round and the range of the ratio over them [1]
			  --workload RESOURCE   [bench/workload-v1.yaml]
			  --today yyyy-MM-dd    the server's today [the date in China]
			  --seed N              seed of the parameter choice [1]
			  --no-floor            skip the Cypher floor
			  --export PLACE        instead of the workload: download the asset ledger of PLACE (a province code; ''
			                        for the whole country) as CSV and as a workbook, with time, rows and the server's heap

			Ledger import (--import N): an N-row asset ledger with owners and custody over the seed's villages, uploaded
			through POST /ledgers/assets/imports?commit=true to a server on the seed store (--data-dir, loaded when empty),
			with the time to check and to commit, rows/s and the server's heap before, at its peak and after:
			  --import N            rows to generate, e.g. 100000

			Under load (--load): the seed store instead of the national dataset, and three runs of --duration [60s]:
			  --load                writers, then readers, then both at once; counts of each error code, unanswered
			                        requests and the ownership invariants after each run (docs/benchmarks.md, "Under load")
			  --writers N           concurrent transferOwnership clients on 4 seed assets [128]
			  --readers N           concurrent readers of asset lists and cards [1000]
			  --data-dir DIR        the seed store; loaded by the server when empty

			Against the peer (--peer): five questions put to the platform, to @neo4j/graphql on Apollo Server (bench/peer,
			started by Node.js against the platform's Bolt port; npm ci the first time) and to their Cypher floor, after
			checking both answer the same data (docs/benchmarks.md, "Against @neo4j/graphql"):
			  --peer                the comparison instead of the workload; --data-dir, --scale, --clients, --warmup,
			                        --duration, --operations (question names), --no-floor, --graphql-url/--bolt-url apply
			  --jit-warmup D        before measuring, each question asked of both for D at the most clients [--warmup]
			  --rounds N            each line measured N times, the platform and the peer taking turns to go
			                        first; the table shows the median round and the ratio's range [1]
			  --questions RESOURCE  [bench/peer-v1.yaml]
			  --peer-dir DIR        the peer's package [bench/peer]
			  --token-request PATH  [/demo/token?role=ADMIN&subject=benchmark]
			""";

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		if (options.has("help")) {
			System.out.print(USAGE);
			return;
		}
		if (options.has("load")) {
			underLoad(options);
			return;
		}
		if (options.has("peer")) {
			new PeerRun(options).execute();
			return;
		}
		if (options.has("import")) {
			importLedger(options);
			return;
		}
		new Run(options).execute();
	}

	/**
	 * The asset ledger import of {@link ImportRun} on a server of its own over the seed
	 * store (loaded by the server when {@code --data-dir} is empty).
	 */
	private static void importLedger(Options options) throws Exception {
		int rows = Integer.parseInt(options.require("import"));
		System.out.println("machine: " + Machine.describe());
		Path jar = Path.of(options.get("jar", "target/fupin-graph-0.1.0-SNAPSHOT.jar"));
		Path dataDir = Path.of(options.require("data-dir")).toAbsolutePath().normalize();
		List<String> args = new ArrayList<>(List.of("--app.security.demo-tokens.enabled=true",
				"--app.ledger.import.dir=" + dataDir.resolve("imports")));
		args.addAll(options.all("server-arg"));
		Path log = Path.of("target", "bench", "import-server-" + Instant.now().getEpochSecond() + ".log");
		long t0 = System.nanoTime();
		try (ServerProcess server = ServerProcess.start(jar, dataDir, true, options.get("heap", "2g"),
				options.get("page-cache", "256MB"), args, log, Duration.ofMinutes(30));
				Driver driver = GraphDatabase.driver(server.bolt(), AuthTokens.none())) {
			System.out.printf(Locale.ROOT, "%s: server pid %d up in %d s (log %s); memory %s%n", Instant.now(),
					server.pid(), (System.nanoTime() - t0) / 1_000_000_000L, log, server.memory());
			System.out.println("load average before: " + Machine.loadAverage());
			String token = GraphQlClient
				.requestToken(server.graphQl().resolve("/demo/token?role=ADMIN&subject=import-benchmark"));
			new ImportRun(server.graphQl(), token).run(new CypherClient(driver), rows);
			System.out.println("load average after: " + Machine.loadAverage());
			System.out.println("server pid " + server.pid() + " memory: " + server.memory() + " (heap -Xmx"
					+ options.get("heap", "2g") + ")");
		}
	}

	/**
	 * The load runs of {@link LoadScenarios} against a server of their own on the seed
	 * store (or a running one), with an ADMIN demo token, dates far enough ahead for the
	 * writers ({@code app.today}).
	 */
	private static void underLoad(Options options) throws Exception {
		Duration duration = options.duration("duration", Duration.ofSeconds(60));
		int writers = Integer.parseInt(options.get("writers", "128"));
		int readers = Integer.parseInt(options.get("readers", "1000"));
		System.out.printf(Locale.ROOT, "%s: under load, %d writers on %d assets, %d readers, %s per run%n",
				Instant.now(), writers, LoadScenarios.ASSETS.size(), readers, duration);
		System.out.println("machine: " + Machine.describe());
		ServerProcess server = null;
		URI graphQlUri;
		String boltUri;
		if (options.has("graphql-url")) {
			graphQlUri = URI.create(options.require("graphql-url"));
			boltUri = options.require("bolt-url");
		}
		else {
			Path jar = Path.of(options.get("jar", "target/fupin-graph-0.1.0-SNAPSHOT.jar"));
			Path dataDir = Path.of(options.require("data-dir")).toAbsolutePath().normalize();
			List<String> args = new ArrayList<>(
					List.of("--app.today=" + LoadScenarios.TODAY, "--app.security.demo-tokens.enabled=true"));
			args.addAll(options.all("server-arg"));
			Path log = Path.of("target", "bench", "load-server-" + Instant.now().getEpochSecond() + ".log");
			long t0 = System.nanoTime();
			server = ServerProcess.start(jar, dataDir, true, options.get("heap", "2g"),
					options.get("page-cache", "256MB"), args, log, Duration.ofMinutes(30));
			System.out.printf(Locale.ROOT, "%s: server pid %d up in %d s at %s (log %s); memory %s%n", Instant.now(),
					server.pid(), (System.nanoTime() - t0) / 1_000_000_000L, server.graphQl(), log, server.memory());
			graphQlUri = server.graphQl();
			boltUri = server.bolt();
		}
		try {
			String token = options.has("token") ? options.require("token") : GraphQlClient.requestToken(
					graphQlUri.resolve(options.get("token-request", "/demo/token?role=ADMIN&subject=load-benchmark")));
			boolean held = LoadScenarios.runAll(graphQlUri, boltUri, token, duration, writers, readers);
			System.out.printf("%n%s: %s%n", Instant.now(),
					held ? "HELD: no INTERNAL_ERROR, no unanswered request, invariants intact in every run"
							: "NOT HELD: see the lines above");
			if (server != null) {
				System.out.println("server pid " + server.pid() + " memory: " + server.memory());
			}
		}
		finally {
			if (server != null) {
				server.close();
			}
		}
	}

	/** Everything one invocation does, in order. */
	private static final class Run {

		private final Options options;

		private final Workload workload;

		private final List<Workload.Operation> operations;

		private final LocalDate today;

		private final Map<String, List<Map<String, Object>>> samples = new HashMap<>();

		private Transfers transfers;

		Run(Options options) {
			this.options = options;
			this.workload = Workload.load(options.get("workload", Workload.DEFAULT));
			List<String> only = options.list("operations");
			this.operations = only.isEmpty() ? this.workload.operations()
					: only.stream().map(this.workload::operation).toList();
			this.today = LocalDate.parse(options.get("today", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
		}

		void execute() throws Exception {
			Duration warmup = options.duration("warmup", this.workload.warmup());
			Duration duration = options.duration("duration", this.workload.duration());
			List<Integer> clients = options.list("clients").isEmpty() ? List.of(1, 8)
					: options.list("clients").stream().map(Integer::valueOf).toList();
			boolean floor = !options.has("no-floor");
			int rounds = Integer.parseInt(options.get("rounds", "1"));
			if (rounds < 1) {
				throw new IllegalArgumentException("--rounds must be at least 1, not " + rounds);
			}
			long runs = (long) clients.size() * this.operations.size() * (floor ? 2 : 1) * rounds;
			Duration jitWarmup = options.duration("jit-warmup", warmup);
			List<Workload.Operation> reads = this.operations.stream().filter((op) -> !op.writes()).toList();
			Duration total = warmup.plus(duration)
				.multipliedBy(runs)
				.plus(jitWarmup.multipliedBy((long) reads.size() * (floor ? 2 : 1)));
			System.out.printf(Locale.ROOT,
					"%s: workload v%d, %d operations x clients %s%s x %d round(s), %s warm-up + %s each: "
							+ "about %d min of load after start-up and sampling%n",
					Instant.now(), this.workload.version(), this.operations.size(), clients,
					floor ? " x (GraphQL, Cypher)" : "", rounds, warmup, duration, total.toMinutes() + 1);
			System.out.println("machine: " + Machine.describe());

			if (options.has("export")) {
				exportLedger();
				return;
			}
			ServerProcess server = null;
			URI graphQlUri;
			String boltUri;
			if (options.has("graphql-url")) {
				graphQlUri = URI.create(options.get("graphql-url", null));
				boltUri = options.require("bolt-url");
			}
			else {
				server = startServer(this.options, this.options.has("export")
						|| tokenRequest() != null && tokenRequest().startsWith("/demo/token"));
				graphQlUri = server.graphQl();
				boltUri = server.bolt();
			}
			try (Driver driver = GraphDatabase.driver(boltUri,
					options.has("bolt-user")
							? AuthTokens.basic(options.require("bolt-user"), options.get("bolt-password", ""))
							: AuthTokens.none(),
					Config.builder().withMaxConnectionPoolSize(Math.max(16, 2 * max(clients))).build())) {
				CypherClient cypher = new CypherClient(driver);
				describeStore(cypher);
				sample(cypher);
				List<String[]> headers = headers();
				if (tokenRequest() != null) {
					headers.add(new String[] { "Authorization",
							"Bearer " + GraphQlClient.requestToken(graphQlUri.resolve(tokenRequest())) });
				}
				GraphQlClient graphQl = new GraphQlClient(graphQlUri, headers);
				awaitFreshRollups(cypher, graphQl);
				warmUp(reads, max(clients), jitWarmup, graphQl, floor ? cypher : null);
				List<Report.Line> lines = new ArrayList<>();
				for (int n : clients) {
					for (Workload.Operation operation : this.operations) {
						lines.add(measure(operation, n, rounds, warmup, duration, graphQl, floor ? cypher : null));
					}
				}
				System.out.println();
				System.out.printf("%s: results, workload v%d, today %s, warm-up %s, measured %s per line%n",
						Instant.now(), this.workload.version(), this.today, warmup, duration);
				System.out.print(Report.table(lines));
				System.out.println("load average after: " + Machine.loadAverage());
				if (server != null) {
					System.out.println("server pid " + server.pid() + " memory: " + server.memory() + " (heap -Xmx"
							+ options.get("heap", "2g") + ", page cache " + options.get("page-cache", "2GB") + ")");
				}
			}
			finally {
				if (server != null) {
					server.close();
				}
			}
		}

		/** The ledger export of {@link ExportRun} on a server of its own. */
		private void exportLedger() throws Exception {
			String place = options.get("export", "");
			ServerProcess server = startServer(this.options, true);
			try (Driver driver = GraphDatabase.driver(server.bolt(), AuthTokens.none())) {
				CypherClient cypher = new CypherClient(driver);
				describeStore(cypher);
				String token = GraphQlClient
					.requestToken(server.graphQl().resolve("/demo/token?role=ADMIN&subject=export-benchmark"));
				new ExportRun(server.graphQl(), token).run(place, ExportRun.assetsBelow(cypher, place));
				System.out.println("load average after: " + Machine.loadAverage());
				System.out.println("server pid " + server.pid() + " memory: " + server.memory() + " (heap -Xmx"
						+ options.get("heap", "2g") + ", page cache " + options.get("page-cache", "2GB") + ")");
			}
			finally {
				server.close();
			}
		}

		/**
		 * Dashboard rollups computed for an earlier day are rebuilt in the background on
		 * the first dashboard read; that rebuild must not run beside the measurements, so
		 * it is started and awaited here.
		 */
		private void awaitFreshRollups(CypherClient cypher, GraphQlClient graphQl) throws Exception {
			String stale = "MATCH (r:DashboardRollup) WHERE r.computedFor IS NULL OR r.computedFor < $today "
					+ "RETURN count(r) AS stale";
			Map<String, Object> today = Map.of("today", this.today);
			String national = "MATCH (r:DashboardRollup {code: ''}) RETURN count(r) AS found";
			long waited = 0;
			while (((Number) cypher.rows(national, Map.of()).get(0).get("found")).longValue() == 0) {
				if (waited == 0) {
					System.out.printf("%s: no dashboard rollups yet; waiting up to 10 minutes for a rebuild "
							+ "(a store loaded before the dashboards: --server-arg=--app.dashboard.rebuild-on-start=true)%n",
							Instant.now());
				}
				if (waited >= 600) {
					System.out.println("no rollups after 10 minutes; going on");
					return;
				}
				Thread.sleep(5000);
				waited += 5;
			}
			long count = ((Number) cypher.rows(stale, today).get(0).get("stale")).longValue();
			if (count == 0) {
				return;
			}
			System.out.printf("%s: %d dashboard rollups are for an earlier day; rebuilding them first%n", Instant.now(),
					count);
			String error = graphQl.call("{ dashboard { asOf } }", Map.of());
			if (error != null) {
				throw new IllegalStateException("The dashboard read that starts the rebuild failed: " + error);
			}
			long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
			while (count > 0 && System.nanoTime() < deadline) {
				Thread.sleep(5000);
				count = ((Number) cypher.rows(stale, today).get(0).get("stale")).longValue();
			}
			System.out.printf("%s: %s%n", Instant.now(),
					(count == 0) ? "rollups rebuilt" : count + " rollups still stale after an hour; going on");
		}

		private void describeStore(CypherClient cypher) {
			Map<String, Object> facts = cypher
				.rows("""
						OPTIONAL MATCH (r:BulkLoadRun)
						RETURN r.scale AS scale, r.seed AS seed, r.finishedAt AS loaded,
						  COUNT { (:Asset) } AS assets, COUNT { (:Village) } AS villages, COUNT { (:Pairing) } AS pairings""",
						Map.of())
				.get(0);
			System.out.println("store: " + facts + dataDirSize());
		}

		private String dataDirSize() {
			if (!options.has("data-dir")) {
				return "";
			}
			try (Stream<Path> files = Files.walk(Path.of(options.require("data-dir")))) {
				long bytes = files.filter(Files::isRegularFile).mapToLong((p) -> p.toFile().length()).sum();
				return String.format(Locale.ROOT, ", %.2f GB on disk", bytes / 1e9);
			}
			catch (IOException ex) {
				return "";
			}
		}

		private void sample(CypherClient cypher) {
			Set<String> names = new LinkedHashSet<>();
			this.operations.forEach((op) -> names.add(op.sample()));
			for (String name : names) {
				long t0 = System.nanoTime();
				List<Map<String, Object>> rows = cypher.rows(this.workload.samples().get(name), Map.of());
				System.out.printf(Locale.ROOT, "sample %-18s %7d rows in %5d ms%n", name, rows.size(),
						(System.nanoTime() - t0) / 1_000_000);
				if (rows.isEmpty()) {
					throw new IllegalStateException("The sample " + name + " found nothing in this store");
				}
				this.samples.put(name, rows);
			}
			this.operations.stream()
				.filter(Workload.Operation::writes)
				.findFirst()
				.ifPresent((op) -> this.transfers = new Transfers(this.samples.get(op.sample()), this.today));
		}

		/**
		 * Asks each of {@code reads} for {@code each} at {@code clients}, through GraphQL
		 * and through its floor, before anything is measured: without it the first
		 * operations are measured while the server's code is still being compiled. Writes
		 * are left out, as they use up their sample.
		 */
		private void warmUp(List<Workload.Operation> reads, int clients, Duration each, GraphQlClient graphQl,
				CypherClient cypher) throws InterruptedException {
			if (each.isZero() || reads.isEmpty()) {
				return;
			}
			System.out.printf(Locale.ROOT, "%s: warming up, %s per read operation and side at %d clients%n",
					Instant.now(), each, clients);
			for (Workload.Operation operation : reads) {
				LoadRun.run(clients, Duration.ZERO, each, viaGraphQl(operation, clients, graphQl));
				if (cypher != null) {
					LoadRun.run(clients, Duration.ZERO, each, viaCypher(operation, clients, cypher));
				}
			}
		}

		private LoadRun.Call viaGraphQl(Workload.Operation operation, int clients, GraphQlClient graphQl) {
			Set<String> declared = declaredVariables(operation.graphql());
			Parameters parameters = parameters(operation, clients);
			return (client) -> {
				Map<String, Object> variables = new LinkedHashMap<>(parameters.next(client));
				variables.keySet().retainAll(declared);
				return graphQl.call(operation.graphql(), variables);
			};
		}

		private LoadRun.Call viaCypher(Workload.Operation operation, int clients, CypherClient cypher) {
			String text = cypherOf(operation);
			Parameters parameters = parameters(operation, clients);
			return (client) -> {
				Map<String, Object> values = new HashMap<>(parameters.next(client));
				values.put("today", this.today);
				values.put("idleBefore", AuditRulesCypher.idleBefore(this.today));
				values.put("categories", AssetTypeCategories.ALLOWED);
				return cypher.call(text, values, operation.writes());
			};
		}

		/**
		 * Measures an operation at a client count in {@code rounds} rounds, GraphQL going
		 * first in the first round and the floor in the next, so that neither side is
		 * always measured on the pages and the machine the other left behind.
		 */
		private Report.Line measure(Workload.Operation operation, int clients, int rounds, Duration warmup,
				Duration duration, GraphQlClient graphQl, CypherClient cypher) throws InterruptedException {
			List<Report.Line> measured = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				LoadRun.Outcome viaCypher = null;
				if (cypher != null && round % 2 == 1) {
					viaCypher = LoadRun.run(clients, warmup, duration, viaCypher(operation, clients, cypher));
				}
				LoadRun.Outcome viaGraphQl = LoadRun.run(clients, warmup, duration,
						viaGraphQl(operation, clients, graphQl));
				if (cypher != null && round % 2 == 0) {
					viaCypher = LoadRun.run(clients, warmup, duration, viaCypher(operation, clients, cypher));
				}
				measured.add(printed(operation, clients, (rounds > 1) ? (round + 1) + "/" + rounds : null, viaGraphQl,
						viaCypher));
			}
			return Report.Line.ofRounds(measured);
		}

		/** One round's line as it ends, and the first error of each side that had one. */
		private static Report.Line printed(Workload.Operation operation, int clients, String round,
				LoadRun.Outcome viaGraphQl, LoadRun.Outcome viaCypher) {
			Report.Line line = new Report.Line(operation, clients, viaGraphQl.stats(),
					(viaCypher != null) ? viaCypher.stats() : null);
			System.out.printf(Locale.ROOT, "%s: %-26s @%d%s  GraphQL %s/s p50 %.2f p99 %.2f ms, %d errors%s%n",
					Instant.now(), operation.name(), clients, (round != null) ? " round " + round : "",
					Report.number(line.graphql().throughput()), line.graphql().p50(), line.graphql().p99(),
					line.graphql().errors(),
					(viaCypher != null) ? String.format(Locale.ROOT, " | Cypher %s/s p50 %.2f p99 %.2f ms, %d errors",
							Report.number(line.cypher().throughput()), line.cypher().p50(), line.cypher().p99(),
							line.cypher().errors()) : "");
			reportError("GraphQL", viaGraphQl);
			if (viaCypher != null) {
				reportError("Cypher", viaCypher);
			}
			return line;
		}

		private static void reportError(String via, LoadRun.Outcome outcome) {
			if (outcome.firstError() != null) {
				String error = outcome.firstError();
				System.out.println("  first " + via + " error: " + error.substring(0, Math.min(500, error.length())));
			}
		}

		/**
		 * Where each call's parameters come from: a seeded row choice, or the next valid
		 * transfer.
		 */
		private Parameters parameters(Workload.Operation operation, int clients) {
			if (operation.writes()) {
				this.transfers.deal(clients);
				return this.transfers::next;
			}
			List<Map<String, Object>> rows = this.samples.get(operation.sample());
			long seed = Long.parseLong(options.get("seed", "1"));
			Random[] randoms = new Random[clients];
			for (int i = 0; i < clients; i++) {
				randoms[i] = new Random(seed * 1_000_003L + i * 7919L + operation.name().hashCode());
			}
			return (client) -> rows.get(randoms[client].nextInt(rows.size()));
		}

		/**
		 * Where to ask for a bearer token: {@code --token-request}; by default, on a
		 * server the benchmark starts and with no other credentials given, an
		 * administrator's demo token, since most operations need a signed-in reader.
		 */
		private String tokenRequest() {
			boolean credentials = options.has("token") || options.all("header")
				.stream()
				.anyMatch((header) -> header.regionMatches(true, 0, "Authorization:", 0, 14));
			return options.get("token-request",
					(options.has("graphql-url") || credentials) ? null : "/demo/token?role=ADMIN&subject=benchmark");
		}

		private List<String[]> headers() {
			List<String[]> headers = new ArrayList<>();
			for (String header : options.all("header")) {
				int colon = header.indexOf(':');
				if (colon < 1) {
					throw new IllegalArgumentException("A header is 'Name: value', not '" + header + "'");
				}
				headers.add(new String[] { header.substring(0, colon).strip(), header.substring(colon + 1).strip() });
			}
			if (options.has("token")) {
				headers.add(new String[] { "Authorization", "Bearer " + options.require("token") });
			}
			return headers;
		}

		private static int max(List<Integer> values) {
			return values.stream().mapToInt(Integer::intValue).max().orElse(1);
		}

	}

	/**
	 * Starts the platform from its jar on {@code --data-dir}, loading the national
	 * dataset at {@code --scale} first when the directory holds no store.
	 * @param demoTokens whether to switch the demo token issuer on (on loopback)
	 */
	static ServerProcess startServer(Options options, boolean demoTokens) throws IOException, InterruptedException {
		Path dataDir = Path.of(options.require("data-dir")).toAbsolutePath().normalize();
		Path jar = Path.of(options.get("jar", "target/fupin-graph-0.1.0-SNAPSHOT.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalArgumentException(
					"No platform jar at " + jar.toAbsolutePath() + "; build it with ./mvnw -DskipTests package");
		}
		String pageCache = options.get("page-cache", "2GB");
		if (!ServerProcess.holdsStore(dataDir)) {
			double scale = Double.parseDouble(options.require("scale"));
			System.out.printf(Locale.ROOT, "%s: %s holds no store: loading the national dataset at scale %s%n",
					Instant.now(), dataDir, scale);
			long t0 = System.nanoTime();
			ServerProcess.load(jar, dataDir, scale, options.get("load-heap", "4g"), pageCache);
			System.out.printf(Locale.ROOT, "%s: loaded in %d s%n", Instant.now(),
					(System.nanoTime() - t0) / 1_000_000_000L);
		}
		else if (options.has("scale")) {
			System.out.println("Reusing the store in " + dataDir + " (--scale is ignored: nothing is loaded)");
		}
		Path log = Path.of("target", "bench", "server-" + Instant.now().getEpochSecond() + ".log");
		long t0 = System.nanoTime();
		List<String> serverArgs = new ArrayList<>(options.all("server-arg"));
		if (options.has("today")) {
			// The questions' today and the server's are the same day.
			serverArgs.add("--app.today=" + options.require("today"));
		}
		if (demoTokens) {
			// The demo issuer exists only when asked for; the benchmark asks on
			// loopback.
			serverArgs.add("--app.security.demo-tokens.enabled=true");
		}
		ServerProcess server = ServerProcess.start(jar, dataDir, options.get("heap", "2g"), pageCache, serverArgs, log,
				Duration.ofMinutes(20));
		System.out.printf(Locale.ROOT, "%s: server pid %d up in %d s at %s and %s (log %s); memory %s%n", Instant.now(),
				server.pid(), (System.nanoTime() - t0) / 1_000_000_000L, server.graphQl(), server.bolt(), log,
				server.memory());
		return server;
	}

	/** The Cypher of an operation with the audit rules put in. */
	static String cypherOf(Workload.Operation operation) {
		return operation.cypher()
			.replace("${AUDIT_RULES}", AuditRulesCypher.union("a.placeCode STARTS WITH $placeCode"));
	}

	/** The variables a GraphQL document declares: only those are sent. */
	static Set<String> declaredVariables(String document) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = VARIABLE.matcher(document);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** The parameters of one call of one client. */
	@FunctionalInterface
	interface Parameters {

		Map<String, Object> next(int client);

	}

	/** What the machine is and how busy: the figures mean little without it. */
	static final class Machine {

		private Machine() {
		}

		static String describe() {
			return String.format(Locale.ROOT, "%d CPUs, %s, Java %s, %s; load average %s",
					Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
					System.getProperty("os.name"), loadAverage());
		}

		static String loadAverage() {
			try {
				return Files.readString(Path.of("/proc/loadavg")).strip();
			}
			catch (IOException ex) {
				return "unknown";
			}
		}

		private static String memTotal() {
			try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
				return lines.filter((l) -> l.startsWith("MemTotal")).findFirst().orElse("").replaceAll("\\s+", " ");
			}
			catch (IOException ex) {
				return "memory unknown";
			}
		}

	}

	/**
	 * {@code --name value}, {@code --name=value} and {@code --flag}; some names repeat.
	 */
	record Options(Map<String, List<String>> values) {

		private static final Set<String> FLAGS = Set.of("help", "no-floor", "load", "peer");

		static Options parse(String[] args) {
			Map<String, List<String>> values = new LinkedHashMap<>();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (!arg.startsWith("--")) {
					throw new IllegalArgumentException(
							"Unexpected argument '" + arg + "'; options start with --\n" + USAGE);
				}
				String name = arg.substring(2);
				String value;
				int eq = name.indexOf('=');
				if (eq >= 0) {
					value = name.substring(eq + 1);
					name = name.substring(0, eq);
				}
				else if (FLAGS.contains(name)) {
					value = "true";
				}
				else if (i + 1 < args.length) {
					value = args[++i];
				}
				else {
					throw new IllegalArgumentException("--" + name + " needs a value");
				}
				values.computeIfAbsent(name, (k) -> new ArrayList<>()).add(value);
			}
			return new Options(values);
		}

		boolean has(String name) {
			return this.values.containsKey(name);
		}

		String get(String name, String otherwise) {
			List<String> list = this.values.get(name);
			return (list != null) ? list.get(list.size() - 1) : otherwise;
		}

		String require(String name) {
			String value = get(name, null);
			if (value == null) {
				throw new IllegalArgumentException("--" + name + " is needed here\n" + USAGE);
			}
			return value;
		}

		List<String> all(String name) {
			return this.values.getOrDefault(name, List.of());
		}

		List<String> list(String name) {
			return all(name).stream().flatMap((v) -> Arrays.stream(v.split(","))).map(String::strip).toList();
		}

		Duration duration(String name, Duration otherwise) {
			return has(name) ? DurationStyle.detectAndParse(get(name, null)) : otherwise;
		}

	}

}
