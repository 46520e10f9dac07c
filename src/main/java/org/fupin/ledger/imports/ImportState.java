package org.fupin.ledger.imports;

/** Where an import job stands; GraphQL {@code LedgerImportState}. */
public enum ImportState {

	/** 校验中: its rows are being checked (the dry run). */
	VALIDATING,

	/** 校验通过: every row may be written; waiting for commit or cancel. */
	VALIDATED,

	/** 校验未通过: the report names what to correct; nothing can be written. */
	INVALID,

	/** 提交中: its rows are being written in one transaction. */
	COMMITTING,

	/** 已提交: every row was written. */
	COMMITTED,

	/** 已取消: cancelled before commit; its upload is deleted. */
	CANCELLED,

	/** 失败: an unexpected failure; nothing was written. */
	FAILED;

	/** Whether the job is done: nothing more happens to it. */
	boolean finished() {
		return this == COMMITTED || this == CANCELLED || this == FAILED || this == INVALID;
	}

}
