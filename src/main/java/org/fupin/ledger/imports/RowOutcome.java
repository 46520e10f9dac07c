package org.fupin.ledger.imports;

import java.util.List;
import java.util.Set;

import org.fupin.ledger.read.ReportLine;

/**
 * What one row of a ledger comes to, as the import's report and counts see it.
 *
 * @param row the row's number in the file
 * @param kind what writing it does
 * @param key the row's key as the report shows it (a register number, a project code)
 * @param lines the row's report lines: empty unless {@code kind} is {@code INVALID}
 * @param places the statistical codes of the places a written row changes: the dashboards
 * of their counties are recounted at commit
 */
public record RowOutcome(int row, Kind kind, String key, List<ReportLine> lines, Set<String> places) {

	/** What one row comes to. */
	public enum Kind {

		/** A new record. */
		CREATE,

		/** An existing record whose fields the row changes. */
		UPDATE,

		/** Equal to what is stored: nothing is written. */
		UNCHANGED,

		/** A row with report lines: the file cannot be committed. */
		INVALID,

		/** A row of a ledger of events: one change of a record. */
		CHANGE;

		/** Whether a commit writes a row of this kind. */
		public boolean writes() {
			return this == CREATE || this == UPDATE || this == CHANGE;
		}

	}

	/** A row with report lines. */
	public static RowOutcome invalid(int row, String key, List<ReportLine> lines) {
		return new RowOutcome(row, Kind.INVALID, key, List.copyOf(lines), Set.of());
	}

}
