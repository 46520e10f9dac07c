package org.fupin.pairing;

import java.time.LocalDate;
import java.util.List;

import org.fupin.money.Money;

/** The GraphQL input {@code CreatePairingInput}. */
public record CreatePairingInput(PairingProgram program, PairingKind kind, String helperId, String recipientId,
		String parentId, LocalDate startDate, LocalDate endDate, Boolean exception, String exceptionReason,
		Money investment, String centralArrangementSource, List<PairingKind> kinds) {
}
