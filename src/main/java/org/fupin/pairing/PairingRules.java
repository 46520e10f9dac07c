package org.fupin.pairing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.fupin.party.PartyKind;
import org.fupin.place.PlaceLevel;
import org.fupin.register.Violation;
import org.fupin.security.Caller;

/**
 * The rules of a new pairing, as one function over its input, the state read for it
 * ({@link PairingState}, read for a whole batch at once) and the writer's scope. It
 * answers every rule the pairing breaks, in the order a person fixes them: the input's
 * own shape, then the parties it names, then the writer's scope, then who may help whom
 * under the program, its parent, and the pairings already there. {@code createPairing}
 * refuses with the first; a pairing ledger's import reports them all for a row. Checks
 * that depend on a value already found wrong are skipped.
 */
public final class PairingRules {

	static final Set<PairingKind> PROVINCIAL = Set.of(PairingKind.PROVINCE_PAIR, PairingKind.CITY_PAIR);

	private PairingRules() {
	}

	/** Every rule a new pairing breaks; none when it may be created. */
	public static List<Violation> create(CreatePairingInput input, PairingState state, Caller writer) {
		List<Violation> violations = new ArrayList<>();
		boolean helperKnown = party(input.helperId(), "input.helperId", state, violations);
		boolean recipientKnown = party(input.recipientId(), "input.recipientId", state, violations);
		if (helperKnown && recipientKnown && input.helperId().equals(input.recipientId())) {
			violations.add(
					invalid("input.recipientId", "受援方不能与帮扶方相同。", "input.recipientId must differ from input.helperId."));
			recipientKnown = false;
		}
		PairingProgram program = input.program();
		List<PairingKind> kinds = kinds(program, input.kind(), input.kinds(), violations);
		PairingKind kind = (kinds != null) ? kinds.get(0) : null;
		boolean exception = Boolean.TRUE.equals(input.exception());
		exception(exception, input.exceptionReason(), "input.exceptionReason", violations);
		String arrangement = input.centralArrangementSource();
		if (arrangement != null && (arrangement.isBlank() || program != PairingProgram.EAST_WEST
				|| !PROVINCIAL.contains(kind) || exception)) {
			violations.add(invalid("input.centralArrangementSource", "中央安排依据只用于中央确定的东西部协作省际或市际结对，不能为空，也不能与例外同时填写。",
					"input.centralArrangementSource names the document behind a centrally arranged east-west "
							+ "province or city pair; give it only for such a pair, not blank and not with exception."));
		}
		dates(input.startDate(), input.endDate(), "input.endDate", violations);
		if (!helperKnown || !recipientKnown) {
			return violations;
		}
		PairingState.Party helper = state.parties().get(input.helperId());
		PairingState.Party recipient = state.parties().get(input.recipientId());
		if (program != null && !writer.mayChangePairings(program.name(), recipient.placeCode())) {
			violations.add(new Violation(ErrorCode.FORBIDDEN, "input.recipientId",
					"你无权修改受援方位于" + recipient.placeCode() + "的" + program + "结对"
							+ ((writer.place() != null) ? "：你的地区范围是" + writer.place() : "") + "。",
					"You may not change " + program + " pairings whose recipient lies at " + recipient.placeCode()
							+ ": " + writer.scopeText() + "."));
			return violations;
		}
		if (program == null || kind == null) {
			return violations;
		}
		int before = violations.size();
		parties(program, kind, helper, recipient, violations);
		if (violations.size() > before) {
			return violations;
		}
		parent(program, kind, input.helperId(), input.recipientId(), input.parentId(), state, violations);
		List<String> duplicates = state.activeBetween(program.name(), input.helperId(), input.recipientId());
		if (!duplicates.isEmpty()) {
			violations.add(new Violation(ErrorCode.CONFLICT, "input.recipientId",
					"结对" + duplicates.get(0) + "已在" + program + "项下把" + input.helperId() + "与" + input.recipientId()
							+ "结对且仍有效；请修改它，或先结束它再新建。",
					"Pairing " + duplicates.get(0) + " already links " + input.helperId() + " to " + input.recipientId()
							+ " under " + program + " and is active; amend it, or end it before creating a new one."));
		}
		if (program == PairingProgram.EAST_WEST && PROVINCIAL.contains(kind) && !exception && arrangement == null) {
			onePartner(recipient.placeCode().substring(0, 2),
					state.easternPartners(recipient.placeCode().substring(0, 2)), "input.exception", violations);
		}
		if (input.startDate() != null
				&& id(program, kind, input.helperId(), input.recipientId(), input.startDate(), state) == null) {
			String id = baseId(program, kind, input.helperId(), input.recipientId());
			String dated = dated(id, input.startDate());
			violations
				.add(new Violation(ErrorCode.CONFLICT, "input.startDate", "结对" + id + "和" + dated + "都已存在；请换一个开始日期。",
						"Pairings " + id + " and " + dated + " exist already; choose another start date."));
		}
		return violations;
	}

	/**
	 * The id of a new pairing: its program's prefix, helper and recipient, and its start
	 * date when that is taken; {@code null} when both are.
	 */
	public static String id(PairingProgram program, PairingKind kind, String helperId, String recipientId,
			LocalDate start, PairingState state) {
		String id = baseId(program, kind, helperId, recipientId);
		if (!state.pairingIds().contains(id)) {
			return id;
		}
		String dated = dated(id, start);
		return state.pairingIds().contains(dated) ? null : dated;
	}

	/** The ids {@link #id} may give, for reading {@link PairingState#pairingIds()}. */
	public static List<String> candidateIds(PairingProgram program, PairingKind kind, String helperId,
			String recipientId, LocalDate start) {
		String id = baseId(program, kind, helperId, recipientId);
		return (start != null) ? List.of(id, dated(id, start)) : List.of(id);
	}

	/** The parent a county pair gets when it names none: its provinces' pair. */
	public static String parentOf(PairingProgram program, PairingKind kind, String helperId, String recipientId,
			String parentId, PairingState state) {
		if (parentId == null && program == PairingProgram.EAST_WEST && kind == PairingKind.COUNTY_PAIR) {
			List<String> covering = state.covering(helperId, recipientId);
			return covering.isEmpty() ? null : covering.get(0);
		}
		return parentId;
	}

	private static String baseId(PairingProgram program, PairingKind kind, String helperId, String recipientId) {
		String prefix = switch (program) {
			case EAST_WEST -> (kind == PairingKind.COUNTY_PAIR) ? "CP" : "EW";
			case COUNTERPART_SUPPORT -> "CS";
			case DESIGNATED_ASSISTANCE -> "DA";
			case ENTERPRISE_VILLAGE -> "EV";
			case HOSPITAL_GROUP -> "HG";
			case SCHOOL_GROUP -> "SG";
			case RESIDENT_CADRE -> "RC";
		};
		return prefix + "-" + helperId + "-" + recipientId;
	}

	private static String dated(String id, LocalDate start) {
		return id + "-" + start.format(DateTimeFormatter.BASIC_ISO_DATE);
	}

	/** Whether the id names an existing place or organisation; a violation if not. */
	private static boolean party(String id, String field, PairingState state, List<Violation> violations) {
		if (id == null || id.isBlank()) {
			violations.add(invalid(field, "必须填写：地方的区划代码或组织的统一社会信用代码。",
					field + " is required: a place code or an organisation's credit code."));
			return false;
		}
		PartyKind kind = PartyKind.ofId(id);
		if (kind == null) {
			violations.add(new Violation(ErrorCode.INVALID_CODE, field,
					"“" + id + "”不是主体编号：请填写组织的18位统一社会信用代码、农户的户编号（H开头）或地方的区划代码。",
					"'" + id + "' is not a party id: use an "
							+ "organisation's 18-character credit code, a household number (H...) or a place code."));
			return false;
		}
		if (kind == PartyKind.PLACE) {
			try {
				PlaceLevel.ofCode(id, field);
			}
			catch (ApiException ex) {
				violations
					.add(new Violation(ex.code(), field, "“" + id + "”不是统计用区划代码：应为2、4、6、9或12位数字。", ex.getMessage()));
				return false;
			}
		}
		if (!state.existing().contains(id)) {
			String what = switch (kind) {
				case ORGANISATION -> "组织";
				case HOUSEHOLD -> "农户";
				case PLACE -> "地方";
			};
			violations.add(new Violation(ErrorCode.NOT_FOUND, field, "没有编号为" + id + "的" + what + "。",
					"No " + kind.label().toLowerCase() + " has the id " + id + "."));
			return false;
		}
		if (kind == PartyKind.HOUSEHOLD) {
			violations.add(invalid(field, id + "是农户；结对连接的是地方和组织，不是农户。",
					field + " is a household; pairings link places and organisations, not households."));
			return false;
		}
		return true;
	}

	/**
	 * The kinds of a pairing, the primary first: {@code kind} alone, or {@code kinds}
	 * (with {@code kind}, if given, as their first); {@code null} and a violation when
	 * they break a rule. Several kinds only for the programs that give kinds of help
	 * (万企兴万村, designated assistance), each allowed and named once.
	 */
	private static List<PairingKind> kinds(PairingProgram program, PairingKind kind, List<PairingKind> kinds,
			List<Violation> violations) {
		if (program == null) {
			violations.add(invalid("input.program", "必须填写帮扶类型。", "input.program is required."));
			return null;
		}
		if (kinds == null) {
			if (kind == null) {
				violations.add(invalid("input.kind", "请填写结对层级或帮扶方式。",
						"Give input.kind or input.kinds: the kind of pair or of help."));
				return null;
			}
			return kind(program, kind, "input.kind", violations) ? List.of(kind) : null;
		}
		if (kinds.isEmpty()) {
			violations.add(invalid("input.kinds", "帮扶方式为空：至少填写一种，主要的在前。",
					"input.kinds is empty: name at least one kind, the primary first."));
			return null;
		}
		if (kind != null && kind != kinds.get(0)) {
			violations.add(invalid("input.kind", "结对层级" + kind + "与主要帮扶方式" + kinds.get(0) + "不同；不填，或把它列为第一种。",
					"input.kind " + kind + " differs from the primary kind " + kinds.get(0)
							+ " (input.kinds[0]); leave input.kind out or make it the first of input.kinds."));
			return null;
		}
		if (kinds.size() > 1 && program != PairingProgram.ENTERPRISE_VILLAGE
				&& program != PairingProgram.DESIGNATED_ASSISTANCE) {
			violations.add(invalid("input.kinds", program + "只有一种结对层级；多种帮扶方式只用于万企兴万村和定点帮扶。",
					"Program " + program + " has one kind of pair; several kinds of help are for "
							+ "ENTERPRISE_VILLAGE and DESIGNATED_ASSISTANCE."));
			return null;
		}
		boolean ok = true;
		for (int i = 0; i < kinds.size(); i++) {
			if (!kind(program, kinds.get(i), "input.kinds[" + i + "]", violations)) {
				ok = false;
			}
			else if (kinds.indexOf(kinds.get(i)) != i) {
				violations.add(invalid("input.kinds[" + i + "]", kinds.get(i) + "填了两次；每种帮扶方式只填一次。",
						kinds.get(i) + " is named twice in input.kinds; name each kind once."));
				ok = false;
			}
		}
		return ok ? List.copyOf(kinds) : null;
	}

	private static boolean kind(PairingProgram program, PairingKind kind, String field, List<Violation> violations) {
		Set<PairingKind> allowed = PairingKind.allowedFor(program);
		if (allowed.contains(kind)) {
			return true;
		}
		List<String> names = allowed.stream().map(Enum::name).sorted().toList();
		violations.add(invalid(field, program + "不允许" + kind + "；请用" + String.join("、", names) + "之一。",
				"Program " + program + " does not allow kind " + kind + "; use one of " + names + "."));
		return false;
	}

	static void exception(boolean exception, String reason, String field, List<Violation> violations) {
		boolean hasReason = reason != null && !reason.isBlank();
		if (exception && !hasReason) {
			violations.add(invalid(field, "例外须说明原因。", "An exception needs a reason: give " + field + "."));
		}
		if (!exception && reason != null) {
			violations.add(invalid(field, "例外原因只用于例外：把例外设为是，或不填原因。",
					field + " is only for exceptions: set exception to true, or leave " + field + " out."));
		}
	}

	static void dates(LocalDate start, LocalDate end, String field, List<Violation> violations) {
		if (start != null && end != null && end.isBefore(start)) {
			violations.add(invalid(field, "结束日期" + end + "早于开始日期" + start + "；日期须先后有序。",
					"The end date " + end + " is before the start date " + start + "; dates must be in order."));
		}
	}

	static void onePartner(String provinceCode, List<String> partners, String field, List<Violation> violations) {
		if (!partners.isEmpty()) {
			violations.add(new Violation(ErrorCode.CONFLICT, field,
					"省份" + provinceCode + "已有有效的东部协作省份（" + String.join("、", partners) + "）；再结对须标为例外并说明原因，或填写中央安排依据。",
					"Province " + provinceCode + " already has an active eastern partner ("
							+ String.join(", ", partners)
							+ "); a second one must be marked as an exception with a reason, or be a central "
							+ "arrangement with its source (centralArrangementSource)."));
		}
	}

	/**
	 * The parent pairing: a county pair sits under the active pair of its provinces (or
	 * cities); any other parent must exist.
	 */
	private static void parent(PairingProgram program, PairingKind kind, String helperId, String recipientId,
			String parentId, PairingState state, List<Violation> violations) {
		if (program == PairingProgram.EAST_WEST && kind == PairingKind.COUNTY_PAIR) {
			List<String> covering = state.covering(helperId, recipientId);
			if (covering.isEmpty()) {
				violations.add(new Violation(ErrorCode.CONFLICT, "input.parentId",
						"县际结对须在其省际结对之下，而" + helperId.substring(0, 2) + "与" + recipientId.substring(0, 2)
								+ "之间没有有效的东西部协作结对；请先建立该结对。",
						"A county pair sits under its provinces' pair, and no active east-west pair links "
								+ helperId.substring(0, 2) + " to " + recipientId.substring(0, 2)
								+ "; create that pair first."));
			}
			else if (parentId != null && !covering.contains(parentId)) {
				violations.add(invalid("input.parentId",
						"从" + helperId + "到" + recipientId + "的县际结对在" + String.join("或", covering) + "之下，不在" + parentId
								+ "之下。",
						"A county pair from " + helperId + " to " + recipientId + " sits under "
								+ String.join(" or ", covering) + ", not " + parentId + "."));
			}
			return;
		}
		if (parentId != null && !state.pairingIds().contains(parentId)) {
			violations.add(new Violation(ErrorCode.NOT_FOUND, "input.parentId", "没有编号为" + parentId + "的结对。",
					"No pairing has the id " + parentId + "."));
		}
	}

	/**
	 * What is wrong with amending a pairing between {@code helper} and {@code recipient}
	 * to {@code kind}: in east-west cooperation the kind is the pair's level (provinces,
	 * a city, counties), which its parties fix, so a kind they do not fit is refused as
	 * creating it would be, naming {@code input.kind}.
	 */
	public static List<Violation> amendedKind(PairingProgram program, PairingKind kind, PairingState.Party helper,
			PairingState.Party recipient) {
		if (program != PairingProgram.EAST_WEST) {
			return List.of();
		}
		List<Violation> violations = new ArrayList<>();
		parties(program, kind, helper, recipient, violations);
		return violations.stream()
			.map((violation) -> new Violation(violation.code(), "input.kind", violation.messageZh(),
					violation.messageEn()))
			.toList();
	}

	/** Who may help and be helped under each program and kind. */
	private static void parties(PairingProgram program, PairingKind kind, PairingState.Party helper,
			PairingState.Party recipient, List<Violation> violations) {
		switch (program) {
			case EAST_WEST -> {
				PlaceLevel helperLevel = helper.isPlace() ? PlaceLevel.ofLength(helper.id().length()) : null;
				PlaceLevel recipientLevel = recipient.isPlace() ? PlaceLevel.ofLength(recipient.id().length()) : null;
				Set<PlaceLevel> helpers = switch (kind) {
					case PROVINCE_PAIR -> Set.of(PlaceLevel.PROVINCE);
					case CITY_PAIR -> Set.of(PlaceLevel.PREFECTURE);
					default -> Set.of(PlaceLevel.PREFECTURE, PlaceLevel.COUNTY);
				};
				Set<PlaceLevel> recipients = switch (kind) {
					case PROVINCE_PAIR -> Set.of(PlaceLevel.PROVINCE);
					case CITY_PAIR -> Set.of(PlaceLevel.PROVINCE, PlaceLevel.PREFECTURE);
					default -> Set.of(PlaceLevel.COUNTY);
				};
				if (!helpers.contains(helperLevel) || !"EAST".equals(helper.region())) {
					violations.add(invalid("input.helperId",
							"东西部协作的" + kind + "由东部的" + levelsZh(helpers) + "帮扶；" + helper.id() + "（" + helper.name()
									+ "）不是。",
							"An east-west " + kind + " goes from an eastern " + levels(helpers) + "; " + helper.id()
									+ " (" + helper.name() + ") is not one."));
				}
				if (!recipients.contains(recipientLevel) || !"WEST".equals(recipient.region())) {
					violations.add(invalid("input.recipientId",
							"东西部协作的" + kind + "帮扶西部的" + levelsZh(recipients) + "；" + recipient.id() + "（"
									+ recipient.name() + "）不是。",
							"An east-west " + kind + " goes to a western " + levels(recipients) + "; " + recipient.id()
									+ " (" + recipient.name() + ") is not one."));
				}
				else if (PairingProgram.COUNTERPART_SUPPORT.name().equals(recipient.assistanceProgram())) {
					violations.add(invalid("input.recipientId",
							recipient.id() + "（" + recipient.name() + "）所在省份接受对口支援，不是东西部协作；请以COUNTERPART_SUPPORT建立结对。",
							recipient.id() + " (" + recipient.name()
									+ ") lies in a province that receives counterpart support (对口支援), not east-west "
									+ "cooperation (东西部协作); create the pairing with program COUNTERPART_SUPPORT."));
				}
			}
			case COUNTERPART_SUPPORT -> {
				Set<PlaceLevel> helpers = Set.of(PlaceLevel.PROVINCE, PlaceLevel.PREFECTURE, PlaceLevel.COUNTY);
				if (place(helper, "input.helperId", "a province, city or county", violations)
						&& !helpers.contains(PlaceLevel.ofLength(helper.id().length()))) {
					violations.add(invalid("input.helperId",
							"对口支援由" + levelsZh(helpers) + "承担；" + helper.id() + "（" + helper.name() + "）不是。",
							"Counterpart support is given by a " + levels(helpers) + "; " + helper.id() + " ("
									+ helper.name() + ") is not one."));
				}
				if (place(recipient, "input.recipientId", "a western place", violations)
						&& !"WEST".equals(recipient.region())) {
					violations.add(invalid("input.recipientId",
							"对口支援帮扶西部地方；" + recipient.id() + "（" + recipient.name() + "）不是。",
							"Counterpart support goes to a western place; " + recipient.id() + " (" + recipient.name()
									+ ") is not one."));
				}
			}
			case DESIGNATED_ASSISTANCE -> {
				if (!"CENTRAL_UNIT".equals(helper.organisationKind())
						&& !("ENTERPRISE".equals(helper.organisationKind())
								&& "STATE_OWNED".equals(helper.enterpriseType()))) {
					violations
						.add(invalid("input.helperId", "定点帮扶由中央单位或国有企业承担；" + helper.id() + "（" + helper.name() + "）不是。",
								"Designated assistance is given by a central unit or " + "a state-owned enterprise; "
										+ helper.id() + " (" + helper.name() + ") is not one."));
				}
				level(recipient, PlaceLevel.COUNTY, "input.recipientId", "定点帮扶", "Designated assistance", violations);
			}
			case ENTERPRISE_VILLAGE -> {
				if (organisation(helper, Set.of("ENTERPRISE"), "input.helperId", "企业", "an enterprise", violations)
						&& !"PRIVATE".equals(helper.enterpriseType())) {
					boolean stateOwned = "STATE_OWNED".equals(helper.enterpriseType());
					violations.add(invalid("input.helperId",
							"万企兴万村是民营企业的行动，由工商联组织；" + helper.id() + "（" + helper.name() + "）"
									+ (stateOwned ? "是国有企业，应通过定点帮扶（DESIGNATED_ASSISTANCE）帮扶" : "未登记为民营企业") + "。",
							"万企兴万村 is a program of private enterprises (民营企业), led by the federations of "
									+ "industry and commerce; " + helper.id() + " (" + helper.name() + ") is "
									+ (stateOwned ? "a state-owned enterprise"
											: "not registered as a private enterprise")
									+ ". A state-owned enterprise helps through designated assistance "
									+ "(DESIGNATED_ASSISTANCE) instead."));
				}
				level(recipient, PlaceLevel.VILLAGE, "input.recipientId", "万企兴万村结对", "An enterprise-village link",
						violations);
			}
			case HOSPITAL_GROUP -> {
				organisation(helper, Set.of("HOSPITAL"), "input.helperId", "医院", "a hospital", violations);
				organisation(recipient, Set.of("HOSPITAL"), "input.recipientId", "医院", "a hospital", violations);
			}
			case SCHOOL_GROUP -> {
				organisation(helper, Set.of("SCHOOL"), "input.helperId", "学校", "a school", violations);
				organisation(recipient, Set.of("SCHOOL"), "input.recipientId", "学校", "a school", violations);
			}
			case RESIDENT_CADRE -> {
				if (helper.isPlace()) {
					violations.add(invalid("input.helperId", "驻村干部由组织选派；" + helper.id() + "是地方。",
							"Resident cadres are sent by an organisation; " + helper.id() + " is a place."));
				}
				level(recipient, PlaceLevel.VILLAGE, "input.recipientId", "驻村帮扶", "A resident cadre pairing",
						violations);
			}
		}
	}

	private static String levels(Set<PlaceLevel> levels) {
		return String.join(" or ", levels.stream().map((l) -> l.name().toLowerCase()).sorted().toList());
	}

	private static String levelsZh(Set<PlaceLevel> levels) {
		return String.join("或", levels.stream().sorted().map(PairingRules::levelZh).toList());
	}

	private static String levelZh(PlaceLevel level) {
		return switch (level) {
			case PROVINCE -> "省";
			case PREFECTURE -> "市";
			case COUNTY -> "县";
			case TOWNSHIP -> "乡镇";
			case VILLAGE -> "行政村";
		};
	}

	private static boolean place(PairingState.Party party, String field, String what, List<Violation> violations) {
		if (party.isPlace()) {
			return true;
		}
		violations.add(invalid(field, party.id() + "（" + party.name() + "）是组织，这里应填地方。",
				field + " must be " + what + "; " + party.id() + " (" + party.name() + ") is an organisation."));
		return false;
	}

	private static void level(PairingState.Party party, PlaceLevel level, String field, String whatZh, String what,
			List<Violation> violations) {
		if (!party.isPlace() || PlaceLevel.ofLength(party.id().length()) != level) {
			violations
				.add(invalid(field, whatZh + "帮扶的是" + levelZh(level) + "；" + party.id() + "（" + party.name() + "）不是。",
						what + " goes to a " + level.name().toLowerCase() + "; " + party.id() + " (" + party.name()
								+ ") is not one."));
		}
	}

	private static boolean organisation(PairingState.Party party, Set<String> kinds, String field, String whatZh,
			String what, List<Violation> violations) {
		if (kinds.contains(party.organisationKind())) {
			return true;
		}
		violations.add(invalid(field, "这里应填" + whatZh + "；" + party.id() + "（" + party.name() + "）不是。",
				field + " must be " + what + "; " + party.id() + " (" + party.name() + ") is not one."));
		return false;
	}

	private static Violation invalid(String field, String zh, String en) {
		return new Violation(ErrorCode.INVALID_ARGUMENT, field, zh, en);
	}

}
