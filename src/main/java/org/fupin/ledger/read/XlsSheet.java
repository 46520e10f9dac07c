package org.fupin.ledger.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.DimensionsRecord;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.MergeCellsRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * An {@code .xls} (BIFF8) workbook read with POI's HSSF event API: records as they come,
 * the cells of one row collected and handed on, never the workbook's object model. The
 * shared string table is kept, as the sheet refers to it; it is no larger than the file.
 */
final class XlsSheet implements HSSFListener {

	private final LedgerReadProperties limits;

	private final Consumer<RawRow> rows;

	private final ReadProgress progress;

	private final String title;

	private final List<BoundSheetRecord> sheets = new ArrayList<>();

	private FormatTrackingHSSFListener formats;

	private SSTRecord strings;

	private int sheet = -1;

	private int target = -1;

	private boolean reading;

	private boolean done;

	/** Whether the workbook counts dates from 1904 (its DATEMODE record). */
	private boolean date1904;

	private int row = -1;

	private List<RawCell> cells = new ArrayList<>();

	private long rowChars;

	private final Consumer<CellRangeAddress> merged;

	private XlsSheet(String title, LedgerReadProperties limits, ReadProgress progress, Consumer<RawRow> rows,
			Consumer<CellRangeAddress> merged) {
		this.title = title;
		this.limits = limits;
		this.progress = progress;
		this.rows = rows;
		this.merged = merged;
	}

	static void read(POIFSFileSystem fs, String title, LedgerReadProperties limits, ReadProgress progress,
			Consumer<RawRow> rows, Consumer<CellRangeAddress> merged) throws IOException {
		XlsSheet listener = new XlsSheet(title, limits, progress, rows, merged);
		listener.formats = new FormatTrackingHSSFListener(listener);
		HSSFRequest request = new HSSFRequest();
		request.addListenerForAllRecords(listener.formats);
		try {
			new HSSFEventFactory().processWorkbookEvents(request, fs);
		}
		catch (EncryptedDocumentException ex) {
			throw new LedgerFileException(FileProblem.PASSWORD_PROTECTED, null);
		}
		catch (OldExcelFormatException ex) {
			throw new LedgerFileException(FileProblem.NOT_A_WORKBOOK, "Excel 95 或更早的格式 (Excel 95 or older)");
		}
		catch (RuntimeException ex) {
			throw Sheets.failure(ex);
		}
		if (listener.sheet < 0) {
			throw new LedgerFileException(FileProblem.EMPTY_SHEET, null);
		}
	}

	@Override
	public void processRecord(Record record) {
		if (this.done) {
			return;
		}
		if (record instanceof BoundSheetRecord bound) {
			this.sheets.add(bound);
		}
		else if (record instanceof SSTRecord sst) {
			this.strings = sst;
		}
		else if (record instanceof DateWindow1904Record window) {
			this.date1904 = window.getWindowing() == 1;
		}
		else if (record instanceof BOFRecord bof && bof.getType() == BOFRecord.TYPE_WORKSHEET) {
			this.sheet++;
			if (this.target < 0) {
				List<String> names = Arrays.stream(BoundSheetRecord.orderByBofPosition(this.sheets))
					.map(BoundSheetRecord::getSheetname)
					.toList();
				this.target = names.isEmpty() ? 0 : SheetChoice.of(names, this.title);
			}
			this.reading = this.sheet == this.target;
		}
		else if (this.reading) {
			cell(record);
		}
	}

	private void cell(Record record) {
		if (record instanceof DimensionsRecord dimensions) {
			// The rows the sheet declares, one past the last: what the read goes through.
			this.progress.total(dimensions.getLastRow());
		}
		else if (record instanceof MergeCellsRecord merges) {
			for (int i = 0; i < merges.getNumAreas(); i++) {
				this.merged.accept(merges.getAreaAt(i));
			}
		}
		else if (record instanceof EOFRecord) {
			flush();
			this.reading = false;
			this.done = true;
		}
		else if (record instanceof LabelSSTRecord label) {
			put(label, RawCell.text(this.strings.getString(label.getSSTIndex()).getString(), false));
		}
		else if (record instanceof LabelRecord label) {
			put(label, RawCell.text(label.getValue(), false));
		}
		else if (record instanceof NumberRecord number) {
			put(number, number(number, number.getValue(), false));
		}
		else if (record instanceof FormulaRecord formula) {
			put(formula, formula(formula));
		}
		else if (record instanceof BoolErrRecord bool) {
			put(bool, bool.isBoolean()
					? new RawCell(RawCell.Kind.BOOLEAN, bool.getBooleanValue() ? "TRUE" : "FALSE", 0, false)
					: new RawCell(RawCell.Kind.ERROR, FormulaError.forInt(bool.getErrorValue()).getString(), 0, false));
		}
	}

	private RawCell formula(FormulaRecord formula) {
		if (formula.getCachedResultTypeEnum() == CellType.NUMERIC) {
			return number(formula, formula.getValue(), true);
		}
		return RawCell.text("", true);
	}

	private RawCell number(CellValueRecordInterface record, double value, boolean formula) {
		int index = this.formats.getFormatIndex(record);
		String format = this.formats.getFormatString(record);
		RawCell.Kind kind = RawCell.Kind.NUMBER;
		if (((index >= 27 && index <= 36) || (index >= 50 && index <= 58) || DateUtil.isADateFormat(index, format))
				&& DateUtil.isValidExcelDate(value)) {
			if (this.date1904) {
				return RawCell.date1904(value, formula);
			}
			kind = RawCell.Kind.DATE;
		}
		else if (format != null && format.replaceAll("\"[^\"]*\"", "").contains("%")) {
			kind = RawCell.Kind.PERCENT;
		}
		return RawCell.number(kind, value, formula);
	}

	private void put(CellValueRecordInterface record, RawCell cell) {
		if (record.getRow() != this.row) {
			flush();
			this.row = record.getRow();
		}
		int column = record.getColumn();
		String where = "第 " + (this.row + 1) + " 行 (row " + (this.row + 1) + ")";
		if (cell.text().length() > this.limits.maxCellChars()) {
			throw new LedgerFileException(FileProblem.CELL_TOO_LONG, where);
		}
		this.rowChars += cell.text().length();
		if (this.rowChars > this.limits.maxRowChars() || column >= LedgerReadProperties.MAX_COLUMNS) {
			throw new LedgerFileException(FileProblem.ROW_TOO_LONG, where);
		}
		while (this.cells.size() <= column) {
			this.cells.add(null);
		}
		this.cells.set(column, cell);
	}

	private void flush() {
		if (this.row >= 0) {
			RawRow raw = new RawRow(this.row + 1, this.cells);
			this.progress.at(this.row + 1);
			if (!raw.blank()) {
				this.rows.accept(raw);
			}
		}
		this.row = -1;
		this.cells = new ArrayList<>();
		this.rowChars = 0;
	}

}
