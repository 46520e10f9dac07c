package org.fupin.party;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One request that showed household personal data unmasked (个人信息查阅记录).
 *
 * @param id its id
 * @param at when the request was answered
 * @param actor who asked (the token's subject)
 * @param operation the GraphQL operation name, when the request gave one
 * @param householdNos the households whose names or ID numbers it showed or searched by
 */
public record PersonalDataRead(String id, OffsetDateTime at, String actor, String operation,
		List<String> householdNos) {
}
