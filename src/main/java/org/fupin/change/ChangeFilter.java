package org.fupin.change;

import java.time.OffsetDateTime;

/**
 * Conditions on the change history; all given ones must hold.
 *
 * @param subjectType label of the changed node ({@code Asset}, {@code Pairing} ...)
 * @param subjectId key of the changed node
 * @param actor the acting user
 * @param operation the operation
 * @param from at or after this time
 * @param to before this time
 * @param placeCode changes of assets in or below this place
 */
public record ChangeFilter(String subjectType, String subjectId, String actor, ChangeOperation operation,
		OffsetDateTime from, OffsetDateTime to, String placeCode) {

	static final ChangeFilter NONE = new ChangeFilter(null, null, null, null, null, null, null);

}
