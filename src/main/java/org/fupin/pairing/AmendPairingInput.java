package org.fupin.pairing;

import java.time.LocalDate;
import java.util.List;

import org.fupin.money.Money;

/** The GraphQL input {@code AmendPairingInput}; null fields stay as they are. */
record AmendPairingInput(PairingKind kind, LocalDate startDate, LocalDate endDate, Boolean exception,
		String exceptionReason, Money investment, List<PairingKind> kinds) {

	boolean isEmpty() {
		return this.kind == null && this.startDate == null && this.endDate == null && this.exception == null
				&& this.exceptionReason == null && this.investment == null && this.kinds == null;
	}

}
