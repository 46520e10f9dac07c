package org.fupin.ledger.imports;

import java.util.Map;

import org.fupin.graphql.ErrorCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} (or
 * {@code max-request-size}) is refused before any controller sees it: 413 with the code
 * {@code REQUEST_TOO_LARGE}.
 */
@RestControllerAdvice
class UploadLimit {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
		return ImportController.error(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE, "file",
				"文件超过上传上限（spring.servlet.multipart.max-file-size）；请拆分后分别导入。The file is larger than the "
						+ "upload limit (spring.servlet.multipart.max-file-size); split it and import the parts.");
	}

}
