package org.fupin.ledger.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.Set;

import org.fupin.ledger.LedgerForm;
import org.fupin.security.Caller;
import org.fupin.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start: takes up the imports a stop interrupted ({@link LedgerImports#recover()}),
 * then, when {@code app.ledger.import.file} is set, imports that file as the system (an
 * ADMIN named {@code system}) and logs its report: a province's first load from the
 * command line. It commits only with {@code app.ledger.import.commit=true} and only a
 * file without errors.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ImportsOnStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportsOnStart.class);

	static final Caller SYSTEM = new Caller("system", Set.of(Role.ADMIN), null, null, false);

	private final LedgerImports imports;

	private final ImportProperties properties;

	private final ConfigurableApplicationContext context;

	ImportsOnStart(LedgerImports imports, ImportProperties properties, ConfigurableApplicationContext context) {
		this.imports = imports;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.context.isActive()) {
			// A runner before this one ended the application: a bulk load that exits.
			return;
		}
		this.imports.recover();
		if (this.properties.file() == null) {
			return;
		}
		LedgerForm form = LedgerForm.ofSlug(this.properties.form())
			.orElseThrow(
					() -> new IllegalArgumentException("app.ledger.import.form: no ledger " + this.properties.form()));
		Charset charset = (this.properties.charset() != null && !this.properties.charset().isBlank())
				? Charset.forName(this.properties.charset()) : null;
		ImportJob job;
		try (InputStream in = Files.newInputStream(this.properties.file())) {
			job = this.imports.submit(form, this.properties.file().getFileName().toString(), in, charset,
					this.properties.commit(), SYSTEM);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("app.ledger.import.file: cannot read " + this.properties.file(), ex);
		}
		this.imports.drain();
		ImportJob done = this.imports.job(job.id(), SYSTEM);
		log.info("Ledger import {} of {}: {}; {} rows read, {} valid, {} with errors, {} written; lines by code {}",
				done.id(), done.fileName(), done.state(), done.rowsRead(), done.rowsValid(), done.rowsInvalid(),
				done.rowsWritten(), done.codeCounts());
		if (done.message() != null) {
			log.info("Ledger import {}: {}", done.id(), done.message());
		}
		this.imports.allLines(done.id(), SYSTEM)
			.stream()
			.limit(200)
			.forEach((line) -> log.info("  row {} {} [{}] {}: {}", line.row(),
					(line.header() != null) ? line.header() : "", (line.value() != null) ? line.value() : "",
					line.code(), line.message()));
	}

}
