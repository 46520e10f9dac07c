package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fupin.ledger.LedgerColumn;
import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.imports.AssetLedger.Draft;
import org.fupin.ledger.imports.AssetLedgerStore.Stored;
import org.fupin.ledger.read.ReportLine;
import org.fupin.register.AssetInputs.AssignCustodyInput;
import org.fupin.register.AssetInputs.OwnerShareInput;
import org.fupin.register.AssetInputs.RegisterAssetInput;
import org.fupin.register.AssetState;
import org.fupin.register.RegisterKeys;
import org.fupin.register.RegisterRules;
import org.fupin.register.RegisterService;
import org.fupin.register.RegisterState;
import org.fupin.register.Violation;
import org.fupin.security.Caller;

import org.springframework.stereotype.Component;

/**
 * The register's own rules over a batch of asset rows:
 * {@link RegisterRules#registerAsset} for every row and
 * {@link RegisterRules#assignCustody} for its custody (a new asset's from its completion
 * date, against the state its registration leaves; an existing asset's, when it changes,
 * from today), over one {@link RegisterState} read for the whole batch. The mutation and
 * the import run the very same functions.
 */
@Component
class AssetRowRules {

	private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[\\d+]\\.(\\w+)");

	/** The ledger's field of each field the rules name. */
	private static final Map<String, String> FIELDS = Map.of("owners", "ownerIds", "owners.ownerId", "ownerIds",
			"owners.share", "ownerShares", "owners.certificateNo", "certificateNos", "ownedFrom", "completionDate",
			"custodianId", "custodianCode", "validFrom", "duty");

	private final RegisterService register;

	private final Map<String, String> headers = new java.util.HashMap<>();

	AssetRowRules(RegisterService register) {
		this.register = register;
		for (LedgerColumn column : LedgerForm.ASSETS.columns()) {
			this.headers.put(column.field(), column.header());
		}
	}

	/**
	 * The report lines the rules gave each row, and the state they checked it against.
	 */
	static final class Checked {

		private final Map<Draft, List<ReportLine>> lines = new IdentityHashMap<>();

		private final RegisterState state;

		Checked(RegisterState state) {
			this.state = state;
		}

		/** The asset as the rules saw it, or {@code null} when it does not exist. */
		AssetState asset(String registerNo) {
			return this.state.asset(registerNo);
		}

		List<ReportLine> lines(Draft draft) {
			return this.lines.getOrDefault(draft, List.of());
		}

	}

	Checked check(List<Draft> drafts, Map<String, Stored> stored, Caller caller, LocalDate today) {
		RegisterKeys keys = new RegisterKeys();
		List<RegisterAssetInput> inputs = new ArrayList<>(drafts.size());
		for (Draft draft : drafts) {
			RegisterAssetInput input = input(draft);
			inputs.add(input);
			keys.add(input);
			if (draft.hasCustody()) {
				keys.add(custody(draft, today));
			}
		}
		RegisterState state = this.register.readState(keys);
		Checked checked = new Checked(state);
		for (int i = 0; i < drafts.size(); i++) {
			Draft draft = drafts.get(i);
			RegisterAssetInput input = inputs.get(i);
			Stored existing = (draft.registerNo != null) ? stored.get(draft.registerNo) : null;
			List<Violation> violations = new ArrayList<>();
			for (Violation violation : RegisterRules.registerAsset(input, state, caller, today)) {
				// A row for an asset that exists is an update, not a second registration.
				if (existing == null || !"registerNo".equals(violation.field())) {
					violations.add(violation);
				}
			}
			if (draft.hasCustody()) {
				if (existing == null && violations.isEmpty()) {
					violations.addAll(RegisterRules.assignCustody(custody(draft, draft.completionDate),
							state.with(AssetState.registered(input)), caller, today));
				}
				else if (existing != null && !sameCustody(existing, draft)) {
					violations.addAll(RegisterRules.assignCustody(custody(draft, today), state, caller, today));
				}
			}
			if (!violations.isEmpty()) {
				List<ReportLine> lines = new ArrayList<>();
				for (Violation violation : violations) {
					String field = field(violation.field());
					lines.add(new ReportLine(draft.row, field, this.headers.get(field),
							(field != null) ? draft.source.texts().get(field) : null, violation.code().name(),
							violation.message()));
				}
				checked.lines.put(draft, lines);
			}
		}
		return checked;
	}

	static RegisterAssetInput input(Draft draft) {
		List<OwnerShareInput> owners = draft.owners.stream()
			.map((owner) -> new OwnerShareInput(owner.ownerId(), owner.share(), owner.certificateNo()))
			.toList();
		return new RegisterAssetInput(draft.registerNo, draft.name, draft.type, draft.category, draft.originalValue,
				draft.completionDate, draft.status, draft.placeCode, draft.projectCode, owners, null);
	}

	static AssignCustodyInput custody(Draft draft, LocalDate from) {
		return new AssignCustodyInput(draft.registerNo, draft.custodianId, draft.personId, draft.duty, from);
	}

	static boolean sameCustody(Stored existing, Draft draft) {
		AssetLedgerStore.Custody custody = existing.custody();
		return custody != null && Objects.equals(custody.custodianId(), draft.custodianId)
				&& Objects.equals(custody.responsiblePersonId(), draft.personId)
				&& Objects.equals(custody.duty(), draft.duty);
	}

	/** The ledger's field for a field of the rules' inputs ({@code owners[1].share}). */
	static String field(String field) {
		if (field == null) {
			return null;
		}
		Matcher indexed = INDEXED.matcher(field);
		String plain = indexed.matches() ? indexed.group(1) + "." + indexed.group(2) : field;
		return FIELDS.getOrDefault(plain, plain);
	}

}
