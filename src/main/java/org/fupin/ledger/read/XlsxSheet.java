package org.fupin.ledger.read;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import org.apache.commons.io.input.BoundedInputStream;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An {@code .xlsx} workbook read as a stream with POI's event API ({@link XSSFReader} and
 * {@link XSSFSheetXMLHandler}): one row at a time, never the whole sheet in memory. The
 * shared strings are kept (they are what the sheet refers to), bounded by
 * {@link LedgerReadProperties#maxSharedChars()}; every cell's text is bounded as it is
 * read; POI's {@code ZipSecureFile} refuses parts that inflate more than a hundredfold.
 * Numbers are taken as stored, not as formatted, with what their format says (a date, a
 * percent); formulas are marked, their cached results never recomputed.
 */
final class XlsxSheet {

	private static final char MARK = '\u0001';

	private static final Pattern VBA = Pattern.compile("(?i).*vbaProject.*");

	/** Quoted text in a number format, which says nothing of the number. */
	private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

	private XlsxSheet() {
	}

	static void read(Path file, String title, LedgerReadProperties limits, ReadProgress progress, Consumer<RawRow> rows,
			Consumer<CellRangeAddress> merged) throws IOException {
		try (OPCPackage pkg = open(file.toFile())) {
			List<PackagePart> cores = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
			if (cores.isEmpty()) {
				throw new LedgerFileException(FileProblem.NOT_A_WORKBOOK, "Office Open XML");
			}
			PackagePart workbook = cores.get(0);
			String type = workbook.getContentType();
			if (type.contains("macroEnabled") || !pkg.getPartsByName(VBA).isEmpty()) {
				throw new LedgerFileException(FileProblem.MACRO_ENABLED, null);
			}
			if (!type.equals(XSSFRelation.WORKBOOK.getContentType())
					&& !type.equals(XSSFRelation.TEMPLATE_WORKBOOK.getContentType())) {
				throw new LedgerFileException(FileProblem.NOT_A_WORKBOOK, type);
			}
			XSSFReader reader = new XSSFReader(pkg);
			StylesTable styles = reader.getStylesTable();
			SharedStrings strings = CappedStrings.of(pkg, limits);
			boolean date1904 = date1904(reader);
			int sheet = chosen(reader, title);
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			for (int i = 0; sheets.hasNext(); i++) {
				try (InputStream in = sheets.next()) {
					if (i == sheet) {
						long size = sheets.getSheetPart().getSize();
						try (BoundedInputStream counted = BoundedInputStream.builder().setInputStream(in).get()) {
							Contents contents = new Contents(limits, rows, date1904, progress,
									(size > 0) ? counted::getCount : null);
							if (size > 0) {
								progress.total(size);
							}
							parse(counted, styles, strings, contents, limits, merged);
						}
						return;
					}
				}
			}
			throw new LedgerFileException(FileProblem.EMPTY_SHEET, null);
		}
		catch (OpenXML4JException | SAXException | RuntimeException ex) {
			throw Sheets.failure(ex);
		}
	}

	private static OPCPackage open(File file) throws IOException {
		try {
			return OPCPackage.open(file, PackageAccess.READ);
		}
		catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException
				| org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException ex) {
			// A zip, but no Office package: an OpenDocument sheet, an archive.
			throw new LedgerFileException(FileProblem.NOT_A_WORKBOOK, "zip");
		}
	}

	/** Of several sheets, the first named like the ledger's title; else the first. */
	private static int chosen(XSSFReader reader, String title) throws IOException, OpenXML4JException {
		List<String> names = new ArrayList<>();
		XSSFReader.SheetIterator sheets = reader.getSheetIterator();
		while (sheets.hasNext()) {
			try (InputStream in = sheets.next()) {
				names.add(sheets.getSheetName());
			}
		}
		if (names.isEmpty()) {
			throw new LedgerFileException(FileProblem.EMPTY_SHEET, null);
		}
		return SheetChoice.of(names, title);
	}

	private static void parse(InputStream in, StylesTable styles, SharedStrings strings, Contents contents,
			LedgerReadProperties limits, Consumer<CellRangeAddress> merged) throws IOException, SAXException {
		XMLReader parser = parser();
		parser.setContentHandler(new Handler(styles, strings, contents, limits, merged));
		parser.parse(new InputSource(in));
	}

	private static XMLReader parser() {
		try {
			return XMLHelper.newXMLReader();
		}
		catch (javax.xml.parsers.ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException("No SAX parser", ex);
		}
	}

	/**
	 * Whether the workbook counts dates from 1904 ({@code <workbookPr date1904="1"/>}),
	 * read from the workbook part up to its list of sheets; the sheet handler is not told
	 * (POI's event API formats without it), so the date cells are moved into the 1900
	 * system here.
	 */
	private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException {
		WorkbookProperties found = new WorkbookProperties();
		XMLReader parser = parser();
		parser.setContentHandler(found);
		try (InputStream in = reader.getWorkbookData()) {
			parser.parse(new InputSource(in));
		}
		catch (WorkbookProperties.Seen ex) {
			// Read as far as needed.
		}
		return found.date1904;
	}

	/** Reads the workbook part's {@code workbookPr} element, then stops. */
	private static final class WorkbookProperties extends DefaultHandler {

		boolean date1904;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			if ("workbookPr".equals(localName)) {
				String value = attributes.getValue("date1904");
				this.date1904 = "1".equals(value) || "true".equals(value);
				throw new Seen();
			}
			if ("sheets".equals(localName)) {
				throw new Seen();
			}
		}

		/** The element wanted is read (or cannot come any more). */
		static final class Seen extends SAXException {

		}

	}

	/**
	 * POI's sheet handler, told which cells are formulas and what type each cell has, and
	 * bounding the text of each.
	 */
	private static final class Handler extends XSSFSheetXMLHandler {

		private final Contents contents;

		private final int maxCellChars;

		private long chars;

		private String reference;

		private boolean inCell;

		private final Consumer<CellRangeAddress> merged;

		Handler(StylesTable styles, SharedStrings strings, Contents contents, LedgerReadProperties limits,
				Consumer<CellRangeAddress> merged) {
			super(styles, null, strings, contents, new RawFormatter(), false);
			this.contents = contents;
			this.maxCellChars = limits.maxCellChars();
			this.merged = merged;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			if ("dimension".equals(localName)) {
				this.contents.dimension(attributes.getValue("ref"));
			}
			if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) {
				this.merged.accept(CellRangeAddress.valueOf(attributes.getValue("ref")));
			}
			if ("c".equals(localName)) {
				this.chars = 0;
				this.inCell = true;
				this.contents.type = attributes.getValue("t");
				this.contents.formula = false;
				this.contents.emitted = false;
				this.reference = attributes.getValue("r");
			}
			else if ("f".equals(localName)) {
				this.contents.formula = true;
			}
			super.startElement(uri, localName, qName, attributes);
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			super.endElement(uri, localName, qName);
			if ("c".equals(localName)) {
				this.inCell = false;
			}
			if ("c".equals(localName) && this.contents.formula && !this.contents.emitted) {
				// A formula without a cached result (never calculated): still a formula.
				this.contents.type = "str";
				this.contents.cell(this.reference, "", null);
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			if (this.inCell) {
				this.chars += length;
				if (this.chars > this.maxCellChars + 64L) {
					throw new LedgerFileException(FileProblem.CELL_TOO_LONG, this.contents.where());
				}
			}
			super.characters(ch, start, length);
		}

	}

	/**
	 * Numbers as stored, with what their format says, instead of as shown: a control
	 * character, then D (a date), P (a percent) or N, then the number.
	 */
	private static final class RawFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return formatRawCellContents(value, formatIndex, formatString, false);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			char kind = 'N';
			if (isDate(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				kind = 'D';
			}
			else if (formatString != null && formatString.indexOf('%') >= 0
					&& QUOTED.matcher(formatString).replaceAll("").contains("%")) {
				kind = 'P';
			}
			return MARK + String.valueOf(kind) + Double.toString(value);
		}

		/**
		 * POI's date formats, and the East Asian built-in ones (27 to 36, 50 to 58) that
		 * Chinese Excel gives dates such as 2019年7月26日.
		 */
		static boolean isDate(int formatIndex, String formatString) {
			return (formatIndex >= 27 && formatIndex <= 36) || (formatIndex >= 50 && formatIndex <= 58)
					|| DateUtil.isADateFormat(formatIndex, formatString);
		}

	}

	/** Collects a row's cells and hands the row on at its end. */
	private static final class Contents implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final LedgerReadProperties limits;

		private final Consumer<RawRow> rows;

		private final boolean date1904;

		private final ReadProgress progress;

		/** The bytes of the sheet read so far, or null to count rows of its dimension. */
		private final LongSupplier bytes;

		private List<RawCell> cells = new ArrayList<>();

		private int row;

		private int column;

		private long rowChars;

		String type;

		boolean formula;

		boolean emitted;

		Contents(LedgerReadProperties limits, Consumer<RawRow> rows, boolean date1904, ReadProgress progress,
				LongSupplier bytes) {
			this.limits = limits;
			this.rows = rows;
			this.date1904 = date1904;
			this.progress = progress;
			this.bytes = bytes;
		}

		/**
		 * The sheet's declared range, such as {@code A1:P100001}: how many rows it has.
		 */
		void dimension(String reference) {
			if (this.bytes != null || reference == null || reference.isBlank()) {
				return;
			}
			try {
				this.progress.total(CellRangeAddress.valueOf(reference).getLastRow() + 1L);
			}
			catch (IllegalArgumentException ex) {
				// A range that says nothing: no estimate.
			}
		}

		@Override
		public void startRow(int rowNum) {
			this.row = rowNum;
			this.cells = new ArrayList<>();
			this.rowChars = 0;
		}

		@Override
		public void endRow(int rowNum) {
			RawRow raw = new RawRow(rowNum + 1, this.cells);
			this.progress.at((this.bytes != null) ? this.bytes.getAsLong() : rowNum + 1L);
			if (!raw.blank()) {
				this.rows.accept(raw);
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			this.emitted = true;
			this.column = (reference != null) ? column(reference) : this.cells.size();
			if (this.column >= LedgerReadProperties.MAX_COLUMNS || this.column < 0) {
				throw new LedgerFileException(FileProblem.ROW_TOO_LONG, where());
			}
			String text = (value != null) ? value : "";
			if (text.length() > this.limits.maxCellChars()) {
				throw new LedgerFileException(FileProblem.CELL_TOO_LONG, where());
			}
			this.rowChars += text.length();
			if (this.rowChars > this.limits.maxRowChars()) {
				throw new LedgerFileException(FileProblem.ROW_TOO_LONG, where());
			}
			while (this.cells.size() <= this.column) {
				this.cells.add(null);
			}
			this.cells.set(this.column, cell(text));
		}

		/** The column of a reference such as {@code AB12}: its letters, base 26. */
		private static int column(String reference) {
			int column = 0;
			for (int i = 0; i < reference.length(); i++) {
				char c = reference.charAt(i);
				if (c < 'A' || c > 'Z') {
					break;
				}
				column = column * 26 + (c - 'A' + 1);
				if (column > LedgerReadProperties.MAX_COLUMNS) {
					break;
				}
			}
			return column - 1;
		}

		private RawCell cell(String text) {
			if (!text.isEmpty() && text.charAt(0) == MARK) {
				double number = Double.parseDouble(text.substring(2));
				if (text.charAt(1) == 'D' && this.date1904) {
					return RawCell.date1904(number, this.formula);
				}
				RawCell.Kind kind = switch (text.charAt(1)) {
					case 'D' -> RawCell.Kind.DATE;
					case 'P' -> RawCell.Kind.PERCENT;
					default -> RawCell.Kind.NUMBER;
				};
				return RawCell.number(kind, number, this.formula);
			}
			if (this.type == null || "n".equals(this.type)) {
				try {
					return RawCell.number(RawCell.Kind.NUMBER, Double.parseDouble(text), this.formula);
				}
				catch (NumberFormatException ex) {
					return RawCell.text(text, this.formula);
				}
			}
			return switch (this.type) {
				case "b" -> new RawCell(RawCell.Kind.BOOLEAN, text, 0, this.formula);
				case "e" -> new RawCell(RawCell.Kind.ERROR, text, 0, this.formula);
				default -> RawCell.text(text, this.formula);
			};
		}

		String where() {
			return "第 " + (this.row + 1) + " 行 " + CellReference.convertNumToColString(Math.min(this.column, 16383))
					+ " 列 (row " + (this.row + 1) + ")";
		}

	}

	/** A shared string as the sheet handler takes it: text, no formatting runs. */
	private record PlainText(String text) implements RichTextString {

		@Override
		public String getString() {
			return this.text;
		}

		@Override
		public String toString() {
			return this.text;
		}

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public int numFormattingRuns() {
			return 0;
		}

		@Override
		public int getIndexOfFormattingRun(int index) {
			return 0;
		}

		@Override
		public void applyFont(int startIndex, int endIndex, short fontIndex) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(int startIndex, int endIndex, org.apache.poi.ss.usermodel.Font font) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(org.apache.poi.ss.usermodel.Font font) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void clearFormatting() {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(short fontIndex) {
			throw new UnsupportedOperationException();
		}

	}

	/**
	 * The workbook's shared strings, read with POI's streaming reader but bounded: no
	 * string longer than a cell may be, no more characters in all than
	 * {@link LedgerReadProperties#maxSharedChars()}, and no list sized by the file's own
	 * claim of how many strings it has.
	 */
	private static final class CappedStrings extends ReadOnlySharedStringsTable {

		private boolean ready;

		private LedgerReadProperties limits;

		private long chars;

		private long total;

		private int items;

		private List<String> plain;

		private CappedStrings() throws IOException, SAXException {
			super(InputStream.nullInputStream(), false);
		}

		static SharedStrings of(OPCPackage pkg, LedgerReadProperties limits) throws IOException, SAXException {
			CappedStrings strings = new CappedStrings().ready(limits);
			List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
			if (parts.isEmpty()) {
				return strings;
			}
			try (InputStream in = parts.get(0).getInputStream()) {
				strings.readFrom(in);
			}
			strings.plain = new ArrayList<>(strings.items);
			for (int i = 0; i < strings.items; i++) {
				strings.plain.add(strings.parsed(i));
			}
			return strings;
		}

		private String parsed(int index) {
			return super.getItemAt(index).getString();
		}

		/**
		 * The string as plain text: POI's own answer builds a rich-text object for every
		 * cell that refers to it.
		 */
		@Override
		public RichTextString getItemAt(int index) {
			if (this.plain == null || index < 0 || index >= this.plain.size()) {
				throw new LedgerFileException(FileProblem.DAMAGED,
						"共享字符串 " + index + " 不存在 (no shared string " + index + ")");
			}
			return new PlainText(this.plain.get(index));
		}

		private CappedStrings ready(LedgerReadProperties limits) {
			this.limits = limits;
			this.ready = true;
			return this;
		}

		@Override
		public void readFrom(InputStream is) throws IOException, SAXException {
			// The constructor reads at once, before the bounds are set: read only after.
			if (this.ready) {
				super.readFrom(is);
			}
		}

		@Override
		public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
			if ("si".equals(localName)) {
				this.chars = 0;
				this.items++;
			}
			if ("sst".equals(localName) && attributes.getValue("uniqueCount") != null) {
				AttributesImpl bounded = new AttributesImpl(attributes);
				bounded.removeAttribute(bounded.getIndex("uniqueCount"));
				attributes = bounded;
			}
			super.startElement(uri, localName, name, attributes);
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			this.chars += length;
			this.total += length;
			if (this.chars > this.limits.maxCellChars() + 64L) {
				throw new LedgerFileException(FileProblem.CELL_TOO_LONG, "共享字符串 (shared strings)");
			}
			if (this.total > this.limits.maxSharedChars()) {
				throw new LedgerFileException(FileProblem.ROW_TOO_LONG,
						"工作簿文字总量超过上限 (the workbook's text exceeds app.ledger.read.max-shared-chars)");
			}
			super.characters(ch, start, length);
		}

	}

}
