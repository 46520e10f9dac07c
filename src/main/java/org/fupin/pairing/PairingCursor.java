package org.fupin.pairing;

import java.util.Map;

import org.fupin.graphql.Keyset;
import org.fupin.graphql.SortKey;

/**
 * The orders of the pairing feature's lists: pairings by id, what flows through a pairing
 * by its key, its staff by term, coverage gaps by rule and subject.
 */
final class PairingCursor {

	/** Pairings bound to {@code p}, by id. */
	static final Keyset<Pairing> PAIRINGS = Keyset.of("pairings", SortKey.text("id", "p.id", Pairing::id));

	/** Gaps bound to {@code g}, by the rule's place in its enum, then subject. */
	static final Keyset<CoverageGap> GAPS = Keyset.of("gap",
			SortKey.integer("order", "g.ruleOrder", (gap) -> (long) gap.rule().ordinal()),
			SortKey.text("subject", "g.subjectId", CoverageGap::subjectId));

	/**
	 * People staffed on a pairing, the relationship bound to {@code s} and the person to
	 * {@code person}: by the start of their term, then person id (a person serves a
	 * pairing once from a given day).
	 */
	static final Keyset<PairingStaff> STAFF = Keyset.of("staff",
			SortKey.date("start", "s.startDate", PairingStaff::startDate).orNull(),
			SortKey.text("person", "person.personId", PairingStaff::personId));

	private PairingCursor() {
	}

	/** What flows through a pairing, bound to {@code x}, by the flow's key. */
	static Keyset<Map<String, Object>> flow(PairingFlow flow) {
		return Keyset.of(flow.cursorKind(),
				SortKey.text("key", "x." + flow.key(), (row) -> (String) row.get(flow.key())));
	}

}
