package org.fupin.party;

import java.time.OffsetDateTime;

/** GraphQL {@code PersonalDataReadFilter}: every condition given must hold. */
record PersonalDataReadFilter(String actor, String householdNo, OffsetDateTime from, OffsetDateTime to) {

	static final PersonalDataReadFilter NONE = new PersonalDataReadFilter(null, null, null, null);

}
