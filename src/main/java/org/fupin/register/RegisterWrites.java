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
import org.fupin.register.AssetInputs.TransferOwnershipInput;

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
			AssetState.CustodyPeriod custody = new AssetState.CustodyPeriod(id, input.custodianId().strip(),
					input.responsiblePersonId().strip(), input.duty().strip(), validFrom, null);
			closed.add(Map.of("registerNo", registerNo, "date", validFrom));
			created.add(Map.of("registerNo", registerNo, "id", id, "custodianId", custody.custodianId(), "personId",
					custody.responsiblePersonId(), "duty", custody.duty(), "validFrom", validFrom));
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
	static List<Map<String, Object>> ownerRows(String registerNo, LocalDate from, List<OwnerShareInput> owners,
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
	static List<Map<String, Object>> describe(List<OwnerShareInput> owners, LocalDate from) {
		return owners.stream()
			.map((owner) -> new OwnershipPeriod(owner.ownerId().strip(), owner.share(), from, null,
					blankToNull(owner.certificateNo()))
				.describe())
			.toList();
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
	static Map<String, Object> describe(Map<String, Object> properties) {
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
