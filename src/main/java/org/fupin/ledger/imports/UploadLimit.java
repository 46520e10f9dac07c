package org.fupin.ledger.imports;

import java.util.Map;

import org.fupin.graphql.ErrorCode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} (or
 * {@code max-request-size}) is refused before any controller sees it, so nothing is kept
 * of it: 413 with the code {@code REQUEST_TOO_LARGE} and the limit in the message.
 */
@RestControllerAdvice
class UploadLimit {

	private final String limit;

	UploadLimit(ObjectProvider<MultipartProperties> multipart) {
		MultipartProperties properties = multipart.getIfAvailable(MultipartProperties::new);
		this.limit = shown(smaller(properties.getMaxFileSize(), properties.getMaxRequestSize()));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
		return ImportController.error(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE, "file",
				"文件超过上传上限 " + this.limit + "；请把台账拆成几个较小的文件分别导入，或请管理员调高 spring.servlet.multipart.max-file-size。"
						+ "The file is larger than the upload limit of " + this.limit
						+ "; split the ledger into smaller files and import each, or ask an administrator to raise"
						+ " spring.servlet.multipart.max-file-size.");
	}

	/** The smaller of two limits; a negative one means none. */
	private static DataSize smaller(DataSize a, DataSize b) {
		if (a == null || a.isNegative()) {
			return b;
		}
		if (b == null || b.isNegative()) {
			return a;
		}
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/** A size as people write it: 64 MB, 64 KB, 1500 B. */
	static String shown(DataSize size) {
		if (size == null || size.isNegative()) {
			return "?";
		}
		long bytes = size.toBytes();
		if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes >= DataSize.ofKilobytes(1).toBytes() && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " B";
	}

}
