package org.fupin.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import org.neo4j.batchimport.api.BatchImporter;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.context.FixedVersionContextSupplier;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.logging.internal.SimpleLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import org.neo4j.storageengine.api.StorageEngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the generated national dataset into a new embedded store with Neo4j's offline
 * importer (the engine of {@code neo4j-admin database import full}) while no database
 * runs on it: store files written directly, relationships sorted and linked in bulk.
 *
 * <p>
 * An import is all or nothing. A marker file {@value #STARTED} (scale and seed) is
 * written before it begins and {@value #DONE} only after it succeeded, so an import that
 * was killed leaves {@value #STARTED} alone behind: the next run deletes the partial
 * database and imports again from the start. A store that holds the same dataset already
 * is left as it is; any other existing store is refused.
 */
final class OfflineImporter {

	/**
	 * Written before the import starts; its presence alone means an unfinished import.
	 */
	static final String STARTED = "national-import.started";

	/** Written only once the import succeeded. */
	static final String DONE = "national-import.done";

	private static final Logger log = LoggerFactory.getLogger(OfflineImporter.class);

	private final Path home;

	private final DatabaseLayout layout;

	private final Config config;

	/**
	 * @param home the embedded DBMS's home, i.e. {@code app.neo4j.embedded.data-dir}
	 */
	OfflineImporter(Path home) {
		this.home = home.toAbsolutePath().normalize();
		this.config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, this.home).build();
		this.layout = DatabaseLayout.of(this.config);
	}

	/**
	 * What an import did.
	 *
	 * @param imported whether it imported now (false: the store held the dataset already)
	 * @param redone whether an unfinished earlier import was deleted first
	 * @param took how long the import took
	 */
	record Result(boolean imported, boolean redone, Duration took) {
	}

	/** Imports the whole dataset, unless the store holds it already. */
	Result importDataset(NationalGenerator generator) {
		return importDataset(generator, Integer.MAX_VALUE);
	}

	/**
	 * Imports the whole dataset, or fails as if killed after {@code stopAfter} generated
	 * chunks (a test hook).
	 */
	Result importDataset(NationalGenerator generator, int stopAfter) {
		long started = System.nanoTime();
		String dataset = "scale=" + generator.scale() + ", seed=" + generator.seed();
		Path done = this.home.resolve(DONE);
		Path startedMarker = this.home.resolve(STARTED);
		try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
			if (Files.exists(done)) {
				String found = read(done).getProperty("dataset");
				if (found == null) {
					throw new IllegalStateException("The store in " + this.home + " holds a finished import whose "
							+ DONE + " records no dataset, so it cannot be told from " + dataset
							+ "; use a new app.neo4j.embedded.data-dir");
				}
				if (!dataset.equals(found)) {
					throw new IllegalStateException("The store in " + this.home + " holds the national dataset of "
							+ found + ", not " + dataset + "; use a new app.neo4j.embedded.data-dir");
				}
				log.info("The store in {} holds the national dataset ({}) already: nothing to import", this.home,
						dataset);
				// Left by a process that died between writing the one and deleting the
				// other.
				Files.deleteIfExists(startedMarker);
				return new Result(false, false, Duration.ZERO);
			}
			boolean redo = Files.exists(startedMarker);
			if (redo) {
				log.warn("An unfinished import ({}) was found in {}: deleting it and importing again",
						read(startedMarker).getProperty("dataset"), this.home);
				fs.deleteRecursively(this.layout.databaseDirectory());
				fs.deleteRecursively(this.layout.getTransactionLogsDirectory());
			}
			else if (fs.fileExists(this.layout.databaseDirectory())
					&& fs.listFiles(this.layout.databaseDirectory()).length > 0) {
				throw new IllegalStateException("The store in " + this.home + " is not empty: an import needs a new "
						+ "app.neo4j.embedded.data-dir (or app.bulk.mode=INCREMENTAL to merge into existing data)");
			}
			Files.createDirectories(this.home);
			write(startedMarker, dataset, null);
			run(fs, generator, stopAfter);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			write(done, dataset, took);
			Files.delete(startedMarker);
			log.info("Imported the national dataset ({}) into {} in {} s", dataset, this.home, took.toSeconds());
			return new Result(true, redo, took);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Import into " + this.home + " failed", ex);
		}
	}

	private void run(FileSystemAbstraction fs, NationalGenerator generator, int stopAfter) throws IOException {
		PageCacheTracer tracer = PageCacheTracer.NULL;
		CursorContextFactory contexts = new CursorContextFactory(tracer,
				FixedVersionContextSupplier.EMPTY_CONTEXT_SUPPLIER);
		try (JobScheduler scheduler = JobSchedulerFactory.createInitialisedScheduler();
				PrintStream out = new PrintStream(new LogLines(), true, StandardCharsets.UTF_8);
				GeneratorInput input = new GeneratorInput(generator, stopAfter)) {
			StorageEngineFactory engine = StorageEngineFactory.selectStorageEngine(this.config);
			BatchImporter importer = engine.batchImporter(this.layout, fs, tracer, Configuration.DEFAULT,
					new SimpleLogService(NullLogProvider.getInstance()), out, false, DefaultAdditionalIds.EMPTY,
					this.config, new ProgressMonitor(input), scheduler, Collector.STRICT,
					TransactionLogInitializer.getLogFilesInitializer(), new IndexImporterFactoryImpl(),
					EmptyMemoryTracker.INSTANCE, contexts);
			importer.doImport(input);
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Refuses a store in which an import began and did not finish: the database files are
	 * half written, and a start that opened them would serve part of the country, or fail
	 * in Neo4j's own words.
	 * @throws IllegalStateException saying how to finish the import or leave it
	 */
	static void requireNoUnfinishedImport(Path home) {
		Path startedMarker = home.resolve(STARTED);
		if (!Files.exists(startedMarker) || Files.exists(home.resolve(DONE))) {
			return;
		}
		String dataset;
		try {
			dataset = read(startedMarker).getProperty("dataset");
		}
		catch (IOException ex) {
			dataset = "unreadable marker: " + ex.getMessage();
		}
		throw new IllegalStateException("The store in " + home + " holds an unfinished import of the national dataset ("
				+ dataset + "). Start the import again with the same app.bulk.scale and app.bulk.mode=IMPORT to "
				+ "finish it (it starts over), or use a new app.neo4j.embedded.data-dir.");
	}

	private static Properties read(Path file) throws IOException {
		Properties properties = new Properties();
		try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

	/** Writes a marker whole or not at all: to a temporary file, then renamed. */
	private static void write(Path file, String dataset, Duration took) throws IOException {
		Properties properties = new Properties();
		properties.setProperty("dataset", dataset);
		if (took != null) {
			properties.setProperty("seconds", Long.toString(took.toSeconds()));
		}
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING); var out = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
			properties.store(out, "fupin-graph national dataset import");
			out.flush();
			// On disk before the rename, so a power cut cannot leave an empty marker.
			channel.force(true);
		}
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * The importer's own progress (its percentage over all stages, weighted by the work
	 * each does) on the console with the elapsed time and an ETA.
	 */
	private static final class ProgressMonitor implements Monitor {

		private final GeneratorInput input;

		private long started = System.nanoTime();

		private long lastLog;

		private int lastPercentage = -100;

		ProgressMonitor(GeneratorInput input) {
			this.input = input;
		}

		@Override
		public void started() {
			this.started = System.nanoTime();
		}

		@Override
		public void percentageCompleted(int percentage) {
			// Every 5% or every 10 s, whichever comes first.
			long now = System.nanoTime();
			if (percentage < 100 && percentage < this.lastPercentage + 5 && now - this.lastLog < 10_000_000_000L) {
				return;
			}
			this.lastPercentage = percentage;
			this.lastLog = now;
			double elapsed = Math.max(0.001, (System.nanoTime() - this.started) / 1e9);
			long eta = (percentage > 0) ? (long) (elapsed * (100 - percentage) / percentage) : 0;
			// Rows (nodes and relationships) as estimated, over the whole time so far.
			long rate = (long) (this.input.estimatedRows() * percentage / 100.0 / elapsed);
			log.info(String.format(Locale.ROOT, "Import %3d%%, about %,d rows/s, %dm%02ds elapsed, ETA %dm%02ds",
					percentage, rate, (long) elapsed / 60, (long) elapsed % 60, eta / 60, eta % 60));
		}

		@Override
		public void completed(boolean success) {
			log.info("Import {} after {} s", success ? "completed" : "failed",
					(System.nanoTime() - this.started) / 1_000_000_000);
		}

	}

	/** The importer's console output (stages, their rates and memory), as log lines. */
	private static final class LogLines extends OutputStream {

		private final ByteArrayOutputStream line = new ByteArrayOutputStream();

		@Override
		public synchronized void write(int b) {
			if (b == '\n') {
				flushLine();
			}
			else {
				this.line.write(b);
			}
		}

		@Override
		public synchronized void close() {
			flushLine();
		}

		private void flushLine() {
			String text = this.line.toString(StandardCharsets.UTF_8).strip();
			this.line.reset();
			// Its dotted progress bars only at debug level: the monitor above logs the
			// percentage.
			if (text.startsWith(".") || text.startsWith("-")) {
				log.debug("importer: {}", text);
			}
			else if (!text.isEmpty()) {
				log.info("importer: {}", text);
			}
		}

	}

}
