package org.fupin.account;

import java.time.OffsetDateTime;
import java.util.Set;

import org.fupin.security.Role;

/**
 * A local account (本地账户) as the API shows it; its password hash never leaves the
 * repository.
 *
 * @param name the sign-in name, which becomes the token's subject and the change
 * history's actor
 * @param roles its roles
 * @param place the place code it is scoped to, or null
 * @param program the pairing program a COORDINATOR is scoped to, or null
 * @param personalData whether its tokens carry the personal-data grant
 * @param enabled false once an administrator disabled it
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param lockedUntil until when repeated failed sign-ins lock it, or null
 */
public record Account(String name, Set<Role> roles, String place, String program, boolean personalData, boolean enabled,
		OffsetDateTime createdAt, String createdBy, OffsetDateTime lockedUntil) {
}
