package org.fupin.change;

/** Kinds of change recorded in the history; GraphQL {@code ChangeOperation}. */
public enum ChangeOperation {

	REGISTER_ASSET, TRANSFER_OWNERSHIP, ASSIGN_CUSTODY, RECORD_OPERATION_CONTRACT, RECORD_INCOME, CHANGE_ASSET_STATUS,
	DISPOSE_ASSET, CREATE_PAIRING, AMEND_PAIRING, END_PAIRING

}
