package org.fupin.pairing;

import java.time.LocalDate;

/** The GraphQL input {@code CreatePairingInput}. */
record CreatePairingInput(PairingProgram program, PairingKind kind, String helperId, String recipientId,
		String parentId, LocalDate startDate, LocalDate endDate, Boolean exception, String exceptionReason,
		Double investment, String centralArrangementSource) {
}
