package org.fupin.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

/**
 * Runs one call in a closed loop on a number of client threads: a warm-up, then a
 * measured window whose latencies go into an HdrHistogram (microseconds, 3 significant
 * digits). Closed loop: each client sends its next call when the last answered, so the
 * figures are service times under that concurrency, not latencies at a fixed arrival
 * rate.
 */
final class LoadRun {

	private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

	/**
	 * One call of client {@code client}; answers null when it succeeded, else why not.
	 */
	@FunctionalInterface
	interface Call {

		String call(int client) throws Exception;

	}

	/**
	 * What a run measured.
	 *
	 * @param firstError the first failure seen (warm-up included), or null
	 */
	record Outcome(Report.Stats stats, String firstError) {
	}

	private LoadRun() {
	}

	static Outcome run(int clients, Duration warmup, Duration duration, Call call) throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + warmup.toNanos();
		long end = measureFrom + duration.toNanos();
		AtomicReference<String> firstError = new AtomicReference<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<long[]>> errors = new ArrayList<>();
		List<Histogram> histograms = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			int client = i;
			Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
			histograms.add(histogram);
			errors.add(pool.submit(() -> {
				long failed = 0;
				while (true) {
					long t0 = System.nanoTime();
					if (t0 >= end) {
						return new long[] { failed };
					}
					String error;
					try {
						error = call.call(client);
					}
					catch (Exception ex) {
						error = ex.toString();
					}
					long micros = (System.nanoTime() - t0) / 1000;
					if (error != null) {
						firstError.compareAndSet(null, error);
					}
					if (t0 >= measureFrom) {
						// A failed call is counted, not timed: a side that fails fast
						// must not
						// look fast.
						if (error != null) {
							failed++;
						}
						else {
							histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
						}
					}
				}
			}));
		}
		pool.shutdown();
		long failed = 0;
		for (Future<long[]> f : errors) {
			try {
				failed += f.get()[0];
			}
			catch (java.util.concurrent.ExecutionException ex) {
				throw new IllegalStateException(ex.getCause());
			}
		}
		Histogram all = new Histogram(HIGHEST_MICROS, 3);
		histograms.forEach(all::add);
		return new Outcome(Report.Stats.of(all, failed, duration), firstError.get());
	}

}
