package org.fupin.account;

import java.util.List;

import org.fupin.pairing.PairingProgram;
import org.fupin.security.Role;

/** GraphQL {@code CreateAccountInput}. */
record CreateAccountInput(String name, String password, List<Role> roles, String place, PairingProgram program,
		Boolean personalData) {
}
