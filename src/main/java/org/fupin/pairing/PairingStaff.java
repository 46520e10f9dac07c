package org.fupin.pairing;

import java.time.LocalDate;

/** A person staffed on a pairing ({@code STAFFED_BY}), for a term. */
record PairingStaff(String personId, String name, String role, LocalDate startDate, LocalDate endDate) {
}
