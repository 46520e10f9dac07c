package org.fupin.pairing;

import java.time.LocalDate;
import java.util.List;

import org.fupin.party.PartyKind;
import org.fupin.place.PlaceLevel;

/**
 * Filter of pairing lists; the GraphQL input {@code PairingFilter} binds to it.
 *
 * @param programs any of these programs
 * @param kinds any of these kinds
 * @param helperId a credit code, or a place code covering everything below it
 * @param recipientId a credit code, or a place code covering everything below it
 * @param status only this status
 * @param activeOn only pairings that had started and not ended on this date
 */
public record PairingFilter(List<PairingProgram> programs, List<PairingKind> kinds, String helperId, String recipientId,
		PairingStatus status, LocalDate activeOn) {

	static final PairingFilter NONE = new PairingFilter(null, null, null, null, null, null);

	static PairingFilter orNone(PairingFilter filter) {
		return (filter != null) ? filter : NONE;
	}

	/** Checks the party ids' shape; pure, as it runs once per parent object. */
	PairingFilter validated(String path) {
		checkParty(this.helperId, path + ".helperId");
		checkParty(this.recipientId, path + ".recipientId");
		return this;
	}

	PairingFilter withPrograms(List<PairingProgram> programs) {
		return new PairingFilter(programs, this.kinds, this.helperId, this.recipientId, this.status, this.activeOn);
	}

	PairingFilter withKinds(List<PairingKind> kinds) {
		return new PairingFilter(this.programs, kinds, this.helperId, this.recipientId, this.status, this.activeOn);
	}

	PairingFilter withoutParties() {
		return new PairingFilter(this.programs, this.kinds, null, null, this.status, this.activeOn);
	}

	/** A party id is a place code (2-12 digits) or an 18-character credit code. */
	static void checkParty(String id, String field) {
		if (id == null) {
			return;
		}
		if (isCreditCode(id)) {
			return;
		}
		PlaceLevel.ofCode(id, field);
	}

	static boolean isCreditCode(String id) {
		return PartyKind.ofId(id) == PartyKind.ORGANISATION;
	}

}
