package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.read.SourceRow;
import org.fupin.security.Caller;
import org.fupin.security.Role;

/**
 * The rows of some ledgers: how a file of them is checked, a batch of rows at a time
 * against state read once for the batch, and how its valid rows are written. The import
 * job ({@link LedgerImports}) reads the file, keeps the report and decides when to write;
 * an implementation knows its ledgers' rules (the same functions as the matching
 * mutations) and writes.
 *
 * @param <F> what the checks of one file carry from batch to batch: keys seen, the effect
 * of valid rows not yet written
 * @param <W> the valid rows of a checked batch, ready to write
 */
public interface LedgerRows<F, W> {

	/** Whether these are the rows of {@code form}. */
	boolean handles(LedgerForm form);

	/** The state of a new file of {@code form}, uploaded by {@code caller}. */
	F start(LedgerForm form, Caller caller, LocalDate today);

	/**
	 * Checks a batch of rows in file order, with an outcome for each row (rows held back,
	 * like a group that may go on in the next batch, come out with a later batch).
	 * @param committing inside a commit's transaction: what will be written is locked
	 * before it is read
	 * @param last no rows follow: every held-back row comes out
	 */
	Checked<W> check(List<SourceRow> rows, F file, boolean committing, boolean last);

	/**
	 * Writes the valid rows of a checked batch, inside the caller's transaction; every
	 * row leaves a change event with the actor, the import's id and the row number.
	 */
	void write(W valid, String importId, String actor, LocalDate today);

	/**
	 * Whether a commit of these rows may be written in batches, each its own transaction,
	 * under the import's lease of the counties it touches. True only when every other
	 * write these rows could meet (the register's mutations) respects that lease;
	 * otherwise a file commits in one transaction.
	 */
	default boolean batched() {
		return false;
	}

	/**
	 * Whether the dashboards' pairing numbers of the places above the rows' places are
	 * recounted at commit too, not only their counties' numbers.
	 */
	default boolean countsPairings() {
		return false;
	}

	/**
	 * The roles that may import these rows; each row is then checked against the
	 * uploader's scope (place, program) as the matching mutation checks it.
	 */
	default Set<Role> writers() {
		return EnumSet.of(Role.ADMIN, Role.OFFICER);
	}

	/**
	 * A checked batch: an outcome per row, and the valid rows to write.
	 */
	record Checked<W>(List<RowOutcome> outcomes, W valid) {
	}

}
