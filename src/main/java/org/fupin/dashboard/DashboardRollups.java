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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fupin.audit.AuditRuleTally;
import org.fupin.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the dashboard rollups (see {@link RollupRepository}) equal to counting the raw
 * data. {@link #rebuildAll()} recomputes every rollup, one province per transaction,
 * after a seed or bulk load. Every mutation of the register or of pairings calls
 * {@link #refreshAssets} or {@link #refreshPairing} in its own transaction: the affected
 * counties are recounted from the raw graph, their prefecture, province and country
 * re-summed, and for pairings the pairing numbers of every place touched recounted. A
 * failed mutation rolls its refresh back with it, so rollups cannot drift.
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

	/** Provinces rebuilt at once by {@link #rebuildAll()}. */
	private static final int REBUILD_THREADS = 2;

	/** Longer codes first, then by code: the one order in which every writer locks. */
	static final Comparator<String> LOCK_ORDER = Comparator.comparingInt(String::length)
		.reversed()
		.thenComparing(Comparator.naturalOrder());

	private final RollupRepository repository;

	private final AuditService audits;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final TaskExecutor executor;

	private final AtomicBoolean rebuilding = new AtomicBoolean();

	DashboardRollups(RollupRepository repository, AuditService audits, Clock clock,
			PlatformTransactionManager transactionManager,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.repository = repository;
		this.audits = audits;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.executor = executor;
	}

	/**
	 * Recomputes every rollup from the raw graph: each province's counties, prefectures
	 * and the province in one transaction, then the country. Call it after loading data
	 * in bulk; it logs how long it took.
	 */
	public void rebuildAll() {
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(this.clock);
		List<String> provinces = this.transactions.execute((status) -> this.repository.provinces());
		// Provinces lock disjoint rollup nodes, so two of them rebuild at once (one per
		// core).
		ExecutorService workers = Executors.newFixedThreadPool(REBUILD_THREADS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (String province : provinces) {
				done.add(workers.submit(
						() -> this.transactions.executeWithoutResult((status) -> rebuildProvince(province, today))));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while rebuilding the dashboard rollups", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Rebuilding the dashboard rollups failed", ex.getCause());
		}
		finally {
			workers.shutdownNow();
		}
		this.transactions.executeWithoutResult((status) -> {
			this.repository.lock(List.of(""));
			resum(List.of(""));
			recountPairings(Set.of(""));
		});
		log.info("Dashboard rollups rebuilt for {} provinces in {} ms", provinces.size(),
				Duration.ofNanos(System.nanoTime() - started).toMillis());
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
	 * Brings the rollups in step with a change to these assets, inside the caller's
	 * transaction.
	 */
	@Transactional
	public void refreshAssets(Collection<String> registerNos) {
		refreshPlaces(this.repository.assetPlaces(registerNos), false);
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
		for (String county : counties) {
			tallies.put(county, countCounties(county, today).getOrDefault(county, new Tally()));
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
		for (AuditRuleTally audit : findings) {
			tallies.computeIfAbsent(audit.placeKey(), (k) -> new Tally())
				.add("audit/" + audit.rule().name(), audit.count(), audit.value().fen());
		}
		return tallies;
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
