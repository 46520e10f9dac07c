package org.fupin.ledger.read;

/**
 * A file that cannot be read as a ledger at all: nothing of it is imported.
 */
public class LedgerFileException extends RuntimeException {

	private final FileProblem problem;

	public LedgerFileException(FileProblem problem, String detail) {
		super(problem.message(detail));
		this.problem = problem;
	}

	public FileProblem problem() {
		return this.problem;
	}

}
