package org.fupin.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fupin.asset.AssetTypeCategories;
import org.fupin.graphql.ErrorCode;
import org.fupin.money.Money;
import org.fupin.money.Share;
import org.fupin.party.PartyKind;
import org.fupin.place.PlaceLevel;
import org.fupin.register.AssetInputs.AssignCustodyInput;
import org.fupin.register.AssetInputs.BeneficiaryShareInput;
import org.fupin.register.AssetInputs.ChangeAssetStatusInput;
import org.fupin.register.AssetInputs.DisposeAssetInput;
import org.fupin.register.AssetInputs.IncomeUseInput;
import org.fupin.register.AssetInputs.OwnerShareInput;
import org.fupin.register.AssetInputs.RecordIncomeInput;
import org.fupin.register.AssetInputs.RecordOperationContractInput;
import org.fupin.register.AssetInputs.RegisterAssetInput;
import org.fupin.register.AssetInputs.TransferOwnershipInput;
import org.fupin.security.Caller;

/**
 * The rules of the asset register, one function per change, each over the change's input,
 * the state read for it ({@link RegisterState}, read for a whole batch at once), the
 * writer's scope and today's date. Each answers every rule the change breaks, in the
 * order a person fixes them: the input's own shape first, then what it names, then the
 * asset's place in the writer's scope, then the asset's state. A mutation refuses with
 * the first; an import reports them all for a row. Checks that depend on a value already
 * found wrong are skipped, and so is everything after an unknown or out-of-scope asset.
 */
public final class RegisterRules {

	private static final String KEY = "registerNo";

	/** The longest register number. */
	private static final int REGISTER_NO_LENGTH = 64;

	/**
	 * The most owners one ownership period has: so an asset's owners on a date, a list
	 * without pages, stay a bounded list.
	 */
	public static final int MAX_OWNERS = 100;

	private RegisterRules() {
	}

	/** A new asset, with its first owners when it has any. */
	public static List<Violation> registerAsset(RegisterAssetInput input, RegisterState state, Caller writer,
			LocalDate today) {
		Checks checks = new Checks();
		String registerNo = checks.registerNo(input.registerNo());
		checks.text(input.name(), "name");
		String type = checks.required(input.type(), "type");
		String category = checks.required(input.category(), "category");
		if (type != null && category != null && !AssetTypeCategories.fits(type, category)) {
			List<String> allowed = AssetTypeCategories.allowedFor(type).stream().sorted().toList();
			checks.add(Violation.invalid("category",
					"资产类型为" + type + "的资产应为" + String.join("或", allowed) + "，不是" + category
							+ "（国办函〔2021〕51号：基础设施和公共服务类为公益性资产，产生收益的生产类为经营性资产，为农户形成的资产为确权到户类资产）；请填写与资产类型相符的资产类别。",
					"An asset of type " + type + " is " + String.join(" or ", allowed) + ", not " + category
							+ " (国办函〔2021〕51号: infrastructure and public services are "
							+ "public welfare, income-earning production assets operating, assets formed for households "
							+ "assigned); register it with a category that fits its type."));
		}
		checks.required(input.originalValue(), "originalValue");
		checks.notFuture(input.completionDate(), "completionDate", today);
		if ("DISPOSED".equals(input.status())) {
			checks.add(Violation.invalid("status", "新登记的资产不能是已处置（DISPOSED）状态：按处置前的状态登记，再登记其处置。",
					"A new asset cannot be DISPOSED: register it with its status before disposal, then use disposeAsset."));
		}
		String placeCode = checks.text(input.placeCode(), "placeCode");
		PlaceLevel level = (placeCode != null) ? checks.placeLevel(placeCode, "placeCode") : null;
		if (level != null && level != PlaceLevel.VILLAGE && level != PlaceLevel.COUNTY) {
			checks.add(Violation.invalid("placeCode",
					"资产位于行政村（12位区划代码），跨村工程位于县（6位区划代码）；" + placeCode + "是" + levelZh(level) + "代码。",
					"An asset lies in a village (12 digits), or in a county (6 digits) for cross-village works; "
							+ placeCode + " is a " + level.name().toLowerCase() + " code."));
			level = null;
		}
		List<OwnerShareInput> owners = (input.owners() != null) ? input.owners() : List.of();
		boolean ownersShaped = owners.isEmpty() || checks.ownerShares(owners, "owners");
		if (!owners.isEmpty() && input.ownedFrom() != null) {
			checks.notFuture(input.ownedFrom(), "ownedFrom", today);
		}
		if (level != null && !checks.inScope(writer, placeCode, "placeCode")) {
			return checks.violations;
		}
		if (level != null && !state.placeExists(placeCode)) {
			checks.add(Violation.notFound("placeCode", "没有区划代码为" + placeCode + "的地方。",
					"No place has the code " + placeCode + " (统计用区划代码)."));
		}
		String projectCode = input.projectCode();
		if (projectCode != null && !state.projectExists(projectCode)) {
			checks.add(Violation.notFound("projectCode", "没有编号为" + projectCode + "的项目。",
					"No project has the code " + projectCode + "."));
		}
		if (ownersShaped) {
			checks.owners(owners, "owners", state);
		}
		if (registerNo != null && state.asset(registerNo) != null) {
			checks.add(Violation.conflict(KEY, "登记编号为" + registerNo + "的资产已经登记；请换一个登记编号。",
					"An asset with the register number " + registerNo
							+ " is already registered; choose another register number."));
		}
		return checks.violations;
	}

	/**
	 * A new owner or owners of an asset from a date, closing the current owners' periods.
	 */
	public static List<Violation> transferOwnership(TransferOwnershipInput input, RegisterState state, Caller writer,
			LocalDate today) {
		Checks checks = new Checks();
		String registerNo = checks.text(input.registerNo(), KEY);
		LocalDate date = checks.notFuture(input.date(), "date", today);
		List<OwnerShareInput> owners = (input.owners() != null) ? input.owners() : List.of();
		if (checks.ownerShares(owners, "owners")) {
			checks.owners(owners, "owners", state);
		}
		AssetState asset = checks.asset(registerNo, state, writer);
		if (asset == null || !checks.notDisposed(asset, "变更产权", "ownership changes")) {
			return checks.violations;
		}
		if (date != null) {
			checks.add(continuation(asset.ownership(), date, "date"));
		}
		return checks.violations;
	}

	/** A new custody of an asset, ending the current one on the day it begins. */
	public static List<Violation> assignCustody(AssignCustodyInput input, RegisterState state, Caller writer,
			LocalDate today) {
		Checks checks = new Checks();
		String registerNo = checks.text(input.registerNo(), KEY);
		String custodianId = checks.text(input.custodianId(), "custodianId");
		String personId = checks.text(input.responsiblePersonId(), "responsiblePersonId");
		checks.text(input.duty(), "duty");
		LocalDate validFrom = checks.notFuture(input.validFrom(), "validFrom", today);
		if (custodianId != null) {
			PartyKind kind = state.party(custodianId);
			if (kind == null) {
				checks.add(Violation.notFound("custodianId", "没有统一社会信用代码为" + custodianId + "的组织。",
						"No organisation has the credit code " + custodianId + "."));
			}
			else if (kind != PartyKind.ORGANISATION) {
				checks.add(Violation.invalid("custodianId", custodianId + "不是组织；管护主体应填组织的统一社会信用代码。",
						custodianId + " is not an organisation; a custodian (管护主体) is an organisation's credit code."));
			}
		}
		if (personId != null && !state.personExists(personId)) {
			checks.add(Violation.notFound("responsiblePersonId", "没有编号为" + personId + "的人员。",
					"No person has the id " + personId + "."));
		}
		AssetState asset = checks.asset(registerNo, state, writer);
		if (asset == null || !checks.notDisposed(asset, "变更管护", "custody changes") || validFrom == null) {
			return checks.violations;
		}
		LocalDate latestStart = asset.custody()
			.stream()
			.map(AssetState.CustodyPeriod::validFrom)
			.max(LocalDate::compareTo)
			.orElse(null);
		if (latestStart != null && !validFrom.isAfter(latestStart)) {
			checks.add(Violation.conflict("validFrom",
					"该资产最近一次管护自" + latestStart + "起；新的管护必须在此之后开始，" + validFrom + "不在此之后。",
					"The latest custody of this asset began on " + latestStart
							+ "; a new custody must begin after it, and " + validFrom + " does not."));
			return checks.violations;
		}
		LocalDate latestEnd = asset.custody()
			.stream()
			.map(AssetState.CustodyPeriod::validTo)
			.filter(Objects::nonNull)
			.max(LocalDate::compareTo)
			.orElse(null);
		if (latestEnd != null && validFrom.isBefore(latestEnd)) {
			checks.add(Violation.conflict("validFrom", "该资产有一段管护到" + latestEnd + "为止；自" + validFrom + "开始的新管护会与之重叠。",
					"A custody of this asset ran until " + latestEnd + "; a new custody beginning " + validFrom
							+ " would overlap it."));
		}
		return checks.violations;
	}

	/** An operation contract of an asset with its operator. */
	public static List<Violation> recordOperationContract(RecordOperationContractInput input, RegisterState state,
			Caller writer) {
		Checks checks = new Checks();
		String registerNo = checks.text(input.registerNo(), KEY);
		String contractNo = checks.text(input.contractNo(), "contractNo");
		String operatorId = checks.text(input.operatorId(), "operatorId");
		checks.required(input.mode(), "mode");
		LocalDate start = checks.required(input.startDate(), "startDate");
		LocalDate end = checks.required(input.endDate(), "endDate");
		if (start != null && end != null) {
			checks.after(start, "startDate", end, "endDate");
		}
		checks.required(input.annualRent(), "annualRent");
		if (operatorId != null) {
			checks.owner(operatorId, "operatorId", state);
		}
		if (contractNo != null && state.contractExists(contractNo)) {
			checks.add(Violation.conflict("contractNo", "合同编号" + contractNo + "已经登记；合同编号不能重复。",
					"A contract numbered " + contractNo + " is already recorded; contract numbers are unique."));
		}
		AssetState asset = checks.asset(registerNo, state, writer);
		if (asset != null) {
			checks.notDisposed(asset, "签订经营合同", "operation contracts");
		}
		return checks.violations;
	}

	/** An asset's income of a year and its distribution, to the fen. */
	public static List<Violation> recordIncome(RecordIncomeInput input, RegisterState state, Caller writer,
			LocalDate today) {
		Checks checks = new Checks();
		String registerNo = checks.text(input.registerNo(), KEY);
		Integer year = checks.required(input.year(), "year");
		if (year != null && year > today.getYear()) {
			checks.add(Violation.invalid("year", "年度不能晚于今年（" + today.getYear() + "），现为" + year + "。",
					"year must not be after this year (" + today.getYear() + "), was " + year + "."));
			year = null;
		}
		Money amount = checks.positive(input.amount(), "amount");
		List<IncomeUseInput> uses = (input.uses() != null) ? input.uses() : List.of();
		if (uses.isEmpty()) {
			checks.add(Violation.invalid("uses", "收益必须分配：至少填写一项收益用途及其金额。",
					"uses must distribute the income: give at least one use (收益用途) with its amount."));
		}
		Set<String> kinds = new HashSet<>();
		List<String> beneficiaryIds = new ArrayList<>();
		List<String> beneficiaryFields = new ArrayList<>();
		boolean summable = true;
		for (int i = 0; i < uses.size(); i++) {
			IncomeUseInput use = uses.get(i);
			String field = "uses[" + i + "]";
			String kind = checks.required(use.use(), field + ".use");
			if (kind != null && !kinds.add(kind)) {
				checks.add(Violation.invalid(field + ".use", "收益用途" + kind + "出现了两次；每项用途只填一次，填其全部金额。",
						kind + " appears twice in uses; give each use once with its whole amount."));
			}
			Money useAmount = checks.required(use.amount(), field + ".amount");
			summable &= useAmount != null;
			List<BeneficiaryShareInput> beneficiaries = (use.beneficiaries() != null) ? use.beneficiaries() : List.of();
			Set<String> seen = new HashSet<>();
			boolean beneficiariesSummable = true;
			for (int j = 0; j < beneficiaries.size(); j++) {
				String beneficiaryField = field + ".beneficiaries[" + j + "]";
				String id = checks.text(beneficiaries.get(j).beneficiaryId(), beneficiaryField + ".beneficiaryId");
				if (id != null && !seen.add(id)) {
					checks.add(Violation.invalid(beneficiaryField + ".beneficiaryId",
							id + "在" + label(field) + "的受益对象中出现了两次；每个受益对象只填一次。",
							id + " appears twice in " + field + ".beneficiaries; give each beneficiary once."));
				}
				else if (id != null) {
					beneficiaryIds.add(id);
					beneficiaryFields.add(beneficiaryField + ".beneficiaryId");
				}
				beneficiariesSummable &= checks.positive(beneficiaries.get(j).amount(),
						beneficiaryField + ".amount") != null;
			}
			if (!beneficiaries.isEmpty() && useAmount != null && beneficiariesSummable) {
				checks.sum(useAmount, beneficiaries.stream().map(BeneficiaryShareInput::amount).toList(),
						field + ".beneficiaries", field + ".amount");
			}
		}
		if (amount != null && !uses.isEmpty() && summable) {
			checks.sum(amount, uses.stream().map(IncomeUseInput::amount).toList(), "uses", "amount");
		}
		for (int i = 0; i < beneficiaryIds.size(); i++) {
			if (state.party(beneficiaryIds.get(i)) == null) {
				checks.add(Violation.notFound(beneficiaryFields.get(i),
						"没有代码为" + beneficiaryIds.get(i) + "的组织、农户或地方（应为统一社会信用代码、户编号或区划代码）。",
						"No organisation, household or place has the id " + beneficiaryIds.get(i)
								+ " (a credit code, household number or place code)."));
			}
		}
		AssetState asset = checks.asset(registerNo, state, writer);
		if (asset == null || year == null) {
			return checks.violations;
		}
		if (asset.completionDate() != null && year < asset.completionDate().getYear()) {
			checks.add(Violation.invalid("year", "该资产于" + asset.completionDate() + "建成，" + year + "年不可能有收益。",
					"The asset was completed on " + asset.completionDate() + "; it cannot have earned income in " + year
							+ "."));
		}
		if (asset.incomeYears().contains(year)) {
			checks.add(Violation.conflict("year", "资产" + asset.registerNo() + "的" + year + "年收益已经登记；每项资产每年只有一条收益记录。",
					"Income of " + year + " is already recorded for asset " + asset.registerNo()
							+ "; an asset has one income record per year."));
		}
		if (asset.disposalDate() != null && year > asset.disposalDate().getYear()) {
			checks.add(Violation.conflict("year",
					"资产" + asset.registerNo() + "已于" + asset.disposalDate() + "处置，" + year + "年不可能有收益。",
					"Asset " + asset.registerNo() + " was disposed on " + asset.disposalDate()
							+ "; it cannot have earned income in " + year + "."));
		}
		return checks.violations;
	}

	/** A new status (in use, idle, damaged) of an asset from a date. */
	public static List<Violation> changeAssetStatus(ChangeAssetStatusInput input, RegisterState state, Caller writer,
			LocalDate today) {
		Checks checks = new Checks();
		String registerNo = checks.text(input.registerNo(), KEY);
		String status = checks.required(input.status(), "status");
		if ("DISPOSED".equals(status)) {
			checks.add(Violation.invalid("status", "处置须有处置方式和审批文号：请按资产处置登记，不要作为状态变更。",
					"Disposal needs a mode and an approval reference: use disposeAsset instead of changeAssetStatus."));
			status = null;
		}
		LocalDate since = checks.notFuture(input.since(), "since", today);
		AssetState asset = checks.asset(registerNo, state, writer);
		if (asset == null || !checks.notDisposed(asset, "变更状态", "status changes")) {
			return checks.violations;
		}
		if (status != null && status.equals(asset.status())) {
			checks.add(Violation.conflict("status",
					"资产" + asset.registerNo() + "已是" + status + "状态（自" + asset.statusSince() + "起）。",
					"Asset " + asset.registerNo() + " is already " + status + " (since " + asset.statusSince() + ")."));
		}
		if (since != null && asset.statusSince() != null && since.isBefore(asset.statusSince())) {
			checks.add(Violation.conflict("since",
					"资产" + asset.registerNo() + "自" + asset.statusSince() + "起为" + asset.status() + "状态；新状态不能早于该日开始，"
							+ since + "早于该日。",
					"Asset " + asset.registerNo() + " has been " + asset.status() + " since " + asset.statusSince()
							+ "; a new status cannot begin before that, and " + since + " does."));
		}
		return checks.violations;
	}

	/** The disposal of an asset: scrapped, sold or transferred, with its approval. */
	public static List<Violation> disposeAsset(DisposeAssetInput input, RegisterState state, Caller writer,
			LocalDate today) {
		Checks checks = new Checks();
		String registerNo = checks.text(input.registerNo(), KEY);
		String mode = checks.required(input.mode(), "mode");
		LocalDate date = checks.notFuture(input.date(), "date", today);
		if (input.approvalRef() == null || input.approvalRef().isBlank()) {
			checks.add(Violation.invalid("approvalRef", "审批文号必须填写：资产处置须有审批文号。",
					"approvalRef is required: a disposal needs the reference of its approval (审批文号)."));
		}
		String transfereeId = (input.transfereeId() != null && !input.transfereeId().isBlank())
				? input.transfereeId().strip() : null;
		if ("SCRAP".equals(mode) && transfereeId != null) {
			checks.add(Violation.invalid("transfereeId", "报废的资产没有受让方；请不要填写受让方。",
					"A scrapped asset goes to no one; leave transfereeId out."));
		}
		else if (mode != null && !"SCRAP".equals(mode) && transfereeId == null) {
			checks.add(Violation.invalid("transfereeId", mode + "须填写接收资产的一方（受让方代码）。",
					"A " + mode + " needs the party receiving the asset: give transfereeId."));
		}
		else if (transfereeId != null) {
			checks.owner(transfereeId, "transfereeId", state);
		}
		AssetState asset = checks.asset(registerNo, state, writer);
		if (asset == null || !checks.notDisposed(asset, "处置", "further disposal") || date == null) {
			return checks.violations;
		}
		LocalDate earliest = latest(asset.statusSince(), asset.completionDate());
		if (earliest != null && date.isBefore(earliest)) {
			checks.add(Violation.conflict("date",
					"资产" + asset.registerNo() + "自" + earliest + "起为" + asset.status() + "状态，不能在此之前处置，" + date
							+ "在此之前。",
					"Asset " + asset.registerNo() + " has been " + asset.status() + " since " + earliest
							+ "; it cannot be disposed before that, and " + date + " is."));
		}
		for (OwnershipPeriod period : asset.ownership()) {
			if (!date.isAfter(period.validFrom()) || (period.validTo() != null && period.validTo().isAfter(date))) {
				checks.add(Violation.conflict("date",
						"该资产有一段产权自" + period.validFrom() + "起"
								+ ((period.validTo() != null) ? "至" + period.validTo() : "") + "；处置日期必须晚于其开始、不早于其结束，"
								+ date + "不符合。",
						"An ownership period of this asset runs from " + period.validFrom()
								+ ((period.validTo() != null) ? " to " + period.validTo() : "")
								+ "; a disposal must be dated after its start and not before its end, and " + date
								+ " is not."));
				break;
			}
		}
		AssetState.CustodyPeriod custody = asset.openCustody();
		if (custody != null && !date.isAfter(custody.validFrom())) {
			checks.add(Violation.conflict("date", "当前管护自" + custody.validFrom() + "起；处置日期必须晚于该日。",
					"The current custody began on " + custody.validFrom() + "; a disposal must be dated after it."));
		}
		for (AssetState.Contract contract : asset.contracts()) {
			if (!date.isAfter(contract.startDate())) {
				checks.add(Violation.conflict("date",
						"合同" + contract.contractNo() + "自" + contract.startDate() + "起；处置日期必须晚于每份合同的开始日期。",
						"Contract " + contract.contractNo() + " starts on " + contract.startDate()
								+ "; a disposal must be dated after the start of every contract."));
				break;
			}
		}
		return checks.violations;
	}

	/**
	 * Whether new ownership periods starting on {@code date} continue the history without
	 * an overlap or a gap: the date is after the start of every period (so it is later
	 * than the last transfer) and not before the end of any closed one; when no period is
	 * open any more, it is exactly the day the last one ended.
	 * @return the broken rule ({@code CONFLICT} naming {@code field}), or {@code null}
	 */
	public static Violation continuation(List<OwnershipPeriod> periods, LocalDate date, String field) {
		LocalDate latestStart = periods.stream().map(OwnershipPeriod::validFrom).max(LocalDate::compareTo).orElse(null);
		if (latestStart != null && !date.isAfter(latestStart)) {
			return Violation.conflict(field, "该资产最近一次产权自" + latestStart + "起；产权变更日期必须在此之后，" + date + "不在此之后。",
					"The latest ownership period of this asset started on " + latestStart
							+ "; a transfer must be dated after it, and " + date + " is not.");
		}
		LocalDate latestEnd = periods.stream()
			.map(OwnershipPeriod::validTo)
			.filter(Objects::nonNull)
			.max(LocalDate::compareTo)
			.orElse(null);
		if (latestEnd != null && date.isBefore(latestEnd)) {
			return Violation.conflict(field,
					"该资产有一段产权到" + latestEnd + "为止；" + date + "的产权变更会与之重叠。请填" + latestEnd + "或更晚的日期。",
					"An ownership period of this asset runs until " + latestEnd + "; a transfer" + " dated " + date
							+ " would overlap it. Date it " + latestEnd + " or later.");
		}
		boolean anyOpen = periods.stream().anyMatch(OwnershipPeriod::open);
		if (!anyOpen && latestEnd != null && date.isAfter(latestEnd)) {
			return Violation.conflict(field, "该资产最后一段产权于" + latestEnd + "结束，当前没有产权；请把产权变更日期填为" + latestEnd + "，以免产权中断。",
					"The last ownership period of this asset ended on " + latestEnd
							+ " and none is open; date the transfer " + latestEnd + " so that no gap is left.");
		}
		return null;
	}

	/** The Chinese name of an input path, e.g. 第2项产权主体的产权主体代码 for owners[1].ownerId. */
	static String label(String field) {
		StringBuilder text = new StringBuilder();
		for (String part : field.split("\\.")) {
			Matcher indexed = INDEXED.matcher(part);
			if (text.length() > 0) {
				text.append("的");
			}
			if (indexed.matches()) {
				text.append("第").append(Integer.parseInt(indexed.group(2)) + 1).append("项");
				part = indexed.group(1);
			}
			text.append(TERMS.getOrDefault(part, part));
		}
		return text.toString();
	}

	private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");

	/** The Chinese terms of the inputs' fields, as the ledgers head their columns. */
	private static final Map<String, String> TERMS = Map.ofEntries(Map.entry(KEY, "登记编号"), Map.entry("name", "资产名称"),
			Map.entry("type", "资产类型"), Map.entry("category", "资产类别"), Map.entry("originalValue", "原值"),
			Map.entry("completionDate", "建成日期"), Map.entry("status", "资产状态"), Map.entry("placeCode", "所在地代码"),
			Map.entry("projectCode", "项目编号"), Map.entry("owners", "产权主体"), Map.entry("ownerId", "产权主体代码"),
			Map.entry("share", "产权份额"), Map.entry("ownedFrom", "产权起始日期"), Map.entry("custodianId", "管护主体代码"),
			Map.entry("responsiblePersonId", "管护责任人编号"), Map.entry("duty", "管护责任"), Map.entry("validFrom", "管护起始日期"),
			Map.entry("date", "日期"), Map.entry("approvalRef", "审批文号"), Map.entry("contractNo", "合同编号"),
			Map.entry("operatorId", "经营主体代码"), Map.entry("mode", "方式"), Map.entry("startDate", "合同开始日期"),
			Map.entry("endDate", "合同结束日期"), Map.entry("annualRent", "年租金"), Map.entry("year", "年度"),
			Map.entry("amount", "金额"), Map.entry("uses", "收益用途"), Map.entry("use", "用途"),
			Map.entry("beneficiaries", "受益对象"), Map.entry("beneficiaryId", "受益对象代码"), Map.entry("since", "状态起始日期"),
			Map.entry("proceeds", "处置收入"), Map.entry("transfereeId", "受让方代码"));

	private static String levelZh(PlaceLevel level) {
		return switch (level) {
			case PROVINCE -> "省级";
			case PREFECTURE -> "地级";
			case COUNTY -> "县级";
			case TOWNSHIP -> "乡级";
			case VILLAGE -> "村级";
		};
	}

	private static LocalDate latest(LocalDate a, LocalDate b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	/** The violations of one change, and the checks the rules share. */
	private static final class Checks {

		final List<Violation> violations = new ArrayList<>();

		void add(Violation violation) {
			if (violation != null) {
				this.violations.add(violation);
			}
		}

		/** The text stripped, or {@code null} (and a violation) when it is empty. */
		String text(String value, String field) {
			if (value == null || value.isBlank()) {
				add(Violation.invalid(field, label(field) + "不能为空。", field + " must not be empty."));
				return null;
			}
			return value.strip();
		}

		/**
		 * A new register number, stripped: it names the asset in every ledger, link and
		 * report, so it holds no space or control character and at most
		 * {@value #REGISTER_NO_LENGTH} characters. {@code null} (and a violation) when it
		 * breaks that.
		 */
		String registerNo(String value) {
			String registerNo = text(value, KEY);
			if (registerNo != null && (registerNo.length() > REGISTER_NO_LENGTH || registerNo.codePoints()
				.anyMatch((c) -> Character.isSpaceChar(c) || Character.isISOControl(c)))) {
				add(Violation.invalid(KEY, "登记编号最长" + REGISTER_NO_LENGTH + "个字符，不能含空格或控制字符；现为“" + registerNo + "”。",
						KEY + " must be at most " + REGISTER_NO_LENGTH
								+ " characters without spaces or control characters, was '" + registerNo + "'."));
				return null;
			}
			return registerNo;
		}

		<T> T required(T value, String field) {
			if (value == null) {
				add(Violation.invalid(field, label(field) + "必须填写。", field + " is required."));
			}
			return value;
		}

		/** An amount above zero, or {@code null} (and a violation). */
		Money positive(Money value, String field) {
			if (required(value, field) == null) {
				return null;
			}
			if (value.compareTo(Money.ZERO) <= 0) {
				add(Violation.invalid(field, label(field) + "必须大于零，现为" + value + "。",
						field + " must be more than zero, was " + value + "."));
				return null;
			}
			return value;
		}

		/** A date that has happened: registers record facts, not plans. */
		LocalDate notFuture(LocalDate date, String field, LocalDate today) {
			if (required(date, field) == null) {
				return null;
			}
			if (date.isAfter(today)) {
				add(Violation.invalid(field, label(field) + "不能晚于今天（" + today + "），现为" + date + "。",
						field + " must not be after today (" + today + "), was " + date + "."));
				return null;
			}
			return date;
		}

		/**
		 * {@code end} strictly after {@code start}; the violation names {@code endField}.
		 */
		void after(LocalDate start, String startField, LocalDate end, String endField) {
			if (!end.isAfter(start)) {
				add(Violation.invalid(endField,
						label(endField) + "（" + end + "）必须晚于" + label(startField) + "（" + start + "）。",
						endField + " (" + end + ") must be after " + startField + " (" + start + ")."));
			}
		}

		/**
		 * The level of a well-formed division code, or {@code null} (and a violation).
		 */
		PlaceLevel placeLevel(String code, String field) {
			PlaceLevel level = PlaceLevel.levelOf(code);
			if (level == null) {
				add(new Violation(ErrorCode.INVALID_CODE, field, "“" + code + "”不是统计用区划代码：应为2、4、6、9或12位数字。", "'" + code
						+ "' is not a statistical division code: expected 2, 4, 6, 9 or 12 digits (统计用区划代码)."));
			}
			return level;
		}

		/**
		 * Owners of one new ownership period: at least one and at most
		 * {@value #MAX_OWNERS}, each named once with a share above 0, the shares adding
		 * up to exactly 100.
		 * @return whether each owner is named (so that they can be looked up)
		 */
		boolean ownerShares(List<OwnerShareInput> owners, String field) {
			if (owners.isEmpty()) {
				add(Violation.invalid(field, label(field) + "至少要有一个产权主体。", field + " must name at least one owner."));
				return false;
			}
			if (owners.size() > MAX_OWNERS) {
				add(Violation.invalid(field, label(field) + "最多填" + MAX_OWNERS + "个，现有" + owners.size() + "个。", field
						+ " names " + owners.size() + " owners; an ownership period has at most " + MAX_OWNERS + "."));
				return false;
			}
			Set<String> seen = new HashSet<>();
			boolean named = true;
			boolean summable = true;
			for (int i = 0; i < owners.size(); i++) {
				OwnerShareInput owner = owners.get(i);
				String ownerId = text(owner.ownerId(), field + "[" + i + "].ownerId");
				named &= ownerId != null;
				if (ownerId != null && !seen.add(ownerId)) {
					add(Violation.invalid(field + "[" + i + "].ownerId",
							ownerId + "在" + label(field) + "中出现了两次；每个产权主体只填一次，填其全部份额。",
							ownerId + " is named twice in " + field + "; give each owner once with its whole share."));
					named = false;
				}
				String shareField = field + "[" + i + "].share";
				if (required(owner.share(), shareField) == null) {
					summable = false;
				}
				else if (owner.share().compareTo(Share.ofHundredths(0)) <= 0) {
					add(Violation.invalid(shareField, label(shareField) + "必须大于零，现为" + owner.share() + "。",
							shareField + " must be more than zero, was " + owner.share() + "."));
				}
			}
			if (summable) {
				Share sum = Share.sum(owners.stream().map(OwnerShareInput::share).toList());
				if (!sum.isWhole()) {
					add(Violation.invalid(field, label(field) + "的份额合计必须正好是100(%)，现合计" + sum + "。", "The shares in "
							+ field + " must add up to exactly 100 (percent); they add up to " + sum + "."));
				}
			}
			return named;
		}

		/** Parts that must add up to a total, to the fen. */
		void sum(Money total, Collection<Money> parts, String field, String totalField) {
			Money sum = Money.sum(parts);
			if (!sum.equals(total)) {
				add(Violation.invalid(field,
						label(field) + "的金额合计必须等于" + label(totalField) + "（" + total + "元），现合计" + sum + "元。",
						"The amounts in " + field + " must add up to " + totalField + " (" + total
								+ "); they add up to " + sum + "."));
			}
		}

		/** Owners, operators and transferees: organisations or households that exist. */
		void owners(List<OwnerShareInput> owners, String field, RegisterState state) {
			for (int i = 0; i < owners.size(); i++) {
				owner(owners.get(i).ownerId().strip(), field + "[" + i + "].ownerId", state);
			}
		}

		void owner(String id, String field, RegisterState state) {
			PartyKind kind = state.party(id);
			if (kind == null) {
				add(Violation.notFound(field, "没有代码为" + id + "的组织或农户（应为18位统一社会信用代码，或以H开头的户编号）。",
						"No organisation or household has the id " + id
								+ " (an 18-character credit code, or a household number starting with H)."));
			}
			else if (kind == PartyKind.PLACE) {
				add(Violation.invalid(field, id + "是一个地方；请填写组织的统一社会信用代码或农户的户编号。",
						id + " is a place; give an organisation's credit code or a household number."));
			}
		}

		/** Whether the writer may change assets at the place; a violation if not. */
		boolean inScope(Caller writer, String placeCode, String field) {
			if (writer.mayChangeAssetsAt(placeCode)) {
				return true;
			}
			add(new Violation(ErrorCode.FORBIDDEN, field,
					"你无权修改位于" + placeCode + "的资产" + ((writer.place() != null) ? "：你的地区范围是" + writer.place() : "") + "。",
					"You may not change assets at " + placeCode + ": " + writer.scopeText() + "."));
			return false;
		}

		/**
		 * The existing asset the change is about, within the writer's scope; {@code null}
		 * (and a violation) otherwise.
		 */
		AssetState asset(String registerNo, RegisterState state, Caller writer) {
			if (registerNo == null) {
				return null;
			}
			AssetState asset = state.asset(registerNo);
			if (asset == null) {
				add(Violation.notFound(KEY, "没有登记编号为" + registerNo + "的资产。",
						"No asset has the register number " + registerNo + "."));
				return null;
			}
			return inScope(writer, asset.placeCode(), KEY) ? asset : null;
		}

		/** Whether the asset is not disposed; a violation if it is. */
		boolean notDisposed(AssetState asset, String whatZh, String what) {
			if (!asset.disposed()) {
				return true;
			}
			String on = (asset.disposalDate() != null) ? " on " + asset.disposalDate() : "";
			String onZh = (asset.disposalDate() != null) ? "于" + asset.disposalDate() : "";
			add(Violation.conflict(KEY, "资产" + asset.registerNo() + "已" + onZh + "处置；已处置的资产不能再" + whatZh + "。", "Asset "
					+ asset.registerNo() + " was disposed" + on + "; a disposed asset takes no " + what + "."));
			return false;
		}

	}

}
