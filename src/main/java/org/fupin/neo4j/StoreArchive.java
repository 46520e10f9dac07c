package org.fupin.neo4j;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.neo4j.commandline.dbms.CannotWriteException;
import org.neo4j.commandline.dbms.LockChecker;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.archive.Dumper;
import org.neo4j.dbms.archive.IncorrectFormat;
import org.neo4j.dbms.archive.Loader;
import org.neo4j.dbms.archive.StandardCompressionFormat;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.locker.FileLockException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup and restore of the embedded store's database, with the same code and file format
 * as {@code neo4j-admin database dump} and {@code load} (Neo4j's {@link Dumper} and
 * {@link Loader}). Neo4j Community can neither back up a running database nor stop one
 * while the DBMS runs, so both need the application stopped: the store's lock file tells,
 * and a running store is refused rather than copied half-written. A restore moves the
 * current database aside ({@code before-restore-<time>/} in the data directory) instead
 * of deleting it.
 */
public final class StoreArchive {

	private static final Logger log = LoggerFactory.getLogger(StoreArchive.class);

	private static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;

	/**
	 * The national import's markers in the data directory, which describe the database
	 * beside them and move with it.
	 */
	private static final String IMPORT_MARKERS = "national-import.*";

	/** Where {@link #loadIntoNew} loads a dump before moving it into place. */
	private static final String STAGING = "new-store-staging";

	/**
	 * Written in the staging folder once the dump has loaded there: from then on only the
	 * moves into place remain.
	 */
	private static final String LOADED = "loaded";

	private StoreArchive() {
	}

	/**
	 * Dumps the database of the store in {@code home} to {@code archive}, which must not
	 * exist.
	 * @throws IllegalStateException when the store is in use or has no database
	 */
	public static void dump(Path home, Path archive) {
		DatabaseLayout layout = layout(home);
		if (!Files.isDirectory(layout.databaseDirectory())) {
			throw new IllegalStateException("No database to back up in " + home.toAbsolutePath().normalize()
					+ " (expected " + layout.databaseDirectory() + "); check app.neo4j.embedded.data-dir.");
		}
		if (Files.exists(archive)) {
			throw new IllegalStateException(archive + " exists already; choose a new file name.");
		}
		// Written under another name and renamed when complete: a dump cut short (a full
		// disk, a killed process) never looks like a backup.
		Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
		try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction(); Closeable lock = lock(layout)) {
			Dumper dumper = new Dumper(fs, quiet());
			Files.deleteIfExists(partial);
			try (OutputStream out = dumper.openForDump(partial.toAbsolutePath())) {
				dumper.dump(layout.databaseDirectory(), layout.getTransactionLogsDirectory(), out,
						StandardCompressionFormat.GZIP, (path) -> path.equals(layout.databaseLockFile()));
			}
			Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			deleteQuietly(partial);
			throw new UncheckedIOException("Cannot back up " + layout.databaseDirectory() + " to " + archive, ex);
		}
		log.info("Backed up {} to {}", layout.databaseDirectory(), archive.toAbsolutePath());
	}

	/**
	 * Replaces the database of the store in {@code home} with the one in {@code archive};
	 * the current one, if any, is moved aside.
	 * @return where the previous database was moved, or null when there was none
	 * @throws IllegalStateException when the store is in use or the archive is no dump
	 */
	public static Path load(Path home, Path archive) {
		if (!Files.isRegularFile(archive)) {
			throw new IllegalStateException("No backup file " + archive.toAbsolutePath() + ".");
		}
		Path normalised = home.toAbsolutePath().normalize();
		DatabaseLayout layout = layout(normalised);
		Path aside = null;
		// Under the DBMS's lock throughout, so that no start opens the store half
		// restored.
		try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction(); Closeable lock = lock(layout)) {
			if (hasDatabase(layout)) {
				aside = normalised.resolve(
						"before-restore-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
				moveAside(layout.databaseDirectory(), aside.resolve("databases"));
				moveAside(layout.getTransactionLogsDirectory(), aside.resolve("transactions"));
				// What the national import noted about the old database (finished or not)
				// goes with it: it says nothing of the restored one.
				try (var markers = Files.newDirectoryStream(normalised, IMPORT_MARKERS)) {
					for (Path marker : markers) {
						moveAside(marker, aside);
					}
				}
			}
			try {
				load(fs, layout, archive.toAbsolutePath());
			}
			catch (IncorrectFormat | IOException | RuntimeException ex) {
				putBack(fs, layout, aside);
				if (ex instanceof IncorrectFormat) {
					throw new IllegalStateException(archive + " is not a database dump; the store is as it was.", ex);
				}
				throw new IllegalStateException(
						"Cannot restore " + archive + " into " + normalised + "; the store is as it was.", ex);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot restore " + archive + " into " + normalised
					+ ((aside != null) ? "; the previous database is in " + aside : ""), ex);
		}
		log.info("Restored {} from {}{}", layout.databaseDirectory(), archive.toAbsolutePath(),
				(aside != null) ? "; the previous database is kept in " + aside : "");
		return aside;
	}

	/**
	 * Loads the dump that {@code dump} copies out into the store in {@code home} when
	 * that store has neither a database nor its transaction logs yet, else leaves it as
	 * it is. Under the DBMS's lock, the dump is loaded into a staging folder of the store
	 * and moved into place, the transaction logs first. A start that dies while loading
	 * leaves only the staging folder, which the next call deletes; one that dies between
	 * the two moves leaves the staging folder marked as loaded, and the next call
	 * finishes the moves.
	 * @return whether the dump was loaded (or its interrupted moves finished)
	 * @throws IllegalStateException when the store is in use or the dump does not load
	 */
	public static boolean loadIntoNew(Path home, DumpSource dump) {
		Path normalised = home.toAbsolutePath().normalize();
		DatabaseLayout layout = layout(normalised);
		Path staging = normalised.resolve(STAGING);
		DatabaseLayout staged = layout(staging);
		try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction(); Closeable lock = lock(layout)) {
			if (Files.exists(staging.resolve(LOADED)) && !Files.exists(layout.databaseDirectory())) {
				log.warn("Finishing the load of a new store that an earlier start left half moved into place");
				moveIntoPlace(fs, staged, layout);
				return true;
			}
			fs.deleteRecursively(staging);
			if (hasDatabase(layout)) {
				return false;
			}
			Files.createDirectories(staging);
			Path copy = staging.resolve("neo4j.dump");
			dump.copyTo(copy);
			load(fs, staged, copy);
			Files.createFile(staging.resolve(LOADED));
			moveIntoPlace(fs, staged, layout);
			return true;
		}
		catch (IncorrectFormat | IOException ex) {
			throw new IllegalStateException("Cannot load a dump into the new store " + normalised, ex);
		}
	}

	/**
	 * Moves what a load put in the staging folder into place, the transaction logs first,
	 * skipping a part already moved, then deletes the staging folder.
	 */
	private static void moveIntoPlace(FileSystemAbstraction fs, DatabaseLayout staged, DatabaseLayout layout)
			throws IOException {
		Files.createDirectories(layout.getTransactionLogsDirectory().getParent());
		if (!Files.exists(layout.getTransactionLogsDirectory())) {
			Files.move(staged.getTransactionLogsDirectory(), layout.getTransactionLogsDirectory());
		}
		Files.move(staged.databaseDirectory(), layout.databaseDirectory());
		fs.deleteRecursively(staged.getNeo4jLayout().homeDirectory());
	}

	/**
	 * Whether the store in {@code home} has a database, or the transaction logs of one.
	 */
	public static boolean hasDatabase(Path home) {
		return hasDatabase(layout(home));
	}

	private static boolean hasDatabase(DatabaseLayout layout) {
		return Files.exists(layout.databaseDirectory()) || Files.exists(layout.getTransactionLogsDirectory());
	}

	/**
	 * Loads a dump into {@code layout}, whose folders a new store lacks and Neo4j's
	 * loader does not make.
	 */
	private static void load(FileSystemAbstraction fs, DatabaseLayout layout, Path archive)
			throws IOException, IncorrectFormat {
		Files.createDirectories(layout.getNeo4jLayout().databasesDirectory());
		Files.createDirectories(layout.getTransactionLogsDirectory().getParent());
		new Loader(fs, quiet()).load(layout, archive);
	}

	/** Writes a dump to a file. */
	@FunctionalInterface
	public interface DumpSource {

		void copyTo(Path file) throws IOException;

	}

	private static DatabaseLayout layout(Path home) {
		return DatabaseLayout.of(Neo4jLayout.of(home.toAbsolutePath().normalize()), DATABASE);
	}

	/** Holds the DBMS's own lock, which a running DBMS holds: refuses a store in use. */
	private static Closeable lock(DatabaseLayout layout) throws IOException {
		Neo4jLayout dbms = layout.getNeo4jLayout();
		Files.createDirectories(dbms.databasesDirectory());
		try {
			return LockChecker.checkDbmsLock(dbms);
		}
		catch (FileLockException ex) {
			throw new IllegalStateException("The store " + dbms.homeDirectory() + " is in use: stop the application"
					+ " first (Neo4j Community cannot back up or restore a running database).", ex);
		}
		catch (CannotWriteException ex) {
			throw new IllegalStateException(
					"Cannot write in " + dbms.databasesDirectory() + "; run as the user" + " who owns the store.", ex);
		}
	}

	/**
	 * Deletes what a failed load wrote and moves the database that was {@code aside} back
	 * where it was.
	 */
	private static void putBack(FileSystemAbstraction fs, DatabaseLayout layout, Path aside) throws IOException {
		fs.deleteRecursively(layout.databaseDirectory());
		fs.deleteRecursively(layout.getTransactionLogsDirectory());
		if (aside == null) {
			return;
		}
		moveBack(aside.resolve("databases").resolve(layout.databaseDirectory().getFileName()),
				layout.databaseDirectory());
		moveBack(aside.resolve("transactions").resolve(layout.getTransactionLogsDirectory().getFileName()),
				layout.getTransactionLogsDirectory());
		try (var markers = Files.newDirectoryStream(aside, IMPORT_MARKERS)) {
			for (Path marker : markers) {
				moveBack(marker, layout.getNeo4jLayout().homeDirectory().resolve(marker.getFileName()));
			}
		}
		fs.deleteRecursively(aside);
	}

	private static void moveBack(Path from, Path to) throws IOException {
		if (Files.exists(from)) {
			Files.move(from, to);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", file, ex.getMessage());
		}
	}

	private static void moveAside(Path directory, Path target) throws IOException {
		if (Files.exists(directory)) {
			Files.createDirectories(target);
			Files.move(directory, target.resolve(directory.getFileName()));
		}
	}

	private static PrintStream quiet() {
		return new PrintStream(OutputStream.nullOutputStream());
	}

}
