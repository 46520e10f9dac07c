package org.fupin.ledger.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.fupin.ledger.read.FileProblem;
import org.fupin.ledger.read.LedgerFileException;
import org.fupin.ledger.read.SourceRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read-ahead hands the rows in the batches a plain loop would, in order, and fails as
 * the read or the handler failed.
 */
class ReadAheadTests {

	@Test
	void fullBatchesComeFirstThenTheRestMarkedLast() {
		List<String> seen = new ArrayList<>();
		ReadAhead.batches("test-read", 3, rows(7, -1),
				(batch, last) -> seen.add(batch.stream().map((row) -> String.valueOf(row.number())).toList() + " "
						+ last + " " + Thread.currentThread().getName()));
		String thread = Thread.currentThread().getName();
		assertThat(seen).containsExactly("[1, 2, 3] false " + thread, "[4, 5, 6] false " + thread,
				"[7] true " + thread);
	}

	@Test
	void anExactMultipleEndsWithAnEmptyLastBatch() {
		List<String> seen = new ArrayList<>();
		ReadAhead.batches("test-read", 2, rows(4, -1), (batch, last) -> seen.add(batch.size() + " " + last));
		assertThat(seen).containsExactly("2 false", "2 false", "0 true");
	}

	@Test
	void aFailedReadIsThrownAsItWasAfterTheBatchesBeforeIt() {
		List<Integer> handled = new ArrayList<>();
		assertThatThrownBy(() -> ReadAhead.batches("test-read", 2, rows(100, 5),
				(batch, last) -> batch.forEach((row) -> handled.add(row.number()))))
			.isInstanceOf(LedgerFileException.class)
			.hasMessageContaining("row 5");
		assertThat(handled).containsExactly(1, 2, 3, 4);
	}

	@Test
	void aFailedHandlerStopsTheRead() {
		AtomicInteger read = new AtomicInteger();
		Consumer<Consumer<SourceRow>> source = (sink) -> {
			for (int i = 1; i <= 1_000_000; i++) {
				read.incrementAndGet();
				sink.accept(row(i));
			}
		};
		assertThatThrownBy(() -> ReadAhead.batches("test-read", 10, source, (batch, last) -> {
			throw new IllegalStateException("stop");
		})).hasMessage("stop");
		// The handler failed on the first batch: the reader stopped a few batches later.
		assertThat(read.get()).isLessThanOrEqualTo(10 * (ReadAhead.AHEAD + 2) + 1);
	}

	private static Consumer<Consumer<SourceRow>> rows(int count, int failAt) {
		return (sink) -> {
			for (int i = 1; i <= count; i++) {
				if (i == failAt) {
					throw new LedgerFileException(FileProblem.TOO_MANY_ROWS, "row " + i);
				}
				sink.accept(row(i));
			}
		};
	}

	private static SourceRow row(int number) {
		return new SourceRow(number, Map.of(), Map.of(), List.of());
	}

}
