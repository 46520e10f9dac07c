package org.fupin.pairing;

import java.time.LocalDate;

/** The GraphQL input {@code AmendPairingInput}; null fields stay as they are. */
record AmendPairingInput(PairingKind kind, LocalDate startDate, LocalDate endDate, Boolean exception,
		String exceptionReason, Double investment) {

	boolean isEmpty() {
		return this.kind == null && this.startDate == null && this.endDate == null && this.exception == null
				&& this.exceptionReason == null && this.investment == null;
	}

}
