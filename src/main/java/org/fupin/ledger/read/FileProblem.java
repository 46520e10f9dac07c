package org.fupin.ledger.read;

/**
 * Why a whole file is refused, with the words a clerk reads: Chinese, then English.
 */
public enum FileProblem {

	/** Neither a workbook nor CSV text. */
	NOT_A_WORKBOOK("文件不是 Excel 工作簿或 CSV 文本", "The file is not an Excel workbook or CSV text"),

	/** No row names the ledger's columns. */
	NO_HEADER("找不到表头行", "No header row naming the ledger's columns was found"),

	/** A required column is missing. */
	MISSING_COLUMN("缺少必填列", "A required column is missing"),

	/** A column the ledger does not have. */
	UNKNOWN_COLUMN("有无法识别的列", "A column is not one of the ledger's"),

	/** A header row but no data row. */
	EMPTY("没有数据行", "The sheet has no data rows"),

	/** More data rows than {@code app.ledger.import.max-rows}. */
	TOO_MANY_ROWS("数据行超过上限", "More rows than an import takes");

	private final String chinese;

	private final String english;

	FileProblem(String chinese, String english) {
		this.chinese = chinese;
		this.english = english;
	}

	/** Chinese, then English, each followed by {@code detail} when given. */
	public String message(String detail) {
		if (detail == null || detail.isBlank()) {
			return this.chinese + "。" + this.english + ".";
		}
		return this.chinese + ": " + detail + "。" + this.english + ": " + detail + ".";
	}

}
