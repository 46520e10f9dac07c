package org.fupin.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fupin.graphql.ErrorCode;
import org.fupin.register.Violation;
import org.fupin.security.Caller;

/**
 * The rules of the resident cadre ledger (驻村干部台账): a person staffed on a pairing
 * ({@code STAFFED_BY}) for a term, as a plain function over one row, the state read for a
 * whole batch of rows and the writer's scope. A person the register does not hold yet is
 * created by the row, which then names them.
 */
public final class StaffingRules {

	private StaffingRules() {
	}

	/**
	 * One row of the cadre ledger.
	 *
	 * @param role a {@code StaffingRole} value
	 * @param organisationCode the credit code of the unit that sends the person
	 */
	public record StaffRow(String pairingId, String personId, String name, String role, String organisationCode,
			LocalDate startDate, LocalDate endDate) {
	}

	/** What the rules need to know of a pairing. */
	public record PairingTerm(String id, String program, String recipientPlaceCode, LocalDate startDate,
			LocalDate endDate) {
	}

	/** A term a person already serves on a pairing. */
	public record Term(LocalDate startDate, LocalDate endDate) {
	}

	/**
	 * What the rules need to know, read for a whole batch of rows.
	 *
	 * @param pairings the pairings the rows name, by id
	 * @param persons the person ids among the rows that exist
	 * @param organisations the credit codes among the rows that exist
	 * @param terms the terms already recorded, by {@link #key(String, String)}
	 */
	public record State(Map<String, PairingTerm> pairings, Set<String> persons, Set<String> organisations,
			Map<String, List<Term>> terms) {

		public static String key(String pairingId, String personId) {
			return pairingId + "|" + personId;
		}

	}

	/** Every rule a row breaks; none when it may be written. */
	public static List<Violation> staff(StaffRow row, State state, Caller writer) {
		List<Violation> violations = new ArrayList<>();
		PairingTerm pairing = null;
		if (blank(row.pairingId())) {
			violations.add(invalid("pairingId", "必须填写结对编号。", "pairingId is required."));
		}
		else {
			pairing = state.pairings().get(row.pairingId());
			if (pairing == null) {
				violations.add(new Violation(ErrorCode.NOT_FOUND, "pairingId", "没有编号为" + row.pairingId() + "的结对。",
						"No pairing has the id " + row.pairingId() + "."));
			}
			else if (!writer.mayChangePairings(pairing.program(), pairing.recipientPlaceCode())) {
				violations.add(new Violation(ErrorCode.FORBIDDEN, "pairingId",
						"你无权修改受援方位于" + pairing.recipientPlaceCode() + "的" + pairing.program() + "结对"
								+ ((writer.place() != null) ? "：你的地区范围是" + writer.place() : "") + "。",
						"You may not change " + pairing.program() + " pairings whose recipient lies at "
								+ pairing.recipientPlaceCode() + ": " + writer.scopeText() + "."));
				return violations;
			}
		}
		boolean known = false;
		if (blank(row.personId())) {
			violations.add(invalid("personId", "必须填写人员编号。", "personId is required."));
		}
		else {
			known = state.persons().contains(row.personId());
			if (!known && blank(row.name())) {
				violations.add(invalid("name", "人员" + row.personId() + "尚未登记；新人员须填写姓名。",
						"Person " + row.personId() + " is not registered yet; give their name to register them."));
			}
		}
		if (blank(row.role())) {
			violations.add(invalid("role", "必须填写派驻身份。", "role is required."));
		}
		else if (pairing != null
				&& "FIRST_SECRETARY".equals(row.role()) != "RESIDENT_CADRE".equals(pairing.program())) {
			violations.add(invalid("role",
					"驻村第一书记只派驻于驻村帮扶（RESIDENT_CADRE）结对，其他结对派驻联络员；结对" + pairing.id() + "属于" + pairing.program() + "。",
					"A first secretary serves on a resident cadre (RESIDENT_CADRE) pairing, a liaison on the others; "
							+ "pairing " + pairing.id() + " is " + pairing.program() + "."));
		}
		if (row.organisationCode() != null && !state.organisations().contains(row.organisationCode())) {
			violations.add(new Violation(ErrorCode.NOT_FOUND, "organisationCode",
					"没有统一社会信用代码为" + row.organisationCode() + "的组织。",
					"No organisation has the credit code " + row.organisationCode() + "."));
		}
		if (row.startDate() == null) {
			violations.add(invalid("startDate", "必须填写派驻开始日期。", "startDate is required."));
			return violations;
		}
		if (row.endDate() != null && row.endDate().isBefore(row.startDate())) {
			violations.add(invalid("endDate", "结束日期" + row.endDate() + "早于开始日期" + row.startDate() + "；日期须先后有序。",
					"The end date " + row.endDate() + " is before the start date " + row.startDate()
							+ "; dates must be in order."));
			return violations;
		}
		if (pairing == null) {
			return violations;
		}
		if (row.startDate().isBefore(pairing.startDate())
				|| (pairing.endDate() != null && (row.endDate() == null || row.endDate().isAfter(pairing.endDate())))) {
			violations.add(invalid("startDate",
					"派驻期限须在结对期限（" + pairing.startDate() + "至" + ((pairing.endDate() != null) ? pairing.endDate() : "今")
							+ "）之内。",
					"A term of staff lies within the pairing's term (" + pairing.startDate() + " to "
							+ ((pairing.endDate() != null) ? pairing.endDate() : "now") + ")."));
		}
		if (known) {
			for (Term term : state.terms().getOrDefault(State.key(row.pairingId(), row.personId()), List.of())) {
				if (term.equals(new Term(row.startDate(), row.endDate()))) {
					// The same term again: a ledger imported twice changes nothing.
					continue;
				}
				boolean overlaps = (term.endDate() == null || !term.endDate().isBefore(row.startDate()))
						&& (row.endDate() == null || !row.endDate().isBefore(term.startDate()));
				if (overlaps) {
					violations.add(new Violation(ErrorCode.CONFLICT, "startDate",
							"人员" + row.personId() + "已于" + term.startDate() + "起派驻结对" + row.pairingId() + "，与本行期限重叠。",
							"Person " + row.personId() + " already serves on pairing " + row.pairingId() + " from "
									+ term.startDate() + "; the terms overlap."));
					break;
				}
			}
		}
		return violations;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static Violation invalid(String field, String zh, String en) {
		return new Violation(ErrorCode.INVALID_ARGUMENT, field, zh, en);
	}

}
