package org.fupin.change;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One appended change (变更记录): who did what to which node, when, with the values before
 * and after.
 *
 * @param subjectType the label of the changed node, e.g. {@code Asset}
 * @param subjectId the natural key of the changed node
 * @param before values before the change, or null for a creation
 */
public record ChangeEvent(String id, OffsetDateTime at, String actor, ChangeOperation operation, String subjectType,
		String subjectId, Map<String, Object> before, Map<String, Object> after) {
}
