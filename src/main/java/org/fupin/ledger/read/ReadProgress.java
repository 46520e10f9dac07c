package org.fupin.ledger.read;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * How far a read has got through its file, told while it reads: a file's rows are counted
 * only at its end, so a check that wants an estimate of the time left asks this instead.
 * A CSV file tells the bytes read of the file, an {@code .xlsx} workbook the bytes read
 * of its sheet (or, when the package does not give the sheet's size, the rows read of
 * those its {@code <dimension>} declares), an {@code .xls} workbook the rows read of
 * those its DIMENSIONS record declares. Written by the reading thread, read by any.
 */
public final class ReadProgress {

	private volatile long done;

	private volatile long total;

	/**
	 * The share of the file read so far, from 0 to 1; empty until the reader knows how
	 * large the file is.
	 */
	public OptionalDouble fraction() {
		long whole = this.total;
		if (whole <= 0) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(Math.min(1.0, Math.max(0, this.done) / (double) whole));
	}

	/**
	 * Seconds left at the pace of the read so far, {@code elapsed} since it began; null
	 * while that cannot be told (nothing read yet, or the size unknown).
	 */
	public Long secondsLeft(Duration elapsed) {
		OptionalDouble fraction = fraction();
		if (fraction.isEmpty() || fraction.getAsDouble() <= 0) {
			return null;
		}
		double share = fraction.getAsDouble();
		return Math.round(elapsed.toMillis() / 1000.0 * (1 - share) / share);
	}

	/** The reader has found how large the file is, in the units it will count. */
	void total(long total) {
		this.total = total;
	}

	/** The whole file is read. */
	void finished() {
		if (this.total <= 0) {
			this.total = 1;
		}
		this.done = this.total;
	}

	/** The reader has got this far, in the units of {@link #total}. */
	void at(long done) {
		this.done = done;
	}

}
