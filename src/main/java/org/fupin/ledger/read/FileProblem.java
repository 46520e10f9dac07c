package org.fupin.ledger.read;

/**
 * Why a whole file is refused, with the words a clerk reads: what is wrong and what to
 * do, in Chinese, then in English.
 */
public enum FileProblem {

	/** Neither a workbook nor CSV text (a PDF, a picture, a web page saved as .xls). */
	NOT_A_WORKBOOK("文件不是 Excel 工作簿或 CSV 文本", "请在 Excel 中另存为 .xlsx 后上传", "The file is not an Excel workbook or CSV text",
			"save it as .xlsx in Excel and upload that"),

	/** A workbook or CSV file whose inside is broken. */
	DAMAGED("文件已损坏, 无法读取", "请在 Excel 中打开并另存为 .xlsx 后上传", "The file is damaged and cannot be read",
			"open it in Excel, save it as .xlsx and upload that"),

	/** An encrypted workbook (打开密码). */
	PASSWORD_PROTECTED("工作簿设有打开密码", "请在 Excel 中清除密码 (文件 > 信息 > 保护工作簿 > 用密码进行加密) 后上传",
			"The workbook is encrypted with a password",
			"clear the password in Excel (File > Info > Protect Workbook > Encrypt with Password) and upload it again"),

	/** A workbook carrying macros (.xlsm, a VBA project). */
	MACRO_ENABLED("工作簿含有宏", "请另存为不含宏的 Excel 工作簿 (.xlsx) 后上传", "The workbook contains macros",
			"save it as an Excel Workbook (.xlsx), without macros, and upload that"),

	/**
	 * A workbook whose parts inflate far beyond their compressed size, or past the size
	 * or number any part may have: a zip bomb.
	 */
	ZIP_BOMB("文件解压后异常庞大, 疑似恶意文件", "请在 Excel 中另存为 .xlsx 后上传", "The file inflates far beyond its size (a zip bomb)",
			"save the ledger as .xlsx in Excel and upload that"),

	/**
	 * One cell holds more text than a cell may ({@code app.ledger.read.max-cell-chars}).
	 */
	CELL_TOO_LONG("单元格文字过长", "请删减该单元格后上传", "A cell holds more text than a cell may", "shorten it and upload again"),

	/** One row holds more text or more cells than a row may. */
	ROW_TOO_LONG("一行的内容过多", "请删减该行后上传", "A row holds more text or more cells than a row may",
			"shorten it and upload again"),

	/** A sheet or CSV file without any filled cell. */
	EMPTY_SHEET("工作表是空的", "请在第一个工作表中填写台账", "The sheet is empty", "fill the ledger in the first sheet"),

	/** No row names the ledger's columns. */
	NO_HEADER("找不到表头行", "请使用模板的表头", "No header row naming the ledger's columns was found",
			"use the template's headers"),

	/** A required column is missing. */
	MISSING_COLUMN("缺少必填列", "请按模板补上该列", "A required column is missing", "add it as the template has it"),

	/** A column the ledger does not have. */
	UNKNOWN_COLUMN("有无法识别的列", "请改用模板的列名或删除该列", "A column is not one of the ledger's",
			"name it as the template does or delete it"),

	/** Two columns of the file are the same column of the ledger. */
	DUPLICATE_COLUMN("同一列出现了两次", "请删除其中一列", "Two columns of the file are the same column of the ledger",
			"delete one of them"),

	/** A header row but no data row. */
	EMPTY("没有数据行", "请在表头下填写数据", "The sheet has no data rows", "fill rows below the header"),

	/**
	 * Cells merged across data rows or columns of the ledger: the file holds the value in
	 * the top-left cell only, so the other rows would read as blank.
	 */
	MERGED_CELLS("数据区有合并单元格", "请取消合并并将值填入每一行后上传", "Cells of the data rows are merged",
			"unmerge them, fill the value into every row and upload again"),

	/** More data rows than {@code app.ledger.import.max-rows}. */
	TOO_MANY_ROWS("数据行超过上限", "请分成几个文件上传", "More rows than an import takes", "split the file and upload the parts");

	private final String chinese;

	private final String chineseAdvice;

	private final String english;

	private final String englishAdvice;

	FileProblem(String chinese, String chineseAdvice, String english, String englishAdvice) {
		this.chinese = chinese;
		this.chineseAdvice = chineseAdvice;
		this.english = english;
		this.englishAdvice = englishAdvice;
	}

	/**
	 * Chinese, then English: what is wrong ({@code detail} after it when given), then
	 * what to do.
	 */
	public String message(String detail) {
		String what = (detail == null || detail.isBlank()) ? "" : ": " + detail;
		return this.chinese + what + ", " + this.chineseAdvice + "。" + this.english + what + "; " + this.englishAdvice
				+ ".";
	}

}
