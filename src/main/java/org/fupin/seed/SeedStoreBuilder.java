package org.fupin.seed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Properties;

import org.fupin.Application;
import org.fupin.neo4j.StoreArchive;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.kernel.internal.Version;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Run by the build before the jar is packed: starts the application (its web server on a
 * free port of the loopback) on a new store, so that the migrations, the seed and the
 * dashboard rollups run exactly as at a first start, stops it and dumps the store among
 * the classes ({@link PackagedSeedStore} restores it). Local accounts are off, so the
 * store holds no administrator and no password.
 *
 * <p>
 * Arguments: the folder of the application's classes, and a work folder for the store.
 */
public final class SeedStoreBuilder {

	private SeedStoreBuilder() {
	}

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args[0]).resolve(PackagedSeedStore.FOLDER);
		Path home = Path.of(args[1]).toAbsolutePath().normalize();
		try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
			fs.deleteRecursively(out);
			fs.deleteRecursively(home);
		}
		if (new StandardEnvironment().containsProperty("app.bulk.scale")) {
			throw new IllegalStateException("APP_BULK_SCALE (app.bulk.scale) is set: the build's seeded store would be"
					+ " a national load; unset it, or build with -Dseed-store.skip=true");
		}
		LocalDate seededOn;
		// What a first start with the defaults does, whatever the build's
		// surroundings say: a server's URI, a profile, a configuration file or
		// a seed of their own.
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.bannerMode(Banner.Mode.OFF)
			.run("--spring.config.location=classpath:/", "--spring.profiles.active=", "--spring.neo4j.uri=",
					"--app.seed.enabled=true", "--app.seed.location=classpath:seed/", "--app.today=",
					"--server.address=127.0.0.1", "--server.port=0", "--app.neo4j.embedded.data-dir=" + home,
					"--app.neo4j.embedded.bolt-port=0", "--app.seed.packaged-store=false",
					"--app.security.local-accounts.enabled=false",
					"--app.ledger.import.dir=" + home.resolve("imports"))) {
			seededOn = LocalDate.now(context.getBean(Clock.class));
		}
		Files.createDirectories(out);
		StoreArchive.dump(home, out.resolve(PackagedSeedStore.DUMP));
		Properties made = new Properties();
		made.setProperty(PackagedSeedStore.FINGERPRINT,
				PackagedSeedStore.fingerprint(new PathMatchingResourcePatternResolver()));
		made.setProperty(PackagedSeedStore.NEO4J, Version.getNeo4jVersion());
		made.setProperty(PackagedSeedStore.SEEDED_ON, seededOn.toString());
		try (OutputStream description = Files.newOutputStream(out.resolve(PackagedSeedStore.DESCRIPTION))) {
			made.store(description, "The seeded store of this build (org.fupin.seed.PackagedSeedStore)");
		}
		try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
			fs.deleteRecursively(home);
		}
	}

}
