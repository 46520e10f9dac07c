package org.fupin.ledger.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.fupin.dashboard.DashboardRollups;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.ErrorCode;
import org.fupin.graphql.Keyset;
import org.fupin.graphql.PageRequest;
import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.read.LedgerFileException;
import org.fupin.ledger.read.LedgerFiles;
import org.fupin.ledger.read.ReadProgress;
import org.fupin.ledger.read.ReportLine;
import org.fupin.ledger.read.ReportWorkbook;
import org.fupin.ledger.read.SourceRow;
import org.fupin.ledger.read.Upload;
import org.fupin.register.RegisterGates;
import org.fupin.security.Caller;
import org.fupin.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of ledger files as jobs kept in the store. An upload is spooled to
 * {@code app.ledger.import.dir} and checked row by row in the background (the dry run,
 * always first): a batch of rows at a time against state read for the whole batch, with
 * the report kept in the store. A commit checks every row again against the state of the
 * moment and writes the file whole: the ledgers of the asset register in batches under
 * the gates of their counties, each batch with the job's checkpoint, the others in one
 * transaction. A stop while it runs leaves the job {@code COMMITTING}; the start that
 * follows goes on after its checkpoint, or commits it again ({@link #recover()}). Jobs
 * run one at a time, in the order they were asked for.
 */
@Service
public class LedgerImports {

	private static final Logger log = LoggerFactory.getLogger(LedgerImports.class);

	/**
	 * How far into a large commit (in per cent of its rows) the dashboards' counting is
	 * planned: late enough that the statistics are near their final values, early enough
	 * that the planning is done before the last batch.
	 */
	private static final long PLAN_COUNTING_AT_PERCENT = 70;

	static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

	/** How long a stop waits for the running batch (Spring's graceful phase is 30 s). */
	private static final Duration STOP_WAIT = Duration.ofSeconds(30);

	private final ImportRepository jobs;

	private final List<LedgerRows<?, ?>> ledgers;

	private final LedgerFiles files;

	private final DashboardRollups rollups;

	private final RegisterGates gates;

	private final ImportProperties properties;

	private final Clock clock;

	private final TransactionTemplate reads;

	private final TransactionTemplate commits;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "ledger-import");
		thread.setDaemon(true);
		return thread;
	});

	/** Test hook: a commit fails as if killed after writing this many rows. */
	volatile long killAfterRows = -1;

	/** Set when the platform stops: the running step ends at its next batch. */
	private volatile boolean stopping;

	LedgerImports(ImportRepository jobs, List<LedgerRows<?, ?>> ledgers, LedgerFiles files, DashboardRollups rollups,
			RegisterGates gates, ImportProperties properties, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.jobs = jobs;
		this.gates = gates;
		this.ledgers = List.copyOf(ledgers);
		for (LedgerForm form : LedgerForm.values()) {
			if (ledgers.stream().filter((rows) -> rows.handles(form)).count() != 1) {
				throw new IllegalStateException("The " + form.slug() + " ledger needs exactly one LedgerRows");
			}
		}
		this.files = files;
		this.rollups = rollups;
		this.properties = properties;
		this.clock = clock;
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.reads.setTimeout(120);
		this.commits = new TransactionTemplate(transactionManager);
		this.commits.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.commits.setTimeout((int) Math.max(1, properties.commitTimeout().toSeconds()));
	}

	/**
	 * Stops with the platform: the step running ends at its next batch, leaving its job
	 * as {@link #recover()} takes it up (a dry run {@code VALIDATING}, a commit
	 * {@code COMMITTING} after its last checkpoint, a commit in one transaction rolled
	 * back whole), and is waited for, so no transaction is left open when the database
	 * closes.
	 */
	@PreDestroy
	void stop() throws InterruptedException {
		this.stopping = true;
		this.worker.shutdown();
		if (!this.worker.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
			log.warn("A ledger import did not stop within {} s; interrupting it", STOP_WAIT.toSeconds());
			this.worker.shutdownNow();
		}
	}

	/**
	 * Keeps the upload and starts its dry run; with {@code commit}, the commit follows
	 * when every row is valid.
	 */
	public ImportJob submit(LedgerForm form, String fileName, InputStream content, Charset charset, boolean commit,
			Caller caller) {
		LedgerRows<Object, Object> rows = rowsOf(form);
		requireWriter(caller, rows);
		String id = UUID.randomUUID().toString();
		Path file = spool(id, fileName, content);
		OffsetDateTime now = ImportRepository.now();
		Map<String, Object> job = new HashMap<>();
		job.put("id", id);
		job.put("form", form.slug());
		job.put("fileName", fileName);
		job.put("file", file.toString());
		job.put("charset", (charset != null) ? charset.name() : null);
		job.put("actor", caller.name());
		job.put("roles", caller.roles().stream().map(Role::name).sorted().toList());
		job.put("placeScope", caller.place());
		job.put("program", caller.program());
		job.put("createdAt", now);
		job.put("updatedAt", now);
		job.put("state", ImportState.VALIDATING.name());
		job.put("commitRequested", commit);
		job.put("rowsRead", 0L);
		this.jobs.create(job);
		log.info("Ledger import {} of {} ({}) by {}: checking{}", id, fileName, form.slug(), caller.name(),
				commit ? ", then committing" : "");
		this.worker.execute(() -> guarded(id, () -> runValidation(id)));
		return find(id);
	}

	/**
	 * Commits a validated job: the rows are checked again and written, in batches under
	 * the county gates or in one transaction, as their ledger commits.
	 */
	public ImportJob commit(String id, Caller caller) {
		ImportJob job = visible(id, caller);
		requireWriter(caller, rowsOf(job.form()));
		if (!job.actor().equals(caller.name()) && !caller.has(Role.ADMIN)) {
			throw new ApiException(ErrorCode.FORBIDDEN, "id",
					"只有上传人或管理员可以提交此导入。Only who uploaded the file (" + job.actor() + ") or an ADMIN may commit it.");
		}
		if (job.state() == ImportState.VALIDATING) {
			this.jobs.update(id, Map.of("commitRequested", true));
			// The dry run may have ended meanwhile, before it saw the request.
			if (this.jobs.move(id, List.of(ImportState.VALIDATED), ImportState.COMMITTING, Map.of())) {
				this.worker.execute(() -> guarded(id, () -> runCommit(id)));
			}
			return find(id);
		}
		if (!this.jobs.move(id, List.of(ImportState.VALIDATED), ImportState.COMMITTING, Map.of())) {
			throw new ApiException(ErrorCode.CONFLICT, "id",
					"此导入处于 " + job.state() + " 状态，不能提交；只有校验通过（VALIDATED）的导入可以提交。The import is " + job.state()
							+ "; only a VALIDATED import can be committed.");
		}
		this.worker.execute(() -> guarded(id, () -> runCommit(id)));
		return find(id);
	}

	/** Cancels a job before its commit; its upload is deleted, its report kept. */
	public ImportJob cancel(String id, Caller caller) {
		ImportJob job = visible(id, caller);
		requireWriter(caller, rowsOf(job.form()));
		if (!job.actor().equals(caller.name()) && !caller.has(Role.ADMIN)) {
			throw new ApiException(ErrorCode.FORBIDDEN, "id",
					"只有上传人或管理员可以取消此导入。Only who uploaded the file (" + job.actor() + ") or an ADMIN may cancel it.");
		}
		if (!this.jobs.move(id, List.of(ImportState.VALIDATING, ImportState.VALIDATED, ImportState.INVALID),
				ImportState.CANCELLED, Map.of())) {
			throw new ApiException(ErrorCode.CONFLICT, "id", "此导入处于 " + job.state() + " 状态，不能取消。The import is "
					+ job.state() + "; only an import not yet committing can be cancelled.");
		}
		deleteUpload(job);
		log.info("Ledger import {} cancelled by {}", id, caller.name());
		return find(id);
	}

	/** The job, when the caller may see it. */
	public ImportJob job(String id, Caller caller) {
		return visible(id, caller);
	}

	/** Jobs newest first, an OFFICER's those uploaded within their place. */
	public Connection<ImportJob> jobs(PageRequest page, Caller caller, boolean count) {
		Map<String, Object> after = ImportRepository.JOBS.after(page.after());
		String place = scopeOf(caller);
		List<ImportJob> rows = this.jobs.page(after, place, page.limit());
		return ImportRepository.JOBS.connection(rows, page, count ? this.jobs.count(place) : null);
	}

	/** The kept report lines of a job, in row order. */
	public Connection<ReportLine> report(String id, PageRequest page, Caller caller, boolean count) {
		ImportJob job = visible(id, caller);
		Keyset<ImportRepository.Line> keyset = ImportRepository.lines(id);
		List<ImportRepository.Line> rows = this.jobs.lines(id, keyset.after(page.after()), page.limit());
		Connection<ImportRepository.Line> lines = keyset.connection(rows, page, count ? job.linesKept() : null);
		return new Connection<>(
				lines.edges().stream().map((edge) -> new Connection.Edge<>(edge.cursor(), edge.node().line())).toList(),
				lines.pageInfo(), lines.totalCount());
	}

	/** Every kept report line, for a download. */
	public List<ReportLine> allLines(String id, Caller caller) {
		visible(id, caller);
		List<ReportLine> all = new ArrayList<>();
		long after = 0;
		while (true) {
			List<ImportRepository.Line> page = this.jobs.lines(id, after, 5000);
			page.forEach((line) -> all.add(line.line()));
			if (page.size() < 5000) {
				return all;
			}
			after = page.get(page.size() - 1).seq();
		}
	}

	/**
	 * The uploaded file with its faulty cells marked and an error column
	 * ({@link ReportWorkbook}), while the upload is kept (until commit or cancel).
	 */
	public void writeMarked(String id, Caller caller, OutputStream out) throws IOException {
		ImportJob job = visible(id, caller);
		if (job.file() == null || !Files.exists(job.file())) {
			throw ApiException.notFound("id", "此导入的上传文件已删除（已提交或已取消）；报告见 report.csv。The upload of import " + id
					+ " is gone (committed or cancelled); its report is at report.csv.");
		}
		new ReportWorkbook(this.files).write(upload(job), job.form().columns(), job.form().title(),
				allLines(id, caller), out);
	}

	/**
	 * Takes up the jobs a stop interrupted: a dry run is run again; a commit in batches
	 * goes on after its checkpoint, a commit in one transaction (of which nothing was
	 * written) is committed again.
	 */
	public void recover() {
		for (String id : this.jobs.inState(List.of(ImportState.VALIDATING))) {
			log.info("Ledger import {} was being checked when the platform stopped; checking it again", id);
			this.jobs.deleteLines(id);
			this.worker.execute(() -> guarded(id, () -> runValidation(id)));
		}
		for (String id : this.jobs.inState(List.of(ImportState.COMMITTING))) {
			log.info("Ledger import {} was being committed when the platform stopped; committing the rest of it", id);
			this.worker.execute(() -> guarded(id, () -> runCommit(id)));
		}
	}

	/** Waits until the jobs asked for so far have run (for the start-up import). */
	void drain() {
		try {
			this.worker.submit(() -> {
			}).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Runs a job's step; an unexpected failure fails the job instead of the worker. */
	private void guarded(String id, Runnable step) {
		try {
			step.run();
		}
		catch (Stopped ex) {
			log.info("Ledger import {} stopped with the platform; it is taken up when the platform starts again", id);
		}
		catch (RuntimeException ex) {
			log.warn("Ledger import {} failed", id, ex);
			ImportJob job = this.jobs.find(id).orElse(null);
			if (job != null && job.committedThrough() > 0) {
				// Part of it is written under its gates: only going on can end it whole.
				this.jobs.update(id, Map.of("message", "提交中断，下次启动时从断点继续。The commit stopped (" + ex.getMessage()
						+ "); it goes on after the last row written when the platform starts again."));
				return;
			}
			if (job != null && job.state() == ImportState.COMMITTING) {
				this.gates.release(id);
			}
			Map<String, Object> update = new HashMap<>();
			update.put("message", "导入失败，未写入任何数据。The import failed (" + ex.getMessage() + "); nothing was written.");
			this.jobs.move(id, List.of(ImportState.VALIDATING, ImportState.COMMITTING), ImportState.FAILED, update);
		}
	}

	private void stopIfStopping() {
		if (this.stopping) {
			throw new Stopped();
		}
	}

	private void runValidation(String id) {
		ImportJob job = this.jobs.find(id).orElse(null);
		if (job == null || job.state() != ImportState.VALIDATING) {
			return;
		}
		LedgerRows<Object, Object> rows = rowsOf(job.form());
		Report report = new Report(id, this.properties.reportLines(), true);
		// Read before any row is: a version unchanged at commit proves nothing changed
		// since.
		Map<String, Long> versions = rows.batched() ? this.gates.versions() : Map.of();
		try {
			checkFile(job, rows, report, new Progress("Checking", id, null), true);
		}
		catch (Cancelled ex) {
			report.flush();
			log.info("Ledger import {}: checking stopped, the import was cancelled", id);
			return;
		}
		catch (LedgerFileException ex) {
			report.fileProblem(ex);
			finish(job, report, ImportState.INVALID, ex.getMessage());
			return;
		}
		catch (Stopped ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.warn("Ledger import {} failed while checking", id, ex);
			report.flush();
			finish(job, report, ImportState.FAILED, "校验时出错，未写入任何数据。Checking failed (" + ex.getMessage()
					+ "); nothing was written. Upload the file again.");
			return;
		}
		report.flush();
		// A valid file whose commit was asked for goes straight on: nobody sees it
		// VALIDATED in between.
		boolean commit = this.jobs.find(id).map(ImportJob::commitRequested).orElse(false);
		ImportState state = (report.invalid > 0) ? ImportState.INVALID
				: commit ? ImportState.COMMITTING : ImportState.VALIDATED;
		Map<String, Object> seen = report.counties(versions);
		finish(job, report, state, null, seen);
		log.info("Ledger import {}: {} rows checked, {} valid, {} with errors ({}); {}", id, report.read, report.valid,
				report.invalid, report.codes, state);
		if (state == ImportState.COMMITTING) {
			runCommit(id);
		}
	}

	/**
	 * Checks every row of the job's file, a batch at a time, each batch in a read
	 * transaction, into {@code report}.
	 */
	private void checkFile(ImportJob job, LedgerRows<Object, Object> rows, Report report, Progress progress,
			boolean cancellable) {
		Object file = rows.start(job.form(), job.caller(), today());
		List<SourceRow> batch = new ArrayList<>(this.properties.batchSize());
		this.files.read(upload(job), job.form(), this.properties.maxRows(), progress.file, (row) -> {
			batch.add(row);
			if (batch.size() == this.properties.batchSize()) {
				checkBatch(job, rows, batch, file, false, report, progress, cancellable);
				batch.clear();
			}
		});
		// The last batch, with the rows a ledger held back for a group that went on.
		checkBatch(job, rows, batch, file, true, report, progress, cancellable);
		progress.log(report.read, report.read);
	}

	private void checkBatch(ImportJob job, LedgerRows<Object, Object> rows, List<SourceRow> batch, Object file,
			boolean last, Report report, Progress progress, boolean cancellable) {
		stopIfStopping();
		if (cancellable && this.jobs.find(job.id())
			.map(ImportJob::state)
			.orElse(ImportState.CANCELLED) == ImportState.CANCELLED) {
			throw new Cancelled();
		}
		List<RowOutcome> outcomes = this.reads.execute((status) -> rows.check(batch, file, false, last).outcomes());
		outcomes.forEach(report::add);
		if (report.stream) {
			report.flush();
		}
		if (progress.due()) {
			Map<String, Object> update = report.stream ? report.counts() : new HashMap<>();
			update.put("rate", progress.rate(report.read));
			update.put("etaSeconds", progress.eta(report.read));
			this.jobs.update(job.id(), update);
			progress.log(report.read, null);
		}
	}

	private void finish(ImportJob job, Report report, ImportState state, String message) {
		finish(job, report, state, message, Map.of());
	}

	private void finish(ImportJob job, Report report, ImportState state, String message, Map<String, Object> more) {
		Map<String, Object> update = report.counts();
		update.putAll(more);
		update.put("message", message);
		update.put("rate", null);
		update.put("etaSeconds", null);
		if (!this.jobs.move(job.id(), List.of(ImportState.VALIDATING), state, update)) {
			log.info("Ledger import {} was cancelled meanwhile", job.id());
		}
	}

	private void runCommit(String id) {
		ImportJob job = this.jobs.find(id).orElse(null);
		if (job == null || job.state() != ImportState.COMMITTING) {
			return;
		}
		LedgerRows<Object, Object> rows = rowsOf(job.form());
		if (rows.batched()) {
			commitInBatches(job, rows);
		}
		else {
			commitWhole(job, rows);
		}
	}

	/**
	 * Commits a ledger whose rows the register's mutations could meet, in batches: the
	 * gates of its counties are taken first (no mutation changes them until the last
	 * batch is written), the file is checked again under them unless their versions prove
	 * nothing changed since the dry run, then each batch is checked and written in its
	 * own transaction with the job's checkpoint. A stop leaves the job {@code COMMITTING}
	 * with its gates held; the next start goes on after the checkpoint, so the file ends
	 * written whole.
	 */
	private void commitInBatches(ImportJob job, LedgerRows<Object, Object> rows) {
		String id = job.id();
		if (job.committedThrough() == 0 && !lease(job, rows)) {
			return;
		}
		for (int attempt = 1;; attempt++) {
			ImportJob current = this.jobs.find(id).orElseThrow();
			try {
				writeBatches(current, rows);
				return;
			}
			catch (Stopped ex) {
				throw ex;
			}
			catch (SimulatedKill ex) {
				// As after a real kill: the batch is gone, the job still COMMITTING.
				log.warn("Ledger import {}: {}", id, ex.getMessage());
				return;
			}
			catch (Broken ex) {
				this.gates.release(id);
				Map<String, Object> update = new HashMap<>();
				update.put("message",
						"提交在第 " + ex.through + " 行之后中断：登记簿在闸外被修改，第 " + ex.row + " 行不再有效；此前的行已写入。"
								+ "The commit stopped after row " + ex.through
								+ ": the register was changed around its gates and row " + ex.row
								+ " is no longer valid; the rows before were written.");
				this.jobs.move(id, List.of(ImportState.COMMITTING), ImportState.FAILED, update);
				log.error("Ledger import {}: row {} no longer valid in the middle of a commit in batches", id, ex.row);
				return;
			}
			catch (RuntimeException ex) {
				if (attempt >= 3) {
					log.warn("Ledger import {}: the commit stopped; it goes on after its checkpoint at the next start",
							id, ex);
					this.jobs.update(id, Map.of("message", "提交中断，下次启动时从断点继续。The commit stopped (" + ex.getMessage()
							+ "); it goes on after the last row written when the platform starts again."));
					return;
				}
				log.warn("Ledger import {}: a batch failed ({}); going on after the checkpoint", id, ex.getMessage());
			}
		}
	}

	/**
	 * Takes the gates of the job's counties and makes sure its check holds under them.
	 * @return whether the commit may write
	 */
	private boolean lease(ImportJob job, LedgerRows<Object, Object> rows) {
		String id = job.id();
		Set<String> counties = new TreeSet<>(job.counties());
		for (int round = 0;; round++) {
			RegisterGates.Lease lease = this.commits.execute((status) -> {
				RegisterGates.Lease taken = this.gates.lease(id, counties);
				if (!taken.held().isEmpty()) {
					status.setRollbackOnly();
				}
				return taken;
			});
			if (!lease.held().isEmpty()) {
				Map.Entry<String, String> held = lease.held().entrySet().iterator().next();
				Map<String, Object> update = new HashMap<>();
				update.put("message",
						"县级代码 " + held.getKey() + " 正由导入 " + held.getValue() + " 提交，未写入任何数据，请待其完成后再提交。" + "County "
								+ held.getKey() + " is held by the commit of import " + held.getValue()
								+ "; nothing was written. Commit this one again when that one is done.");
				this.jobs.move(id, List.of(ImportState.COMMITTING), ImportState.VALIDATED, update);
				log.info("Ledger import {}: county {} is held by import {}; back to VALIDATED", id, held.getKey(),
						held.getValue());
				return false;
			}
			// Only the first round can rely on the dry run; later ones follow a check
			// again.
			if (round == 0 && lease.unchangedSince(job.versionsSeen())) {
				log.info("Ledger import {}: the {} counties' registers are unchanged since the check; writing", id,
						counties.size());
				return true;
			}
			// Something changed since the dry run: check the file again, under the gates.
			Report again = new Report(id, this.properties.reportLines(), false);
			try {
				checkFile(job, rows, again, new Progress("Checking again", id, job.rowsRead()), false);
			}
			catch (RuntimeException ex) {
				this.gates.release(id);
				throw ex;
			}
			if (again.invalid > 0) {
				this.gates.release(id);
				refused(id, again);
				return false;
			}
			if (counties.containsAll(again.counties) || round >= 3) {
				if (!counties.containsAll(again.counties)) {
					this.gates.release(id);
					this.jobs.move(id, List.of(ImportState.COMMITTING), ImportState.VALIDATED, Map.of("message",
							"登记簿在提交时仍在变化，未写入任何数据，请再次提交。The register kept changing while the commit took its counties; nothing was written. Commit again."));
					return false;
				}
				this.jobs.update(id, Map.of("counties", List.copyOf(counties)));
				return true;
			}
			counties.addAll(again.counties);
		}
	}

	/** Writes the batches after the job's checkpoint, then ends the commit. */
	private void writeBatches(ImportJob job, LedgerRows<Object, Object> rows) {
		String id = job.id();
		LocalDate today = today();
		Object file = rows.start(job.form(), job.caller(), today);
		Report report = new Report(id, this.properties.reportLines(), false);
		report.resume(job);
		Progress progress = new Progress("Committing", id, job.rowsValid());
		long through = job.committedThrough();
		Set<String> counties = new TreeSet<>(job.counties());
		List<SourceRow> batch = new ArrayList<>(this.properties.batchSize());
		// Once most rows are in, the dashboards' counting statements are planned against
		// the graph's new size beside the writing, not at the end.
		long planAt = (job.rowsValid() < this.properties.planCountingFrom()) ? Long.MAX_VALUE
				: job.rowsValid() * PLAN_COUNTING_AT_PERCENT / 100;
		boolean[] planned = { false };
		this.files.read(upload(job), job.form(), this.properties.maxRows(), (row) -> {
			if (row.number() <= through) {
				return;
			}
			batch.add(row);
			if (batch.size() == this.properties.batchSize()) {
				writeBatch(job, rows, batch, file, false, report, progress, today);
				batch.clear();
				if (!planned[0] && report.read >= planAt) {
					planned[0] = true;
					this.rollups.planCounting(counties);
				}
			}
		});
		writeBatch(job, rows, batch, file, true, report, progress, today);
		this.commits.executeWithoutResult((status) -> {
			// The dashboards, once per county the file touched: the rows were committed
			// by the batches, so the counties are counted on every core.
			if (report.written > 0) {
				this.rollups.refreshCommitted(counties, rows.countsPairings());
			}
			this.gates.release(id);
			Map<String, Object> counts = report.counts();
			counts.put("rate", null);
			counts.put("etaSeconds", null);
			counts.put("message", null);
			this.jobs.committedInTransaction(id, counts);
		});
		deleteUpload(job);
		progress.log(report.read, report.read);
		log.info("Ledger import {} committed in batches: {} rows written ({} new, {} updated), {} unchanged", id,
				report.written, report.created, report.updated, report.unchanged);
	}

	private void writeBatch(ImportJob job, LedgerRows<Object, Object> rows, List<SourceRow> batch, Object file,
			boolean last, Report report, Progress progress, LocalDate today) {
		stopIfStopping();
		List<RowOutcome> outcomes = this.commits.execute((status) -> {
			LedgerRows.Checked<Object> checked = rows.check(batch, file, true, last);
			int through = (int) report.through;
			for (RowOutcome outcome : checked.outcomes()) {
				if (outcome.kind() == RowOutcome.Kind.INVALID) {
					throw new Broken(report.through, outcome.row());
				}
				through = Math.max(through, outcome.row());
			}
			rows.write(checked.valid(), job.id(), job.actor(), today);
			Report counted = report.copy();
			checked.outcomes().forEach(counted::add);
			if (this.killAfterRows >= 0 && counted.written >= this.killAfterRows) {
				throw new SimulatedKill(job.id(), counted.written);
			}
			Map<String, Object> checkpoint = counted.written();
			checkpoint.put("committedThrough", (long) through);
			if (progress.due()) {
				checkpoint.put("rate", progress.rate(counted.read));
				checkpoint.put("etaSeconds", progress.eta(counted.read));
				progress.log(counted.read, job.rowsValid());
			}
			this.jobs.checkpointInTransaction(job.id(), checkpoint);
			report.through = through;
			return checked.outcomes();
		});
		outcomes.forEach(report::add);
	}

	/** Commits a ledger no mutation guards with gates in one transaction. */
	private void commitWhole(ImportJob job, LedgerRows<Object, Object> rows) {
		String id = job.id();
		Report report = new Report(id, this.properties.reportLines(), false);
		Progress progress = new Progress("Committing", id, job.rowsValid());
		try {
			this.commits.executeWithoutResult((status) -> commitInTransaction(job, rows, report, progress));
		}
		catch (Refused ex) {
			refused(id, report);
			return;
		}
		catch (Stopped ex) {
			throw ex;
		}
		catch (SimulatedKill ex) {
			// As after a real kill: the transaction is gone, the job still COMMITTING.
			log.warn("Ledger import {}: {}", id, ex.getMessage());
			return;
		}
		catch (RuntimeException ex) {
			log.warn("Ledger import {} failed while committing; nothing was written", id, ex);
			Map<String, Object> update = new HashMap<>();
			update.put("message", "提交失败，未写入任何数据，可再次提交。The commit failed (" + ex.getMessage()
					+ "); nothing was written. Commit it again.");
			update.put("rate", null);
			update.put("etaSeconds", null);
			this.jobs.move(id, List.of(ImportState.COMMITTING), ImportState.VALIDATED, update);
			return;
		}
		deleteUpload(job);
		progress.log(report.written, report.written);
		log.info("Ledger import {} committed: {} rows written ({} new, {} updated), {} unchanged", id, report.written,
				report.created, report.updated, report.unchanged);
	}

	/**
	 * Checked again before writing, some rows are no longer valid: nothing is written.
	 */
	private void refused(String id, Report report) {
		this.jobs.deleteLines(id);
		report.flush();
		Map<String, Object> update = report.counts();
		update.put("rowsWritten", 0L);
		update.put("message", "提交前复核未通过：登记簿已有变化，未写入任何数据。Checked again before writing, " + report.invalid
				+ " rows are no longer valid (the register changed meanwhile); nothing was written.");
		update.put("rate", null);
		update.put("etaSeconds", null);
		this.jobs.move(id, List.of(ImportState.COMMITTING), ImportState.INVALID, update);
		log.info("Ledger import {} refused at commit: {} rows no longer valid ({}); nothing written", id,
				report.invalid, report.codes);
	}

	private void commitInTransaction(ImportJob job, LedgerRows<Object, Object> rows, Report report, Progress progress) {
		LocalDate today = today();
		Object file = rows.start(job.form(), job.caller(), today);
		Set<String> places = new TreeSet<>();
		List<SourceRow> batch = new ArrayList<>(this.properties.batchSize());
		boolean[] last = { false };
		Runnable flush = () -> {
			stopIfStopping();
			LedgerRows.Checked<Object> checked = rows.check(batch, file, true, last[0]);
			checked.outcomes().forEach(report::add);
			if (report.invalid == 0) {
				checked.outcomes()
					.stream()
					.filter((outcome) -> outcome.kind().writes())
					.forEach((outcome) -> places.addAll(outcome.places()));
				rows.write(checked.valid(), job.id(), job.actor(), today);
				if (this.killAfterRows >= 0 && report.written >= this.killAfterRows) {
					throw new SimulatedKill(job.id(), report.written);
				}
			}
			if (progress.due()) {
				Map<String, Object> update = new HashMap<>();
				update.put("rowsWritten", report.written);
				update.put("rate", progress.rate(report.read));
				update.put("etaSeconds", progress.eta(report.read));
				this.jobs.update(job.id(), update);
				progress.log(report.read, job.rowsValid());
			}
			batch.clear();
		};
		this.files.read(upload(job), job.form(), this.properties.maxRows(), (row) -> {
			batch.add(row);
			if (batch.size() == this.properties.batchSize()) {
				flush.run();
			}
		});
		last[0] = true;
		flush.run();
		if (report.invalid > 0) {
			throw new Refused();
		}
		// The dashboards, once per county the file touched.
		this.rollups.refreshPlaces(places, rows.countsPairings());
		Map<String, Object> counts = report.counts();
		counts.put("rate", null);
		counts.put("etaSeconds", null);
		counts.put("message", null);
		this.jobs.committedInTransaction(job.id(), counts);
	}

	/** The rows of {@code form}: every ledger has them (checked at start). */
	@SuppressWarnings("unchecked")
	private LedgerRows<Object, Object> rowsOf(LedgerForm form) {
		for (LedgerRows<?, ?> rows : this.ledgers) {
			if (rows.handles(form)) {
				return (LedgerRows<Object, Object>) rows;
			}
		}
		return null;
	}

	private ImportJob visible(String id, Caller caller) {
		ImportJob job = this.jobs.find(id).orElse(null);
		String place = scopeOf(caller);
		boolean own = job != null && job.actor().equals(caller.name());
		if (job == null
				|| (place != null && !own && (job.placeScope() == null || !job.placeScope().startsWith(place)))) {
			throw ApiException.notFound("id", "没有编号为 " + id + " 的导入（或不在您的管辖范围内）。No import has the id " + id
					+ (place != null ? " within your place " + place : "") + ".");
		}
		return job;
	}

	/**
	 * The place an OFFICER (and no wider role) sees jobs within; null for everyone else.
	 */
	private static String scopeOf(Caller caller) {
		if (caller.has(Role.ADMIN) || caller.has(Role.AUDITOR)) {
			return null;
		}
		return (caller.place() != null) ? caller.place() : "\u0000";
	}

	private static void requireWriter(Caller caller, LedgerRows<?, ?> rows) {
		Set<Role> writers = rows.writers();
		if (writers.stream().noneMatch(caller::has)) {
			String roles = String.join(", ", writers.stream().map(Role::name).sorted().toList());
			throw new ApiException(ErrorCode.FORBIDDEN, null,
					"你的角色不能导入此台账，可导入的角色：" + roles + "。Only " + roles + " may import this ledger.");
		}
	}

	private ImportJob find(String id) {
		return this.jobs.find(id).orElseThrow();
	}

	private Path spool(String id, String fileName, InputStream content) {
		String name = (fileName != null) ? fileName : "";
		int dot = name.lastIndexOf('.');
		String extension = (dot >= 0) ? name.substring(dot).toLowerCase(Locale.ROOT).replaceAll("[^.a-z0-9]", "") : "";
		try {
			Path dir = this.properties.dir().toAbsolutePath().normalize();
			Files.createDirectories(dir);
			Path file = dir.resolve(id + extension);
			Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Upload upload(ImportJob job) {
		return new Upload(job.fileName(), job.file(), (job.charset() != null) ? Charset.forName(job.charset()) : null);
	}

	private static void deleteUpload(ImportJob job) {
		try {
			if (job.file() != null) {
				Files.deleteIfExists(job.file());
			}
		}
		catch (IOException ex) {
			log.warn("Could not delete the upload {}", job.file(), ex);
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * What checking a file found: counts by kind and code, and the first report lines,
	 * kept in the store as they come (during a dry run) or at the end (a refused commit).
	 */
	private final class Report {

		final String jobId;

		final int keep;

		final boolean stream;

		final Map<String, Long> codes = new TreeMap<>();

		final List<ReportLine> pending = new ArrayList<>();

		/** The counties (six-digit codes) of the valid rows' places. */
		final Set<String> counties = new TreeSet<>();

		/** The last row a commit in batches has written. */
		long through;

		long kept;

		long read;

		long valid;

		long invalid;

		long created;

		long updated;

		long unchanged;

		long written;

		Report(String jobId, int keep, boolean stream) {
			this.jobId = jobId;
			this.keep = keep;
			this.stream = stream;
		}

		void add(RowOutcome outcome) {
			this.read++;
			switch (outcome.kind()) {
				case INVALID -> this.invalid++;
				case CREATE -> {
					this.valid++;
					this.created++;
				}
				case UPDATE -> {
					this.valid++;
					this.updated++;
				}
				case UNCHANGED -> {
					this.valid++;
					this.unchanged++;
				}
				case CHANGE -> this.valid++;
			}
			if (outcome.kind().writes()) {
				this.written++;
			}
			if (outcome.kind() != RowOutcome.Kind.INVALID) {
				for (String place : outcome.places()) {
					String county = RegisterGates.county(place);
					if (county != null) {
						this.counties.add(county);
					}
				}
			}
			for (ReportLine line : outcome.lines()) {
				this.codes.merge(line.code(), 1L, Long::sum);
				if (this.kept + this.pending.size() < this.keep) {
					this.pending.add(line);
				}
			}
		}

		/** Goes on from the checkpoint of a commit in batches. */
		void resume(ImportJob job) {
			if (job.committedThrough() == 0) {
				return;
			}
			this.through = job.committedThrough();
			this.created = job.rowsCreated();
			this.updated = job.rowsUpdated();
			this.unchanged = job.rowsUnchanged();
			this.written = job.rowsWritten();
			this.read = this.written + this.unchanged;
			this.valid = this.read;
		}

		/** The counts alone, to count a batch that may yet fail. */
		Report copy() {
			Report copy = new Report(this.jobId, 0, this.stream);
			copy.read = this.read;
			copy.valid = this.valid;
			copy.invalid = this.invalid;
			copy.created = this.created;
			copy.updated = this.updated;
			copy.unchanged = this.unchanged;
			copy.written = this.written;
			return copy;
		}

		/** What a commit's checkpoint keeps of the counts. */
		Map<String, Object> written() {
			Map<String, Object> counts = new HashMap<>();
			counts.put("rowsWritten", this.written);
			counts.put("rowsCreated", this.created);
			counts.put("rowsUpdated", this.updated);
			counts.put("rowsUnchanged", this.unchanged);
			return counts;
		}

		/**
		 * The counties of the valid rows, each with its register version in {@code seen}.
		 */
		Map<String, Object> counties(Map<String, Long> seen) {
			List<String> list = List.copyOf(this.counties);
			Map<String, Object> counties = new HashMap<>();
			counties.put("counties", list);
			counties.put("countyVersions", list.stream().map((county) -> seen.getOrDefault(county, 0L)).toList());
			counties.put("committedThrough", 0L);
			return counties;
		}

		void fileProblem(LedgerFileException ex) {
			ReportLine line = new ReportLine(0, null, null, null, ex.problem().name(), ex.getMessage());
			this.codes.merge(line.code(), 1L, Long::sum);
			this.pending.add(line);
			flush();
		}

		void flush() {
			if (this.pending.isEmpty()) {
				return;
			}
			LedgerImports.this.jobs.addLines(this.jobId, this.kept + 1, this.pending);
			this.kept += this.pending.size();
			this.pending.clear();
		}

		Map<String, Object> counts() {
			Map<String, Object> counts = new LinkedHashMap<>();
			counts.put("rowsRead", this.read);
			counts.put("rowsValid", this.valid);
			counts.put("rowsInvalid", this.invalid);
			counts.put("rowsCreated", this.created);
			counts.put("rowsUpdated", this.updated);
			counts.put("rowsUnchanged", this.unchanged);
			counts.put("rowsWritten", this.stream ? 0L : this.written);
			counts.put("codes", List.copyOf(this.codes.keySet()));
			counts.put("codeCounts", List.copyOf(this.codes.values()));
			counts.put("linesKept", this.kept + this.pending.size());
			return counts;
		}

	}

	/**
	 * Rows done so far, logged every few seconds with a rate and, where known, an ETA.
	 */
	private static final class Progress {

		final String what;

		final String id;

		final long started = System.nanoTime();

		final Long total;

		/** How far through the file a read is, while the rows are not counted yet. */
		final ReadProgress file = new ReadProgress();

		long lastLog = System.nanoTime();

		Progress(String what, String id, Long total) {
			this.what = what;
			this.id = id;
			this.total = total;
		}

		boolean due() {
			return System.nanoTime() - this.lastLog > PROGRESS_EVERY.toNanos();
		}

		long rate(long rows) {
			double seconds = Math.max(0.001, (System.nanoTime() - this.started) / 1e9);
			return (long) (rows / seconds);
		}

		Long eta(long rows) {
			if (this.total == null) {
				// Rows not counted yet: how far through the file the reader is tells.
				return this.file.secondsLeft(Duration.ofNanos(System.nanoTime() - this.started));
			}
			long rate = rate(rows);
			if (rate <= 0) {
				return null;
			}
			return Math.max(0, (this.total - rows) / rate);
		}

		void log(long rows, Long total) {
			this.lastLog = System.nanoTime();
			Long eta = eta(rows);
			log.info(String.format(Locale.ROOT, "Ledger import %s: %s %,d%s rows, %,d rows/s%s", this.id, this.what,
					rows, (total != null) ? "/" + String.format(Locale.ROOT, "%,d", total) : "", rate(rows),
					(eta != null) ? String.format(Locale.ROOT, ", ETA %dm%02ds", eta / 60, eta % 60) : ""));
		}

	}

	/** The import was cancelled while it was being checked. */
	private static final class Cancelled extends RuntimeException {

	}

	/** The platform stops: the step ends before its next batch. */
	private static final class Stopped extends RuntimeException {

	}

	/** Checked again before writing, some rows are no longer valid: roll back. */
	private static final class Refused extends RuntimeException {

	}

	/**
	 * A row no longer valid in the middle of a commit in batches: only a write around the
	 * gates can cause it.
	 */
	private static final class Broken extends RuntimeException {

		final long through;

		final int row;

		Broken(long through, int row) {
			super("row " + row + " no longer valid after row " + through);
			this.through = through;
			this.row = row;
		}

	}

	/** Thrown by the test hook in the middle of a commit's transaction. */
	static final class SimulatedKill extends RuntimeException {

		SimulatedKill(String id, long rows) {
			super("Simulated kill of the commit of " + id + " after " + rows + " rows");
		}

	}

}
