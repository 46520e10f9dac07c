package org.fupin.ledger.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.read.ReportLine;
import org.fupin.security.EndpointAccess;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

import static org.fupin.ledger.CsvLedgerWriter.neutralised;

/**
 * Ledger imports over HTTP: {@code POST /ledgers/{ledger}/imports} (multipart
 * {@code file}, optional {@code charset} and {@code commit}) answers 202 with the job and
 * its {@code Location}; {@code GET /ledgers/imports/{id}} the job; {@code GET
 * /ledgers/imports/{id}/report.csv} its report. Refusals answer a GraphQL-shaped body
 * with {@code extensions.code}, as {@code /graphql} does.
 */
@RestController
class ImportController {

	static final String UPLOAD = "POST /ledgers/{ledger}/imports";

	static final String JOB = "GET /ledgers/imports/{id}";

	static final String REPORT = "GET /ledgers/imports/{id}/report";

	private final LedgerImports imports;

	private final EndpointAccess access;

	ImportController(LedgerImports imports, EndpointAccess access) {
		this.imports = imports;
		this.access = access;
	}

	@PostMapping("/ledgers/{ledger:[a-z-]+}/imports")
	ResponseEntity<ImportJob> upload(@PathVariable String ledger, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String charset, @RequestParam(defaultValue = "false") boolean commit) {
		EndpointAccess.Allowed allowed = this.access.check(UPLOAD, Map.of());
		LedgerForm form = LedgerForm.ofSlug(ledger)
			.orElseThrow(() -> ApiException.notFound("ledger",
					"没有可导入的台账 " + ledger + "。No ledger " + ledger + " is imported; choose one of "
							+ String.join(", ",
									java.util.Arrays.stream(LedgerForm.values()).map(LedgerForm::slug).toList())
							+ "."));
		if (file == null || file.isEmpty()) {
			throw ApiException.invalid("file", "请上传文件（表单字段 file）。Send the ledger as the multipart field 'file'.");
		}
		Charset encoding = null;
		if (charset != null && !charset.isBlank()) {
			try {
				encoding = Charset.forName(charset.strip());
			}
			catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
				throw ApiException.invalid("charset",
						"不支持的字符编码 " + charset + "。Unknown charset " + charset + "; use UTF-8 or GB18030.");
			}
		}
		try (InputStream in = file.getInputStream()) {
			ImportJob job = this.imports.submit(form, file.getOriginalFilename(), in, encoding, commit,
					allowed.caller());
			return ResponseEntity.accepted().location(URI.create("/ledgers/imports/" + job.id())).body(job);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/ledgers/imports/{id}")
	ImportJob job(@PathVariable String id) {
		EndpointAccess.Allowed allowed = this.access.check(JOB, Map.of());
		return this.imports.job(id, allowed.caller());
	}

	@GetMapping("/ledgers/imports/{id}/report.xlsx")
	void marked(@PathVariable String id, HttpServletResponse response) throws IOException {
		EndpointAccess.Allowed allowed = this.access.check(REPORT, Map.of());
		// Written to memory first, so that a refusal is still an answer of its own.
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		this.imports.writeMarked(id, allowed.caller(), body);
		response.setStatus(HttpStatus.OK.value());
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-report-" + id
				+ ".xlsx\"; filename*=UTF-8''" + UriUtils.encode("导入报告-" + id + ".xlsx", StandardCharsets.UTF_8));
		body.writeTo(response.getOutputStream());
	}

	@GetMapping("/ledgers/imports/{id}/report.csv")
	void report(@PathVariable String id, HttpServletResponse response) throws IOException {
		EndpointAccess.Allowed allowed = this.access.check(REPORT, Map.of());
		List<ReportLine> lines = this.imports.allLines(id, allowed.caller());
		response.setStatus(HttpStatus.OK.value());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String name = "导入报告-" + id + ".csv";
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-report-" + id
				+ ".csv\"; filename*=UTF-8''" + UriUtils.encode(name, StandardCharsets.UTF_8));
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		// A BOM, so that Excel opens the UTF-8 file as such.
		writer.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
			printer.printRecord("行号", "列", "值", "代码", "说明");
			for (ReportLine line : lines) {
				// The value is the upload's own cell, and a message may quote it.
				printer.printRecord(line.row(), neutralised(line.header()), neutralised(line.value()), line.code(),
						neutralised(line.message()));
			}
		}
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Map<String, Object>> refused(ApiException ex) {
		HttpStatus status = switch (ex.code()) {
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
			case TIMEOUT, INTERNAL_ERROR, UNAVAILABLE -> HttpStatus.INTERNAL_SERVER_ERROR;
			default -> HttpStatus.BAD_REQUEST;
		};
		return error(status, ex.code(), ex.field(), ex.getMessage());
	}

	static ResponseEntity<Map<String, Object>> error(HttpStatus status, ErrorCode code, String field, String message) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		if (field != null) {
			extensions.put("field", field);
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
	}

}
