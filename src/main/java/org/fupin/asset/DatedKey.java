package org.fupin.asset;

import java.time.LocalDate;

/** A per-parent look-up on a date, e.g. an asset's owners on 2022-06-30. */
record DatedKey(String parent, LocalDate date) {
}
