package org.fupin.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fupin.StartupTimes;
import org.fupin.audit.AuditRuleTally;
import org.fupin.audit.AuditService;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the dashboard rollups (see {@link RollupRepository}) equal to counting the raw
 * data. {@link #rebuildAll()} recomputes every rollup, one province per transaction,
 * after a seed or bulk load. Every mutation of the register or of pairings calls
 * {@link #refreshAssets} or {@link #refreshPairing} in its own transaction. A register
 * mutation counts the asset before and after its change and adds the difference to the
 * rows of its county and every level above (an asset's numbers, its audit findings among
 * them, depend on that asset alone), locking those rows only for that last write; a
 * pairing mutation recounts the counties it touches, re-sums their prefecture, province
 * and country, and recounts the pairing numbers of every place touched. A failed mutation
 * rolls its refresh back with it, so rollups cannot drift.
 * <p>
 * Audit findings and current owners depend on today's date; each rollup stores the date
 * it was computed for ({@code computedFor}). A dashboard read that finds an older date
 * answers with it (the dashboard's {@code asOf} says so) and starts one rebuild in the
 * background ({@link #refreshLater()}).
 */
@Service
public class DashboardRollups {

	private static final Logger log = LoggerFactory.getLogger(DashboardRollups.class);

	/** Code lengths of the stored levels: county, prefecture, province, country. */
	private static final List<Integer> LEVELS = List.of(6, 4, 2, 0);

	/** Longer codes first, then by code: the one order in which every writer locks. */
	static final Comparator<String> LOCK_ORDER = Comparator.comparingInt(String::length)
		.reversed()
		.thenComparing(Comparator.naturalOrder());

	private final RollupRepository repository;

	private final AuditService audits;

	private final Clock clock;

	private final TransactionTemplate transactions;

	/**
	 * Transactions of their own for counting beside the caller's; not read-only, since
	 * read-only transactions get a request's timeout.
	 */
	private final TransactionTemplate counting;

	private final TaskExecutor executor;

	private final AtomicBoolean rebuilding = new AtomicBoolean();

	/** Key of the transaction's record of assets counted before their change. */
	private final Object countedKey = new Object();

	DashboardRollups(RollupRepository repository, AuditService audits, Clock clock,
			PlatformTransactionManager transactionManager,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.repository = repository;
		this.audits = audits;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.counting = new TransactionTemplate(transactionManager);
		this.counting.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.executor = executor;
	}

	/**
	 * Recomputes every rollup from the raw graph, and logs how long it took; call it
	 * after loading data in bulk. Everything is counted at once, a handful of set-based
	 * queries over the whole country without taking any lock, and then written in one
	 * short transaction holding every row. A row that a mutation changed between the
	 * count and the write (its revision moved) may be missing that change, so its
	 * province is counted again there, under the lock; the country is re-summed from the
	 * provinces there too. Mutations running meanwhile therefore wait only for the write.
	 */
	public void rebuildAll() {
		long started = System.nanoTime();
		long cpu = StartupTimes.processCpuNanos();
		LocalDate today = LocalDate.now(this.clock);
		Counted counted = this.transactions.execute((status) -> countEverything(today));
		long countedAt = System.nanoTime();
		Set<String> recounted = new TreeSet<>();
		this.transactions.executeWithoutResult((status) -> {
			List<String> codes = new ArrayList<>(counted.summable().keySet());
			codes.sort(LOCK_ORDER);
			Map<String, Long> revisions = this.repository.lockReturningRevisions(codes);
			Set<String> moved = new TreeSet<>();
			for (String code : codes) {
				if (!code.isEmpty() && !Objects.equals(revisions.get(code), counted.revisions().get(code))) {
					moved.add(code.substring(0, 2));
				}
			}
			Map<String, Tally> summable = new TreeMap<>();
			Map<String, Tally> pairings = new TreeMap<>();
			Map<String, LocalDate> dates = new HashMap<>();
			counted.summable().forEach((code, tally) -> {
				if (!code.isEmpty() && !moved.contains(code.substring(0, 2))) {
					summable.put(code, tally);
					pairings.put(code, counted.pairings().getOrDefault(code, new Tally()));
					dates.put(code, today);
				}
			});
			this.repository.writeSummable(summable, dates);
			this.repository.writePairings(pairings);
			for (String province : moved) {
				rebuildProvince(province, today);
				recounted.add(province);
			}
			resum(List.of(""));
			recountPairings(Set.of(""));
			this.repository.markBuilt();
		});
		long provinces = counted.summable().keySet().stream().filter((code) -> code.length() == 2).count();
		log.info(
				"Dashboard rollups rebuilt for {} provinces in {} ms (counted in {} ms; {} ms of the process's CPU{}; {})",
				provinces, Duration.ofNanos(System.nanoTime() - started).toMillis(),
				Duration.ofNanos(countedAt - started).toMillis(),
				Duration.ofNanos(StartupTimes.processCpuNanos() - cpu).toMillis(),
				recounted.isEmpty() ? "" : "; changed meanwhile, counted again: " + recounted, StartupTimes.now());
	}

	/**
	 * {@link #rebuildAll()} after a load in bulk (the seed, the national dataset), with
	 * the indexes resampled first: the load has changed the graph's statistics far more
	 * than Neo4j's background sampling has caught up with. A server that does not let the
	 * application's user resample (an administrator's procedure) only costs time: the
	 * rebuild then counts with the statistics as they are.
	 */
	public void rebuildAfterLoad() {
		long started = System.nanoTime();
		try {
			this.repository.replanAgainstPresentStatistics();
			log.debug("Indexes resampled and query plans dropped in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
		catch (DataAccessException | Neo4jException ex) {
			log.warn("Could not resample the indexes before counting the rollups: {}", ex.getMessage());
		}
		rebuildAll();
	}

	/**
	 * Every rollup's numbers counted from the raw graph, with the rows' revisions read
	 * before counting: summable numbers per county summed up to prefectures, provinces
	 * and the country; pairing numbers per province, prefecture and county, provinces
	 * with their coverage.
	 */
	private Counted countEverything(LocalDate today) {
		Map<String, Long> revisions = this.repository.revisions();
		// The audit rules' count, the longest, runs beside the others in a transaction of
		// its own: all of them read committed data only.
		CompletableFuture<List<AuditRuleTally>> findings = CompletableFuture
			.supplyAsync(() -> this.counting.execute((status) -> this.audits.tally("", 6, today)), this.executor);
		Map<String, Tally> summable = new TreeMap<>(LOCK_ORDER);
		for (String code : this.repository.rollupCodes()) {
			summable.put(code, new Tally());
		}
		summable.put("", new Tally());
		Map<String, Tally> counties = this.repository.summable("", 6, today);
		addFindings(counties, join(findings));
		counties.forEach((county, tally) -> {
			for (int length : LEVELS) {
				summable.computeIfAbsent(county.substring(0, length), (k) -> new Tally()).addAll(tally);
			}
		});
		long started = System.nanoTime();
		Map<String, Tally> pairings = this.repository.pairings("", List.of(2, 4, 6));
		this.repository.provinceCoverage("")
			.forEach((province, key) -> pairings.computeIfAbsent(province, (k) -> new Tally()).add(key, 1, 0));
		log.debug("Counted the pairings in {} ms", (System.nanoTime() - started) / 1_000_000);
		return new Counted(revisions, summable, pairings);
	}

	/** What {@link #countEverything} found. */
	private record Counted(Map<String, Long> revisions, Map<String, Tally> summable, Map<String, Tally> pairings) {
	}

	/** Rebuilds the rollups when none exist yet (a store loaded before they existed). */
	public void rebuildIfMissing() {
		if (!Boolean.TRUE.equals(this.transactions.execute((status) -> this.repository.built()))) {
			rebuildAll();
		}
	}

	/**
	 * Starts {@link #rebuildAll()} in the background unless one is running: for rollups
	 * computed for an earlier day.
	 */
	void refreshLater() {
		if (this.rebuilding.compareAndSet(false, true)) {
			this.executor.execute(() -> {
				try {
					rebuildAll();
				}
				catch (RuntimeException ex) {
					log.warn("Background rebuild of the dashboard rollups failed", ex);
				}
				finally {
					this.rebuilding.set(false);
				}
			});
		}
	}

	/**
	 * Counts what the asset adds to the rollups before the caller changes it, so that
	 * {@link #refreshAssets} can apply the difference instead of recounting the county.
	 * Call it inside the mutation's transaction once the asset is locked (for a new
	 * asset: before creating it), so nobody else changes it in between; the count is kept
	 * with the transaction and dropped when it ends.
	 */
	@Transactional
	public void beforeAssetChange(String registerNo) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock);
		countedBefore(true).computeIfAbsent(registerNo,
				(key) -> new Before(today, countAssets(List.of(registerNo), today)));
	}

	/**
	 * Brings the rollups in step with a change to these assets, inside the caller's
	 * transaction. When each was counted by {@link #beforeAssetChange} in this
	 * transaction, the difference between what the assets add now and what they added
	 * then is applied to their county, prefecture, province and country rows: the rows
	 * are locked only for that write, at the end of the mutation, and not at all when the
	 * change leaves every number as it was. Otherwise the counties are recounted.
	 */
	@Transactional
	public void refreshAssets(Collection<String> registerNos) {
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Before> before = countedBefore(false);
		if (before == null || !registerNos.stream()
			.allMatch((no) -> before.containsKey(no) && before.get(no).day().equals(today))) {
			refreshPlaces(this.repository.assetPlaces(registerNos), false);
			return;
		}
		Map<String, Tally> now = countAssets(registerNos, today);
		Map<String, Tally> delta = new TreeMap<>();
		now.forEach((county, tally) -> delta.computeIfAbsent(county, (k) -> new Tally()).addAll(tally));
		for (String registerNo : registerNos) {
			before.get(registerNo)
				.byCounty()
				.forEach((county, tally) -> delta.computeIfAbsent(county, (k) -> new Tally()).subtract(tally));
		}
		delta.values().forEach(Tally::withoutZeros);
		delta.values().removeIf(Tally::isEmpty);
		// What they add now is the base for a further change in the same transaction.
		if (registerNos.size() == 1) {
			before.put(registerNos.iterator().next(), new Before(today, now));
		}
		else {
			registerNos.forEach(before::remove);
		}
		if (!delta.isEmpty()) {
			apply(delta, today);
		}
	}

	/**
	 * Adds the per-county differences to the rows of those counties and of every level
	 * above them, locked in the one order; rows not yet counted for {@code today} are
	 * recounted instead.
	 */
	private void apply(Map<String, Tally> delta, LocalDate today) {
		Set<String> codes = new TreeSet<>(LOCK_ORDER);
		for (String county : delta.keySet()) {
			for (int length : LEVELS) {
				codes.add(county.substring(0, Math.min(length, county.length())));
			}
		}
		this.repository.lock(List.copyOf(codes));
		Map<String, RollupRepository.Row> rows = this.repository.rows(codes);
		boolean current = codes.stream()
			.allMatch((code) -> rows.containsKey(code) && today.equals(rows.get(code).computedFor()));
		if (!current) {
			refreshPlaces(delta.keySet(), false);
			return;
		}
		Map<String, Tally> tallies = new TreeMap<>();
		Map<String, LocalDate> dates = new HashMap<>();
		for (String code : codes) {
			Tally tally = rows.get(code).summable();
			delta.forEach((county, difference) -> {
				if (county.startsWith(code)) {
					tally.addAll(difference);
				}
			});
			tallies.put(code, tally.withoutZeros());
			dates.put(code, today);
		}
		this.repository.writeSummable(tallies, dates);
	}

	/** What the assets add to the summable numbers, per county (key counties aside). */
	private Map<String, Tally> countAssets(Collection<String> registerNos, LocalDate today) {
		Map<String, Tally> tallies = this.repository.summableOf(registerNos, 6, today);
		for (AuditRuleTally audit : this.audits.tallyOf(registerNos, 6, today)) {
			tallies.computeIfAbsent(audit.placeKey(), (k) -> new Tally())
				.add("audit/" + audit.rule().name(), audit.count(), audit.value().fen());
		}
		return tallies;
	}

	/**
	 * The assets counted before their change in the current transaction, by register
	 * number; with {@code create}, made and bound to the transaction when absent.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Before> countedBefore(boolean create) {
		Map<String, Before> counted = (Map<String, Before>) TransactionSynchronizationManager
			.getResource(this.countedKey);
		if (counted == null && create) {
			Map<String, Before> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this.countedKey, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(DashboardRollups.this.countedKey);
				}
			});
			counted = fresh;
		}
		return counted;
	}

	/** What one asset added to the rollups of its county, as of a day. */
	private record Before(LocalDate day, Map<String, Tally> byCounty) {
	}

	/**
	 * Brings the rollups in step with a created, amended or ended pairing, inside the
	 * caller's transaction.
	 */
	@Transactional
	public void refreshPairing(String id) {
		refreshPlaces(this.repository.pairingPlaces(id), true);
	}

	/**
	 * Brings the rollups in step with data loaded at these places (any level): their
	 * counties recounted, and with {@code pairings} the pairing numbers of every
	 * ancestor. For incremental loads, inside the caller's transaction.
	 */
	@Transactional
	public void refreshPlaces(Collection<String> placeCodes, boolean pairings) {
		refresh(placeCodes, pairings, false);
	}

	/**
	 * Brings the rollups in step with data that earlier transactions wrote and committed
	 * at these places, as {@link #refreshPlaces} does, inside the caller's transaction,
	 * but counting the counties concurrently, in transactions of their own (as many at
	 * once as there are processors). Those see only committed data, so the caller must
	 * not have written anything they count. The counties' rows are locked before they are
	 * counted, so a mutation that recounts one of them afterwards waits for the caller
	 * and counts again.
	 */
	@Transactional
	public void refreshCommitted(Collection<String> placeCodes, boolean pairings) {
		refresh(placeCodes, pairings, true);
	}

	/**
	 * Counts one of these counties in a transaction of its own, in the background, and
	 * throws the count away: it has the counting statements planned against the graph's
	 * present size. Call it while a large load into these counties is still being
	 * written, so that {@link #refreshCommitted} at its end finds them planned: a hundred
	 * thousand new assets move the statistics far enough that Neo4j plans them again,
	 * seconds for the audit rules' {@code UNION} alone, and later changes no longer will.
	 * Nothing is written and nothing waits for it; a failure is only logged.
	 */
	public void planCounting(Collection<String> placeCodes) {
		String county = placeCodes.stream().filter((code) -> code.length() >= 6).findFirst().orElse(null);
		if (county == null) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock);
		CompletableFuture.runAsync(() -> {
			long started = System.nanoTime();
			this.counting.executeWithoutResult((status) -> {
				countCounties(county.substring(0, 6), today);
				status.setRollbackOnly();
			});
			log.debug("Planned the county count against the present statistics in {} ms",
					(System.nanoTime() - started) / 1_000_000);
		}, this.executor).exceptionally((ex) -> {
			log.warn("Could not plan the county count ahead: {}", ex.getMessage());
			return null;
		});
	}

	private void refresh(Collection<String> placeCodes, boolean pairings, boolean concurrently) {
		Set<String> counties = new TreeSet<>();
		Set<String> rows = new TreeSet<>(LOCK_ORDER);
		for (String code : placeCodes) {
			if (code.length() >= 6) {
				counties.add(code.substring(0, 6));
			}
			for (int length : LEVELS) {
				if (code.length() >= length && (pairings || code.length() >= 6)) {
					rows.add(code.substring(0, length));
				}
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		// The counties first (recounted while only they are locked), then the rows above
		// them: still longer codes first, and the country row is held only for the
		// re-sums.
		this.repository.lock(List.copyOf(counties));
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Tally> tallies = new TreeMap<>();
		Map<String, LocalDate> dates = new HashMap<>();
		Map<String, Tally> counted = (concurrently && counties.size() > 1) ? countCommitted(counties, today)
				: countEach(counties, today);
		for (String county : counties) {
			tallies.put(county, counted.get(county));
			dates.put(county, today);
		}
		if (!tallies.isEmpty()) {
			this.repository.writeSummable(tallies, dates);
		}
		List<String> above = rows.stream().filter((code) -> code.length() < 6).toList();
		this.repository.lock(above);
		if (!tallies.isEmpty()) {
			resum(above);
		}
		if (pairings) {
			recountPairings(rows);
		}
	}

	private Map<String, Tally> countEach(Collection<String> counties, LocalDate today) {
		Map<String, Tally> counted = new HashMap<>();
		for (String county : counties) {
			counted.put(county, countCounties(county, today).getOrDefault(county, new Tally()));
		}
		return counted;
	}

	/**
	 * Counts the counties in as many transactions at once as there are processors, each
	 * on a share of the counties; the caller's transaction waits for them.
	 */
	private Map<String, Tally> countCommitted(Collection<String> counties, LocalDate today) {
		int parallelism = Math.min(counties.size(), Runtime.getRuntime().availableProcessors());
		List<List<String>> shares = new ArrayList<>();
		for (int i = 0; i < parallelism; i++) {
			shares.add(new ArrayList<>());
		}
		int next = 0;
		for (String county : counties) {
			shares.get(next++ % parallelism).add(county);
		}
		List<CompletableFuture<Map<String, Tally>>> running = shares.stream()
			.map((share) -> CompletableFuture
				.supplyAsync(() -> this.counting.execute((status) -> countEach(share, today)), this.executor))
			.toList();
		Map<String, Tally> counted = new HashMap<>();
		try {
			for (CompletableFuture<Map<String, Tally>> share : running) {
				counted.putAll(join(share));
			}
		}
		catch (RuntimeException ex) {
			running.forEach((share) -> share.cancel(false));
			throw ex;
		}
		return counted;
	}

	/** What {@code future} gives, or the exception it failed with. */
	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** The raw numbers per county below {@code place}: summable part with audits. */
	Map<String, Tally> countCounties(String place, LocalDate today) {
		return count(place, 6, today);
	}

	/**
	 * The summable numbers (assets, income, ownership, key counties, audit findings)
	 * below {@code place}, grouped by the first {@code keyLength} digits of the place
	 * code.
	 */
	Map<String, Tally> count(String place, int keyLength, LocalDate today) {
		long started = System.nanoTime();
		Map<String, Tally> tallies = this.repository.summable(place, keyLength, today);
		long counted = System.nanoTime();
		List<AuditRuleTally> findings = this.audits.tally(place, keyLength, today);
		if (log.isDebugEnabled()) {
			log.debug("Counted '{}' in {} ms, audit findings in {} ms", place, (counted - started) / 1_000_000,
					(System.nanoTime() - counted) / 1_000_000);
		}
		addFindings(tallies, findings);
		return tallies;
	}

	private static void addFindings(Map<String, Tally> tallies, List<AuditRuleTally> findings) {
		for (AuditRuleTally audit : findings) {
			tallies.computeIfAbsent(audit.placeKey(), (k) -> new Tally())
				.add("audit/" + audit.rule().name(), audit.count(), audit.value().fen());
		}
	}

	/**
	 * The pairing numbers of one place counted on the fly: programs, and provinces
	 * covered by the program that serves them.
	 */
	Tally countPairings(String place) {
		Tally tally = this.repository.pairings(place, List.of(place.length())).getOrDefault(place, new Tally());
		if (place.length() <= 2) {
			this.repository.provinceCoverage(place).values().forEach((key) -> tally.add(key, 1, 0));
		}
		return tally;
	}

	private void rebuildProvince(String province, LocalDate today) {
		Set<String> locked = new TreeSet<>(LOCK_ORDER);
		for (String county : this.repository.counties(province)) {
			locked.add(county);
			locked.add(county.substring(0, 4));
		}
		locked.add(province);
		this.repository.lock(List.copyOf(locked));
		Map<String, Tally> counted = countCounties(province, today);
		Set<String> extra = new TreeSet<>(LOCK_ORDER);
		for (String county : counted.keySet()) {
			for (String code : List.of(county, county.substring(0, 4))) {
				if (!locked.contains(code)) {
					extra.add(code);
				}
			}
		}
		if (!extra.isEmpty()) {
			this.repository.lock(List.copyOf(extra));
			locked.addAll(extra);
		}
		Map<String, Tally> tallies = new TreeMap<>();
		locked.forEach((code) -> tallies.put(code, new Tally()));
		for (String code : locked) {
			if (code.length() == 6) {
				Tally tally = counted.getOrDefault(code, new Tally());
				tallies.get(code).addAll(tally);
				tallies.get(code.substring(0, 4)).addAll(tally);
				tallies.get(province).addAll(tally);
			}
		}
		Map<String, LocalDate> dates = new HashMap<>();
		locked.forEach((code) -> dates.put(code, today));
		this.repository.writeSummable(tallies, dates);

		long started = System.nanoTime();
		Map<String, Tally> pairings = this.repository.pairings(province, List.of(2, 4, 6));
		log.debug("Counted the pairings of '{}' in {} ms", province, (System.nanoTime() - started) / 1_000_000);
		Map<String, Tally> written = new TreeMap<>();
		for (String code : locked) {
			written.put(code, pairings.getOrDefault(code, new Tally()));
		}
		this.repository.provinceCoverage(province).values().forEach((key) -> written.get(province).add(key, 1, 0));
		this.repository.writePairings(written);
	}

	/**
	 * Re-sums rows above county level from their children, deepest first; each is locked
	 * already, so no child changes under it until the transaction ends.
	 */
	private void resum(List<String> codes) {
		List<String> ordered = new ArrayList<>(codes);
		ordered.sort(LOCK_ORDER);
		for (String code : ordered) {
			int childLength = (code.length() == 0) ? 2 : code.length() + 2;
			Tally sum = new Tally();
			LocalDate oldest = null;
			for (RollupRepository.Row child : this.repository.children(code, childLength)) {
				sum.addAll(child.summable());
				if (child.computedFor() != null && (oldest == null || child.computedFor().isBefore(oldest))) {
					oldest = child.computedFor();
				}
			}
			Map<String, LocalDate> dates = new HashMap<>();
			dates.put(code, (oldest != null) ? oldest : LocalDate.now(this.clock));
			this.repository.writeSummable(Map.of(code, sum), dates);
		}
	}

	private void recountPairings(Collection<String> codes) {
		Map<String, Tally> tallies = new TreeMap<>();
		for (String code : codes) {
			tallies.put(code, countPairings(code));
		}
		this.repository.writePairings(tallies);
	}

}
