package org.fupin.ledger.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.fupin.ledger.read.SourceRow;

/**
 * Reads a ledger file on a thread of its own, up to {@link #AHEAD} batches ahead of the
 * thread that checks or writes them, so that parsing the next rows overlaps the database
 * work on the current ones (on two cores that is most of the parsing). Batches reach the
 * handler in file order on the calling thread, full ones first and then the rest, marked
 * last and possibly empty, exactly as a plain loop over the file would hand them; the
 * calling thread keeps its transactions. A failure of the read is thrown on the calling
 * thread as it was thrown; a failure of the handler stops the read, and nothing returns
 * before the reading thread has let go of the file.
 */
final class ReadAhead {

	/**
	 * Batches read and not yet handled, at most: what the read-ahead adds to the heap.
	 */
	static final int AHEAD = 2;

	private ReadAhead() {
	}

	/** How a batch of rows is checked or written. */
	@FunctionalInterface
	interface Handler {

		void batch(List<SourceRow> rows, boolean last);

	}

	/**
	 * Hands the rows that {@code source} reads to {@code handler} in batches of
	 * {@code size}.
	 * @param name of the reading thread, for the log and profiles
	 * @param source reads the file, handing each row to the consumer it is given
	 */
	static void batches(String name, int size, Consumer<Consumer<SourceRow>> source, Handler handler) {
		BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
		AtomicBoolean stopped = new AtomicBoolean();
		Thread reader = new Thread(() -> read(size, source, queue, stopped), name);
		reader.setDaemon(true);
		reader.start();
		try {
			while (true) {
				Object next = queue.take();
				if (next instanceof Failed failed) {
					throw failed.rethrown();
				}
				if (next instanceof Last last) {
					handler.batch(last.rows(), true);
					return;
				}
				@SuppressWarnings("unchecked")
				List<SourceRow> rows = (List<SourceRow>) next;
				handler.batch(rows, false);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the ledger file", ex);
		}
		finally {
			stopped.set(true);
			queue.clear();
			reader.interrupt();
			try {
				reader.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void read(int size, Consumer<Consumer<SourceRow>> source, BlockingQueue<Object> queue,
			AtomicBoolean stopped) {
		List<List<SourceRow>> batch = new ArrayList<>(List.of(new ArrayList<>(size)));
		Object end;
		try {
			source.accept((row) -> {
				if (stopped.get()) {
					throw new Stopped();
				}
				batch.get(0).add(row);
				if (batch.get(0).size() == size) {
					put(queue, batch.get(0), stopped);
					batch.set(0, new ArrayList<>(size));
				}
			});
			end = new Last(batch.get(0));
		}
		catch (RuntimeException | Error ex) {
			if (stopped.get()) {
				return;
			}
			end = new Failed(ex);
		}
		try {
			put(queue, end, stopped);
		}
		catch (Stopped ex) {
			// The handler failed meanwhile; nobody waits for the end.
		}
	}

	private static void put(BlockingQueue<Object> queue, Object item, AtomicBoolean stopped) {
		try {
			while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
				if (stopped.get()) {
					throw new Stopped();
				}
			}
		}
		catch (InterruptedException ex) {
			throw new Stopped();
		}
	}

	/** The rest of the file: the last batch. */
	private record Last(List<SourceRow> rows) {
	}

	/** The read failed: thrown again on the handler's thread. */
	private record Failed(Throwable failure) {

		RuntimeException rethrown() {
			if (this.failure instanceof Error error) {
				throw error;
			}
			return (RuntimeException) this.failure;
		}

	}

	/** Ends the read once the handler has stopped taking batches. */
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}

	}

}
