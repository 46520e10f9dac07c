package org.fupin.register;

import java.time.LocalDate;
import java.util.List;

import org.fupin.money.Money;
import org.fupin.money.Share;

/**
 * The inputs of the asset register's changes: the GraphQL input types of the asset
 * mutations ({@code schema/asset-mutations.graphqls}) as the argument binder fills them,
 * and what an import builds from a ledger row. Enumerations arrive as their names; the
 * schema (or the ledger reader) has already checked that they are valid values, and that
 * amounts and shares are exact, not negative and with at most two decimals.
 */
public final class AssetInputs {

	private AssetInputs() {
	}

	/** An owner's share in a new ownership period. */
	public record OwnerShareInput(String ownerId, Share share, String certificateNo) {
	}

	public record RegisterAssetInput(String registerNo, String name, String type, String category, Money originalValue,
			LocalDate completionDate, String status, String placeCode, String projectCode, List<OwnerShareInput> owners,
			LocalDate ownedFrom) {
	}

	/**
	 * New descriptive fields of an existing asset, as an asset ledger's row gives them: a
	 * {@code null} field stays as it is; {@code statusSince} goes with a new status, and
	 * a new place or project moves the asset there.
	 */
	public record UpdateAssetInput(String registerNo, String name, String type, String category, Money originalValue,
			LocalDate completionDate, String status, LocalDate statusSince, String placeCode, String projectCode) {

		/** Whether no field changes. */
		public boolean changesNothing() {
			return this.name == null && this.type == null && this.category == null && this.originalValue == null
					&& this.completionDate == null && this.status == null && this.statusSince == null
					&& this.placeCode == null && this.projectCode == null;
		}

	}

	public record TransferOwnershipInput(String registerNo, LocalDate date, List<OwnerShareInput> owners,
			String approvalRef) {
	}

	public record AssignCustodyInput(String registerNo, String custodianId, String responsiblePersonId, String duty,
			LocalDate validFrom) {
	}

	public record RecordOperationContractInput(String registerNo, String contractNo, String operatorId, String mode,
			LocalDate startDate, LocalDate endDate, Money annualRent) {
	}

	public record BeneficiaryShareInput(String beneficiaryId, Money amount) {
	}

	public record IncomeUseInput(String use, Money amount, List<BeneficiaryShareInput> beneficiaries) {
	}

	public record RecordIncomeInput(String registerNo, Integer year, Money amount, List<IncomeUseInput> uses) {
	}

	public record ChangeAssetStatusInput(String registerNo, String status, LocalDate since) {
	}

	public record DisposeAssetInput(String registerNo, String mode, LocalDate date, String approvalRef, Money proceeds,
			String transfereeId) {
	}

}
