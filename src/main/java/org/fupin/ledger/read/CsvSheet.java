package org.fupin.ledger.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * A CSV file read with Commons CSV, in the encoding the person uploading it chose, or
 * else the one its bytes show: a byte-order mark, else UTF-8 when its first block decodes
 * strictly as UTF-8, else GB18030 (a superset of GBK and GB2312, what Excel writes on a
 * Chinese Windows). Commas separate cells, or tabs when the first line has tabs and no
 * commas (Excel's "Unicode text"). A guard in front of the parser counts each cell's
 * characters, so no cell and no row grows past its bound in memory.
 */
final class CsvSheet {

	/** How much of the file decides its encoding. */
	static final int SNIFF = 64 * 1024;

	static final Charset GB18030 = Charset.forName("GB18030");

	private CsvSheet() {
	}

	static void read(Upload upload, LedgerReadProperties limits, ReadProgress progress, Consumer<RawRow> rows)
			throws IOException {
		byte[] head = head(upload);
		Charset charset = (upload.charset() != null) ? upload.charset() : detect(head);
		boolean wide = charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
		if (!wide && contains(head, (byte) 0)) {
			throw new LedgerFileException(FileProblem.NOT_A_WORKBOOK, null);
		}
		progress.total(Files.size(upload.file()));
		try (BoundedInputStream counted = BoundedInputStream.builder().setPath(upload.file()).get();
				InputStream bytes = BOMInputStream.builder()
					.setInputStream(counted)
					.setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
					.get();
				Reader text = new InputStreamReader(bytes, charset)) {
			char delimiter = delimiter(head, charset);
			Guard guard = new Guard(text, delimiter, limits);
			CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
			try (CSVParser parser = format.parse(guard)) {
				for (CSVRecord record : parser) {
					List<RawCell> cells = new ArrayList<>(record.size());
					for (String value : record) {
						if (value.length() > limits.maxCellChars()) {
							throw new LedgerFileException(FileProblem.CELL_TOO_LONG,
									"第 " + record.getRecordNumber() + " 行 (row " + record.getRecordNumber() + ")");
						}
						cells.add(RawCell.text(value, false));
					}
					RawRow row = new RawRow((int) record.getRecordNumber(), cells);
					// Bytes taken by the decoder, a buffer ahead of the parser at most.
					progress.at(counted.getCount());
					if (!row.blank()) {
						rows.accept(row);
					}
				}
			}
			catch (UncheckedIOException ex) {
				throw Sheets.failure(ex.getCause());
			}
		}
	}

	private static byte[] head(Upload upload) throws IOException {
		try (InputStream in = Files.newInputStream(upload.file())) {
			return in.readNBytes(SNIFF);
		}
	}

	/** The encoding the first block shows. */
	static Charset detect(byte[] head) {
		if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
			return StandardCharsets.UTF_8;
		}
		if (startsWith(head, 0xFF, 0xFE)) {
			return StandardCharsets.UTF_16LE;
		}
		if (startsWith(head, 0xFE, 0xFF)) {
			return StandardCharsets.UTF_16BE;
		}
		CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(head);
		CharBuffer out = CharBuffer.allocate(head.length + 1);
		// Not the end of input when the block is full: a character cut at its end is no
		// fault.
		CoderResult result = strict.decode(in, out, head.length < SNIFF);
		if (result.isError()) {
			return GB18030;
		}
		try {
			if (head.length < SNIFF) {
				result = strict.flush(out);
				if (result.isError()) {
					return GB18030;
				}
			}
		}
		catch (IllegalStateException ex) {
			return GB18030;
		}
		return StandardCharsets.UTF_8;
	}

	private static char delimiter(byte[] head, Charset charset) {
		String first;
		try {
			first = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.decode(ByteBuffer.wrap(head))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return ',';
		}
		int end = first.indexOf('\n');
		String line = (end >= 0) ? first.substring(0, end) : first;
		return (line.indexOf('\t') >= 0 && line.indexOf(',') < 0) ? '\t' : ',';
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean contains(byte[] bytes, byte wanted) {
		for (byte b : bytes) {
			if (b == wanted) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Counts the characters of each cell and row on their way to the parser, following
	 * only quotes, separators and line ends, and refuses the file when one grows past its
	 * bound: the parser would otherwise hold a 50 MB cell whole.
	 */
	private static final class Guard extends FilterReader {

		private final char delimiter;

		private final LedgerReadProperties limits;

		private boolean quoted;

		private long cell;

		private long row;

		private int cells;

		private int line = 1;

		Guard(Reader in, char delimiter, LedgerReadProperties limits) {
			super(in);
			this.delimiter = delimiter;
			this.limits = limits;
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (c >= 0) {
				count((char) c);
			}
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			for (int i = 0; i < n; i++) {
				count(buffer[offset + i]);
			}
			return n;
		}

		private void count(char c) {
			if (c == '"') {
				this.quoted = !this.quoted;
			}
			else if (!this.quoted && c == this.delimiter) {
				this.cell = 0;
				if (++this.cells >= LedgerReadProperties.MAX_COLUMNS) {
					throw new LedgerFileException(FileProblem.ROW_TOO_LONG, where());
				}
				return;
			}
			else if (!this.quoted && (c == '\n' || c == '\r')) {
				if (c == '\n') {
					this.line++;
				}
				this.cell = 0;
				this.row = 0;
				this.cells = 0;
				return;
			}
			// Quotes count too: a cell of n characters is at most 2n + 2 with them.
			if (++this.cell > 2L * this.limits.maxCellChars() + 2) {
				throw new LedgerFileException(FileProblem.CELL_TOO_LONG, where());
			}
			if (++this.row > 2L * this.limits.maxRowChars() + 2) {
				throw new LedgerFileException(FileProblem.ROW_TOO_LONG, where());
			}
		}

		private String where() {
			return "第 " + this.line + " 行附近 (near line " + this.line + ")";
		}

	}

}
