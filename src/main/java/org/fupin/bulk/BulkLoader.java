package org.fupin.bulk;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fupin.pairing.PairingPlaces;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.graphdb.TransientFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Writes generated chunks to Neo4j through the driver, one transaction per chunk, with
 * batched {@code UNWIND} statements of at most {@link #BATCH} rows.
 *
 * <ul>
 * <li>{@link Mode#BULK}: into an empty store, with {@code CREATE}. Each chunk's
 * transaction also writes a {@code (:BulkLoad {chunk})} marker, so a load that is killed
 * and started again skips exactly the chunks that committed and redoes the one that did
 * not: nothing lost, nothing doubled. The markers are removed when the load completes and
 * {@code (:BulkLoadRun)} records it.</li>
 * <li>{@link Mode#INCREMENTAL}: into a running platform, with {@code MERGE} on natural
 * keys: loading the same rows twice changes nothing.</li>
 * </ul>
 * Every statement must match all its rows (a relationship to a node that does not exist
 * fails the chunk, which then rolls back).
 */
@Component
public class BulkLoader {

	/** Rows per {@code UNWIND} statement. */
	static final int BATCH = 20_000;

	private static final Logger log = LoggerFactory.getLogger(BulkLoader.class);

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

	private final Driver driver;

	private final PairingPlaces pairingPlaces;

	/**
	 * The embedded database's writer (none with an external server), looked up by the
	 * first {@link Mode#BULK} chunk: a context that never bulk-loads never asks for the
	 * database through this loader.
	 */
	private final SingletonSupplier<EmbeddedChunkWriter> embedded;

	BulkLoader(Driver driver, ObjectProvider<DatabaseManagementService> embeddedDbms, PairingPlaces pairingPlaces) {
		this.driver = driver;
		this.pairingPlaces = pairingPlaces;
		this.embedded = SingletonSupplier.of(() -> {
			DatabaseManagementService dbms = embeddedDbms.getIfAvailable();
			return (dbms != null) ? new EmbeddedChunkWriter(dbms) : null;
		});
	}

	/** How rows are written. */
	public enum Mode {

		/**
		 * Into an empty store, restartable through chunk markers: through the embedded
		 * database's Java API when the platform runs its embedded Neo4j, else as
		 * {@link #BULK_CYPHER}.
		 */
		BULK,

		/** {@code CREATE} through Cypher over Bolt, restartable through chunk markers. */
		BULK_CYPHER,

		/** {@code MERGE} on natural keys into any store. */
		INCREMENTAL,

		/**
		 * Neo4j's offline importer into a new embedded store before the DBMS starts (see
		 * {@link OfflineImporter}); not a mode of this loader, which needs a running
		 * database.
		 */
		IMPORT

	}

	/**
	 * What a load did.
	 *
	 * @param chunks chunks written now
	 * @param skipped chunks a previous, interrupted run had written already
	 * @param rows rows (nodes and relationships) written now
	 * @param took how long it took
	 */
	public record Result(int chunks, int skipped, long rows, Duration took) {

		/** Rows per second. */
		public long rate() {
			return this.rows * 1000 / Math.max(1, this.took.toMillis());
		}

	}

	/**
	 * Merges one chunk into a running platform, in one transaction: nodes on their
	 * natural keys, relationships on their ends (and an ownership period's start), so a
	 * chunk merged twice changes nothing. For ledger imports and other increments.
	 */
	public void merge(Chunk chunk) {
		write(chunk, Mode.INCREMENTAL, false);
	}

	/** Loads the whole generated dataset with one writer. */
	public Result load(NationalGenerator generator, Mode mode) {
		return load(generator, mode, 1, Integer.MAX_VALUE);
	}

	/**
	 * Loads the whole generated dataset with {@code writers} threads, each generating and
	 * writing its own chunks; or stops as if killed: after {@code stopAfter} chunks, in
	 * the middle of the next chunk's transaction (a test hook).
	 */
	Result load(NationalGenerator generator, Mode mode, int writers, int stopAfter) {
		if (mode == Mode.IMPORT) {
			throw new IllegalArgumentException("IMPORT runs before the embedded database starts, not through the "
					+ "loader; for a running database use BULK, BULK_CYPHER or INCREMENTAL");
		}
		long started = System.nanoTime();
		Map<String, Long> done = (mode != Mode.INCREMENTAL) ? begin(generator) : Map.of();
		List<String> chunks = generator.chunks();
		Progress progress = new Progress(started, chunks.size(), done.size(),
				chunks.stream().mapToLong(generator::weight).sum(),
				done.keySet().stream().mapToLong(generator::weight).sum());
		if (!done.isEmpty()) {
			log.info("Resuming the bulk load: {} of {} chunks were written before", done.size(), chunks.size());
		}
		List<String> remaining = chunks.stream().filter((chunk) -> !done.containsKey(chunk)).toList();
		AtomicInteger taken = new AtomicInteger();
		// Each phase refers only to nodes of the phases before it: the national skeleton,
		// then every province's enterprises, then the counties.
		for (String phase : List.of(NationalGenerator.NATIONAL_CHUNK, NationalGenerator.ENTERPRISE_CHUNK,
				NationalGenerator.COUNTY_CHUNK)) {
			runPhase(generator, mode, writers, stopAfter, progress, taken,
					remaining.stream().filter((chunk) -> chunk.startsWith(phase)).toList());
		}
		progress.log();
		// In every mode; before a restartable load records itself finished, so that one
		// stopped here is resumed, not served.
		this.pairingPlaces.ofAll();
		if (mode != Mode.INCREMENTAL) {
			finish(chunks.size());
		}
		Result result = new Result(progress.written, done.size(), progress.rows,
				Duration.ofNanos(System.nanoTime() - started));
		log.info("Loaded {} chunks ({} skipped), {} rows in {} s: {} rows/s", result.chunks(), result.skipped(),
				result.rows(), result.took().toSeconds(), result.rate());
		return result;
	}

	private void runPhase(NationalGenerator generator, Mode mode, int writers, int stopAfter, Progress progress,
			AtomicInteger taken, List<String> chunks) {
		Queue<String> remaining = new ConcurrentLinkedQueue<>(chunks);
		AtomicBoolean failed = new AtomicBoolean();
		ExecutorService pool = Executors.newFixedThreadPool(writers, (task) -> {
			Thread thread = new Thread(task, "bulk-writer");
			thread.setDaemon(true);
			return thread;
		});
		List<Future<?>> workers = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			workers.add(pool.submit(() -> {
				String name;
				while (!failed.get() && (name = remaining.poll()) != null) {
					try {
						Chunk chunk = generator.generate(name);
						write(chunk, mode, taken.getAndIncrement() >= stopAfter);
						progress.done(chunk, generator.weight(name));
					}
					catch (RuntimeException ex) {
						failed.set(true);
						throw ex;
					}
				}
			}));
		}
		try {
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Bulk load interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Refuses a store that holds a bulk load which did not finish: served as it is, it
	 * would answer for part of the country as if it were all of it.
	 * @throws IllegalStateException saying which load and how to finish it
	 */
	public void requireNoUnfinishedLoad() {
		try (Session session = this.driver.session()) {
			var unfinished = session.executeRead((tx) -> tx.run("""
					MATCH (r:BulkLoadRun) WHERE r.finishedAt IS NULL
					RETURN r.scale AS scale, r.seed AS seed, COUNT { (:BulkLoad) } AS chunks""").list());
			if (!unfinished.isEmpty()) {
				var run = unfinished.get(0);
				throw new IllegalStateException(
						"The store holds an unfinished bulk load of the national dataset (scale " + run.get("scale")
								+ ", seed " + run.get("seed") + ", " + run.get("chunks")
								+ " chunks written). Start the load again with --app.bulk.scale=" + run.get("scale")
								+ " --app.bulk.seed=" + run.get("seed") + " --app.seed.enabled=false"
								+ " to finish it (the chunks written are kept), or use a new app.neo4j.embedded.data-dir.");
			}
		}
	}

	/**
	 * Checks that the store is empty, or holds an interrupted load of the same dataset,
	 * and returns the chunks already written with their row counts.
	 */
	private Map<String, Long> begin(NationalGenerator generator) {
		try (Session session = this.driver.session()) {
			return session.executeWrite((tx) -> {
				var run = tx
					.run("MATCH (r:BulkLoadRun) RETURN r.scale AS scale, r.seed AS seed, r.finishedAt AS finished")
					.list();
				if (run.isEmpty()) {
					boolean empty = tx.run(
							"MATCH (n) WHERE none(l IN labels(n) WHERE l STARTS WITH '__') RETURN count(n) = 0 AS empty")
						.single()
						.get("empty")
						.asBoolean();
					if (!empty) {
						throw new IllegalStateException("The store is not empty: a bulk load needs an empty store "
								+ "(a new app.neo4j.embedded.data-dir and app.seed.enabled=false), "
								+ "or use app.bulk.mode=INCREMENTAL to merge into existing data");
					}
					tx.run("CREATE (:BulkLoadRun {scale: $scale, seed: $seed, startedAt: datetime()})",
							Map.of("scale", generator.scale(), "seed", generator.seed()))
						.consume();
					return Map.of();
				}
				var record = run.get(0);
				if (record.get("scale").asDouble() != generator.scale()
						|| record.get("seed").asLong() != generator.seed()) {
					throw new IllegalStateException(
							"The store holds a bulk load of scale " + record.get("scale") + " and seed "
									+ record.get("seed") + "; resume it with the same values or use a new store");
				}
				if (!record.get("finished").isNull()) {
					throw new IllegalStateException("The store already holds this dataset, completely loaded");
				}
				Map<String, Long> done = new HashMap<>();
				tx.run("MATCH (b:BulkLoad) RETURN b.chunk AS chunk, b.rows AS rows")
					.forEachRemaining((r) -> done.put(r.get("chunk").asString(), r.get("rows").asLong()));
				return done;
			});
		}
	}

	private void write(Chunk chunk, Mode mode, boolean killHalfWay) {
		EmbeddedChunkWriter embedded = (mode == Mode.BULK) ? this.embedded.get() : null;
		if (embedded != null) {
			// Parallel writers may deadlock on shared nodes (a province, a central unit):
			// the chunk's transaction rolled back whole, so it is simply written again.
			for (int attempt = 1;; attempt++) {
				try {
					embedded.write(chunk, killHalfWay);
					return;
				}
				catch (TransientFailureException ex) {
					if (attempt == 10) {
						throw ex;
					}
					log.debug("Chunk {} met a transient failure, writing it again: {}", chunk.name(), ex.getMessage());
				}
			}
		}
		try (Session session = this.driver.session()) {
			session.executeWrite((tx) -> {
				boolean first = true;
				for (Map.Entry<GraphTable, List<Map<String, Object>>> entry : chunk.tables().entrySet()) {
					GraphTable table = entry.getKey();
					List<Map<String, Object>> rows = entry.getValue();
					for (int from = 0; from < rows.size(); from += BATCH) {
						run(tx, chunk, table, mode == Mode.INCREMENTAL,
								rows.subList(from, Math.min(rows.size(), from + BATCH)));
						if (killHalfWay && first) {
							throw new SimulatedKill(chunk.name());
						}
						first = false;
					}
				}
				if (mode != Mode.INCREMENTAL) {
					tx.run("CREATE (:BulkLoad {chunk: $chunk, rows: $rows})",
							Map.of("chunk", chunk.name(), "rows", chunk.rows()))
						.consume();
				}
				return null;
			});
		}
	}

	private static void run(TransactionContext tx, Chunk chunk, GraphTable table, boolean merge,
			List<Map<String, Object>> batch) {
		long matched = tx.run(merge ? table.merge() : table.create(), Map.of("rows", batch)).single().get(0).asLong();
		if (matched != batch.size()) {
			throw new IllegalStateException("Chunk " + chunk.name() + ", table " + table.name() + ": "
					+ (batch.size() - matched) + " of " + batch.size() + " rows refer to nodes that do not exist");
		}
	}

	/** Removes the chunk markers and records the finished load, in one transaction. */
	private void finish(int chunks) {
		try (Session session = this.driver.session()) {
			session.executeWrite(
					(tx) -> tx
						.run("MATCH (b:BulkLoad) DELETE b WITH count(*) AS markers "
								+ "MATCH (r:BulkLoadRun) SET r.finishedAt = datetime(), r.chunks = $chunks",
								Map.of("chunks", chunks))
						.consume());
		}
	}

	/**
	 * Rows and chunks written so far, logged every few seconds with a rate and an ETA.
	 */
	private static final class Progress {

		private final long started;

		private final int total;

		private final int skipped;

		private final long totalWeight;

		private final long startWeight;

		private long doneWeight;

		private long rows;

		private int written;

		private long lastLog;

		Progress(long started, int total, int skipped, long totalWeight, long startWeight) {
			this.started = started;
			this.total = total;
			this.skipped = skipped;
			this.totalWeight = totalWeight;
			this.startWeight = startWeight;
			this.doneWeight = startWeight;
			this.lastLog = started;
		}

		synchronized void done(Chunk chunk, long weight) {
			this.written++;
			this.rows += chunk.rows();
			this.doneWeight += weight;
			if (System.nanoTime() - this.lastLog > PROGRESS_EVERY.toNanos()) {
				log();
			}
		}

		synchronized void log() {
			this.lastLog = System.nanoTime();
			double elapsed = (this.lastLog - this.started) / 1e9;
			double fraction = Math.min(1.0, (double) this.doneWeight / Math.max(1, this.totalWeight));
			// The ETA extrapolates this run's own pace over the work left.
			double thisRun = (double) (this.doneWeight - this.startWeight)
					/ Math.max(1, this.totalWeight - this.startWeight);
			long rate = (long) (this.rows / Math.max(elapsed, 0.001));
			long eta = (thisRun > 0) ? (long) (elapsed * (1 - thisRun) / thisRun) : 0;
			BulkLoader.log.info(String.format(Locale.ROOT,
					"Bulk load %5.1f%% (%,d/%,d chunks) %,d rows, %,d rows/s, ETA %dm%02ds", fraction * 100,
					this.skipped + this.written, this.total, this.rows, rate, eta / 60, eta % 60));
		}

	}

	/** Thrown by the test hook in the middle of a chunk's transaction. */
	static final class SimulatedKill extends RuntimeException {

		SimulatedKill(String chunk) {
			super("Simulated kill in the middle of chunk " + chunk);
		}

	}

}
