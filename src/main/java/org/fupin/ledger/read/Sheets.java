package org.fupin.ledger.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.poi.EmptyFileException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an uploaded file as rows of raw cells, by what its first bytes say it is, not by
 * its name: an OOXML package ({@link XlsxSheet}), an OLE2 compound file holding a BIFF8
 * workbook ({@link XlsSheet}) or an encrypted OOXML package, or text ({@link CsvSheet}).
 */
final class Sheets {

	private static final Logger log = LoggerFactory.getLogger(Sheets.class);

	private Sheets() {
	}

	/**
	 * Hands the rows of the ledger's sheet to {@code rows}, in order.
	 * @param title the ledger's title: of several sheets, the one named like it is read,
	 * else the first; {@code null} for the first
	 * @param progress told how far through the file the read is
	 * @param merged told each merged range of the sheet (a workbook's; CSV has none)
	 */
	static void read(Upload upload, String title, LedgerReadProperties limits, ReadProgress progress,
			Consumer<RawRow> rows, Consumer<CellRangeAddress> merged) {
		FileMagic magic = magic(upload);
		try {
			switch (magic) {
				case OOXML -> XlsxSheet.read(upload.file(), title, limits, progress, rows, merged);
				case OLE2 -> ole2(upload, title, limits, progress, rows, merged);
				case HTML, XML -> throw new LedgerFileException(FileProblem.NOT_A_WORKBOOK,
						"网页或 XML 格式的表格 (a web page or XML spreadsheet)");
				case UNKNOWN -> CsvSheet.read(upload, limits, progress, rows);
				default -> throw new LedgerFileException(FileProblem.NOT_A_WORKBOOK, magic.name());
			}
		}
		catch (IOException ex) {
			throw failure(ex);
		}
	}

	private static FileMagic magic(Upload upload) {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(upload.file()))) {
			return FileMagic.valueOf(in);
		}
		catch (EmptyFileException ex) {
			throw new LedgerFileException(FileProblem.EMPTY_SHEET, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void ole2(Upload upload, String title, LedgerReadProperties limits, ReadProgress progress,
			Consumer<RawRow> rows, Consumer<CellRangeAddress> merged) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(upload.file().toFile(), true)) {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntryCaseInsensitive("EncryptedPackage") || root.hasEntryCaseInsensitive("EncryptionInfo")) {
				throw new LedgerFileException(FileProblem.PASSWORD_PROTECTED, null);
			}
			if (root.hasEntryCaseInsensitive("_VBA_PROJECT_CUR") || root.hasEntryCaseInsensitive("Macros")) {
				throw new LedgerFileException(FileProblem.MACRO_ENABLED, null);
			}
			if (!root.hasEntryCaseInsensitive("Workbook") && !root.hasEntryCaseInsensitive("Book")) {
				throw new LedgerFileException(FileProblem.NOT_A_WORKBOOK, "Word 或其他 Office 文件 (another Office file)");
			}
			XlsSheet.read(fs, title, limits, progress, rows, merged);
		}
	}

	/**
	 * A failure of whoever takes the rows, carried through the parsers unchanged.
	 */
	static final class Passed extends RuntimeException {

		Passed(RuntimeException cause) {
			super(cause);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}

	}

	/**
	 * What a read failure means for a clerk: POI's zip-bomb guard, a broken file, or a
	 * failure of the machine itself.
	 */
	static RuntimeException failure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof LedgerFileException refusal) {
				return refusal;
			}
			if (cause instanceof Passed passed) {
				return passed.getCause();
			}
			String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
			if (message.contains("zip bomb") || message.contains("potentially malicious")) {
				return new LedgerFileException(FileProblem.ZIP_BOMB, null);
			}
		}
		if (ex instanceof java.nio.file.FileSystemException io) {
			// The spooled file itself is gone or unreadable: the platform's failure, not
			// the
			// clerk's.
			return new UncheckedIOException(io);
		}
		String detail = String.valueOf(ex.getMessage());
		log.info("A ledger file could not be read: {}", detail, ex);
		return new LedgerFileException(FileProblem.DAMAGED,
				(detail.length() > 200) ? detail.substring(0, 200) + "…" : detail);
	}

}
