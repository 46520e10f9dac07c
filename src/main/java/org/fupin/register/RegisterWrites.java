package org.fupin.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.change.ChangeOperation;
import org.fupin.money.Money;
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
import org.fupin.register.AssetInputs.UpdateAssetInput;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes of the register's changes, for changes {@link RegisterRules} has passed:
 * many changes per statement, so that a mutation (one change) and an import (a batch of
 * rows) write the same way. Each method takes at most one change per asset (an import
 * writes the second change of an asset in a later call), runs in the caller's transaction
 * and answers what each change did, as its change event records it.
 */
@Component
public class RegisterWrites {

	private final RegisterRepository repository;

	RegisterWrites(RegisterRepository repository) {
		this.repository = repository;
	}

	/**
	 * A change to write: the input the rules passed and the asset's state they passed it
	 * against.
	 */
	public record Change<I>(I input, AssetState asset) {
	}

	/** What a written change did: its change event's operation and values. */
	public record Written(ChangeOperation operation, String registerNo, Map<String, Object> before,
			Map<String, Object> after) {
	}

	/**
	 * A new asset to write: the registration the rules passed and the custody it starts
	 * with, or {@code null} (an asset ledger's row may give one; the mutation does not).
	 */
	public record NewAsset(RegisterAssetInput input, AssignCustodyInput custody) {
	}

	/**
	 * Creates the assets in their places, formed by their projects, with their first
	 * owners (from {@code ownedFrom}, else the completion date) and custody.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Written> registerAsset(List<NewAsset> assets) {
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Map<String, Object>> owners = new ArrayList<>();
		List<Map<String, Object>> custody = new ArrayList<>();
		List<Written> written = new ArrayList<>();
		for (NewAsset asset : assets) {
			RegisterAssetInput input = asset.input();
			String registerNo = input.registerNo().strip();
			String placeCode = input.placeCode().strip();
			LocalDate completion = input.completionDate();
			List<OwnerShareInput> firstOwners = (input.owners() != null) ? input.owners() : List.of();
			LocalDate ownedFrom = (input.ownedFrom() != null) ? input.ownedFrom() : completion;
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("registerNo", registerNo);
			properties.put("name", input.name().strip());
			properties.put("type", input.type());
			properties.put("category", input.category());
			properties.put("originalValue", input.originalValue().fen());
			properties.put("completionDate", completion);
			properties.put("status", (input.status() != null) ? input.status() : "IN_USE");
			properties.put("statusSince", completion);
			properties.put("placeCode", placeCode);
			properties.put("version", 0L);
			properties.put("illustrative", false);
			Map<String, Object> row = new HashMap<>();
			row.put("properties", properties);
			row.put("placeCode", placeCode);
			row.put("projectCode", input.projectCode());
			rows.add(row);
			owners.addAll(ownerRows(registerNo, ownedFrom, firstOwners, null));
			Map<String, Object> after = describe(properties);
			after.put("originalValue", input.originalValue().toString());
			after.put("projectCode", input.projectCode());
			after.put("owners", describe(firstOwners, ownedFrom));
			if (asset.custody() != null) {
				AssetState.CustodyPeriod first = custodyPeriod(asset.custody(), "CU-" + registerNo + "-1");
				custody.add(custodyRow(registerNo, first));
				after.put("custody", describe(first));
			}
			written.add(new Written(ChangeOperation.REGISTER_ASSET, registerNo, null, after));
		}
		this.repository.createAssets(rows);
		this.repository.openOwnership(owners);
		this.repository.createCustody(custody);
		return written;
	}

	/**
	 * Sets the given descriptive fields of existing assets and moves them to a new place
	 * or project; every asset's version goes up by one.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Written> updateAsset(List<Change<UpdateAssetInput>> changes) {
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Written> written = new ArrayList<>();
		for (Change<UpdateAssetInput> change : changes) {
			UpdateAssetInput input = change.input();
			AssetState asset = change.asset();
			String registerNo = input.registerNo().strip();
			Fields fields = new Fields();
			fields.set("name", asset.name(), input.name());
			fields.set("type", asset.type(), input.type());
			fields.set("category", asset.category(), input.category());
			fields.set("originalValue", asset.originalValue(), input.originalValue());
			fields.set("completionDate", asset.completionDate(), input.completionDate());
			fields.set("status", asset.status(), input.status());
			fields.set("statusSince", asset.statusSince(), input.statusSince());
			fields.set("placeCode", asset.placeCode(), input.placeCode());
			if (input.projectCode() != null) {
				fields.before.put("projectCode", asset.projectCode());
				fields.after.put("projectCode", input.projectCode());
			}
			Map<String, Object> row = new HashMap<>();
			row.put("registerNo", registerNo);
			row.put("properties", fields.properties);
			row.put("placeCode", input.placeCode());
			row.put("projectCode", input.projectCode());
			rows.add(row);
			written.add(new Written(ChangeOperation.UPDATE_ASSET, registerNo, fields.before, fields.after));
		}
		this.repository.updateAssets(rows);
		return written;
	}

	/**
	 * The properties an update sets, and their values before and after as events show
	 * them.
	 */
	private static final class Fields {

		final Map<String, Object> properties = new LinkedHashMap<>();

		final Map<String, Object> before = new LinkedHashMap<>();

		final Map<String, Object> after = new LinkedHashMap<>();

		void set(String key, Object stored, Object given) {
			if (given == null) {
				return;
			}
			this.properties.put(key, (given instanceof Money money) ? money.fen() : given);
			this.before.put(key, shown(stored));
			this.after.put(key, shown(given));
		}

		private static Object shown(Object value) {
			return (value instanceof LocalDate || value instanceof Money) ? value.toString() : value;
		}

	}

	@Transactional(propagation = Propagation.MANDATORY)
	public List<Written> transferOwnership(List<Change<TransferOwnershipInput>> changes) {
		List<Map<String, Object>> closed = new ArrayList<>();
		List<Map<String, Object>> opened = new ArrayList<>();
		List<Written> written = new ArrayList<>();
		for (Change<TransferOwnershipInput> change : changes) {
			TransferOwnershipInput input = change.input();
			String registerNo = input.registerNo().strip();
			LocalDate date = input.date();
			String approvalRef = (input.approvalRef() != null && !input.approvalRef().isBlank())
					? input.approvalRef().strip() : null;
			closed.add(Map.of("registerNo", registerNo, "date", date));
			opened.addAll(ownerRows(registerNo, date, input.owners(), approvalRef));
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("owners", change.asset().openOwnership().stream().map(OwnershipPeriod::describe).toList());
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("date", date.toString());
			after.put("approvalRef", approvalRef);
			after.put("owners", describe(input.owners(), date));
			written.add(new Written(ChangeOperation.TRANSFER_OWNERSHIP, registerNo, before, after));
		}
		this.repository.closeOwnership(closed);
		this.repository.openOwnership(opened);
		return written;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public List<Written> assignCustody(List<Change<AssignCustodyInput>> changes) {
		List<Map<String, Object>> closed = new ArrayList<>();
		List<Map<String, Object>> created = new ArrayList<>();
		List<Written> written = new ArrayList<>();
		for (Change<AssignCustodyInput> change : changes) {
			AssignCustodyInput input = change.input();
			String registerNo = input.registerNo().strip();
			LocalDate validFrom = input.validFrom();
			AssetState.CustodyPeriod open = change.asset().openCustody();
			String id = "CU-" + registerNo + "-" + (change.asset().custody().size() + 1);
			AssetState.CustodyPeriod custody = custodyPeriod(input, id);
			closed.add(Map.of("registerNo", registerNo, "date", validFrom));
			created.add(custodyRow(registerNo, custody));
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("custody", (open != null) ? describe(open) : null);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("custody", describe(custody));
			if (open != null) {
				after.put("closed", Map.of("id", open.id(), "validTo", validFrom.toString()));
			}
			written.add(new Written(ChangeOperation.ASSIGN_CUSTODY, registerNo, before, after));
		}
		this.repository.closeCustody(closed);
		this.repository.createCustody(created);
		return written;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public List<Written> recordOperationContract(List<Change<RecordOperationContractInput>> changes) {
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Written> written = new ArrayList<>();
		for (Change<RecordOperationContractInput> change : changes) {
			RecordOperationContractInput input = change.input();
			String registerNo = input.registerNo().strip();
			String operatorId = input.operatorId().strip();
			Map<String, Object> contract = new LinkedHashMap<>();
			contract.put("contractNo", input.contractNo().strip());
			contract.put("mode", input.mode());
			contract.put("startDate", input.startDate());
			contract.put("endDate", input.endDate());
			contract.put("annualRent", input.annualRent().fen());
			contract.put("illustrative", false);
			rows.add(Map.of("registerNo", registerNo, "properties", contract, "operatorId", operatorId));
			Map<String, Object> shown = describe(contract);
			shown.remove("illustrative");
			shown.put("annualRent", input.annualRent().toString());
			shown.put("operatorId", operatorId);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("contract", shown);
			written.add(new Written(ChangeOperation.RECORD_OPERATION_CONTRACT, registerNo, null, after));
		}
		this.repository.createContracts(rows);
		return written;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public List<Written> recordIncome(List<Change<RecordIncomeInput>> changes) {
		List<Map<String, Object>> incomes = new ArrayList<>();
		List<Map<String, Object>> beneficiaryRows = new ArrayList<>();
		List<Written> written = new ArrayList<>();
		for (Change<RecordIncomeInput> change : changes) {
			RecordIncomeInput input = change.input();
			String registerNo = input.registerNo().strip();
			int year = input.year();
			String id = "INC-" + registerNo + "-" + year;
			Map<String, Object> income = new LinkedHashMap<>();
			income.put("id", id);
			income.put("year", (long) year);
			income.put("amount", input.amount().fen());
			income.put("illustrative", false);
			List<Map<String, Object>> useRows = new ArrayList<>();
			List<Map<String, Object>> shownUses = new ArrayList<>();
			List<IncomeUseInput> uses = input.uses();
			for (int i = 0; i < uses.size(); i++) {
				IncomeUseInput use = uses.get(i);
				String useId = id + "-U" + (i + 1);
				useRows.add(Map.of("id", useId, "use", use.use(), "amount", use.amount().fen()));
				List<Map<String, Object>> shownBeneficiaries = new ArrayList<>();
				for (BeneficiaryShareInput beneficiary : (use.beneficiaries() != null) ? use.beneficiaries()
						: List.<BeneficiaryShareInput>of()) {
					String beneficiaryId = beneficiary.beneficiaryId().strip();
					beneficiaryRows.add(Map.of("useId", useId, "beneficiaryId", beneficiaryId, "amount",
							beneficiary.amount().fen()));
					shownBeneficiaries
						.add(Map.of("beneficiaryId", beneficiaryId, "amount", beneficiary.amount().toString()));
				}
				Map<String, Object> shown = new LinkedHashMap<>();
				shown.put("id", useId);
				shown.put("use", use.use());
				shown.put("amount", use.amount().toString());
				shown.put("beneficiaries", shownBeneficiaries);
				shownUses.add(shown);
			}
			incomes.add(Map.of("registerNo", registerNo, "income", income, "uses", useRows));
			Map<String, Object> shown = new LinkedHashMap<>();
			shown.put("id", id);
			shown.put("year", year);
			shown.put("amount", input.amount().toString());
			shown.put("uses", shownUses);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("income", shown);
			written.add(new Written(ChangeOperation.RECORD_INCOME, registerNo, null, after));
		}
		this.repository.createIncomes(incomes, beneficiaryRows);
		return written;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public List<Written> changeAssetStatus(List<Change<ChangeAssetStatusInput>> changes) {
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Written> written = new ArrayList<>();
		for (Change<ChangeAssetStatusInput> change : changes) {
			ChangeAssetStatusInput input = change.input();
			String registerNo = input.registerNo().strip();
			rows.add(Map.of("registerNo", registerNo, "status", input.status(), "since", input.since()));
			written.add(new Written(ChangeOperation.CHANGE_ASSET_STATUS, registerNo,
					status(change.asset().status(), change.asset().statusSince()),
					status(input.status(), input.since())));
		}
		this.repository.setStatus(rows);
		return written;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public List<Written> disposeAsset(List<Change<DisposeAssetInput>> changes) {
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Written> written = new ArrayList<>();
		for (Change<DisposeAssetInput> change : changes) {
			DisposeAssetInput input = change.input();
			String registerNo = input.registerNo().strip();
			Money proceeds = input.proceeds();
			String transfereeId = (input.transfereeId() != null && !input.transfereeId().isBlank())
					? input.transfereeId().strip() : null;
			Map<String, Object> disposal = new LinkedHashMap<>();
			disposal.put("id", "DSP-" + registerNo);
			disposal.put("mode", input.mode());
			disposal.put("date", input.date());
			disposal.put("approvalRef", input.approvalRef().strip());
			if (proceeds != null) {
				disposal.put("proceeds", proceeds.fen());
			}
			disposal.put("illustrative", false);
			Map<String, Object> row = new HashMap<>();
			row.put("registerNo", registerNo);
			row.put("date", input.date());
			row.put("disposal", disposal);
			row.put("transfereeId", transfereeId);
			rows.add(row);

			Map<String, Object> before = status(change.asset().status(), change.asset().statusSince());
			before.put("owners", change.asset().openOwnership().stream().map(OwnershipPeriod::describe).toList());
			Map<String, Object> after = status("DISPOSED", input.date());
			Map<String, Object> shown = describe(disposal);
			shown.remove("illustrative");
			if (proceeds != null) {
				shown.put("proceeds", proceeds.toString());
			}
			shown.put("transfereeId", transfereeId);
			after.put("disposal", shown);
			written.add(new Written(ChangeOperation.DISPOSE_ASSET, registerNo, before, after));
		}
		this.repository.dispose(rows);
		return written;
	}

	/** Rows for {@link RegisterRepository#openOwnership}: one per owner. */
	private static List<Map<String, Object>> ownerRows(String registerNo, LocalDate from, List<OwnerShareInput> owners,
			String approvalRef) {
		return owners.stream().map((owner) -> {
			Map<String, Object> row = new HashMap<>();
			row.put("registerNo", registerNo);
			row.put("validFrom", from);
			row.put("ownerId", owner.ownerId().strip());
			row.put("share", owner.share().hundredths());
			row.put("certificateNo", blankToNull(owner.certificateNo()));
			row.put("approvalRef", approvalRef);
			return row;
		}).toList();
	}

	/** New owners as a change event shows them. */
	private static List<Map<String, Object>> describe(List<OwnerShareInput> owners, LocalDate from) {
		return owners.stream()
			.map((owner) -> new OwnershipPeriod(owner.ownerId().strip(), owner.share(), from, null,
					blankToNull(owner.certificateNo()))
				.describe())
			.toList();
	}

	private static AssetState.CustodyPeriod custodyPeriod(AssignCustodyInput input, String id) {
		return new AssetState.CustodyPeriod(id, input.custodianId().strip(), input.responsiblePersonId().strip(),
				input.duty().strip(), input.validFrom(), null);
	}

	/** A row for {@link RegisterRepository#createCustody}. */
	private static Map<String, Object> custodyRow(String registerNo, AssetState.CustodyPeriod custody) {
		return Map.of("registerNo", registerNo, "id", custody.id(), "custodianId", custody.custodianId(), "personId",
				custody.responsiblePersonId(), "duty", custody.duty(), "validFrom", custody.validFrom());
	}

	private static Map<String, Object> describe(AssetState.CustodyPeriod custody) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", custody.id());
		map.put("custodianId", custody.custodianId());
		map.put("responsiblePersonId", custody.responsiblePersonId());
		map.put("duty", custody.duty());
		map.put("validFrom", custody.validFrom().toString());
		return map;
	}

	/** Properties as a change event shows them: dates as ISO text. */
	private static Map<String, Object> describe(Map<String, Object> properties) {
		Map<String, Object> map = new LinkedHashMap<>();
		properties.forEach((key, value) -> map.put(key, (value instanceof LocalDate date) ? date.toString() : value));
		return map;
	}

	private static Map<String, Object> status(String status, LocalDate since) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("status", status);
		map.put("statusSince", (since != null) ? since.toString() : null);
		return map;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
