package org.fupin.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.fupin.graphql.InputCoercion;
import org.fupin.graphql.LoadProperties;
import org.fupin.security.EndpointAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The ledgers over HTTP: {@code GET /ledgers/{ledger}.xlsx} or {@code .csv} (or
 * {@code ?format=}) with the filter of the matching GraphQL list as URL parameters
 * ({@code ?placeCode=52&category=OPERATING}) or as a GraphQL variables object
 * ({@code ?variables={"filter":{...}}}), and {@code GET
 * /assets/{registerNo}/provenance.xlsx}, the working paper. The body is written on the
 * request's thread as rows come: a servlet async timeout does not apply, the export's own
 * transaction timeout does. Refusals answer a GraphQL-shaped body with
 * {@code extensions.code}, as {@code /graphql} does.
 */
@RestController
class LedgerController {

	private static final Logger log = LoggerFactory.getLogger(LedgerController.class);

	private static final String PROVENANCE = "GET /assets/{registerNo}/provenance";

	private static final List<String> RESERVED = List.of("format", "variables");

	private final LedgerExports exports;

	private final ProvenancePaper provenance;

	private final InputCoercion inputs;

	private final EndpointAccess access;

	private final ObjectMapper json;

	private final Clock clock;

	private final String retryAfter;

	LedgerController(LedgerExports exports, ProvenancePaper provenance, InputCoercion inputs, EndpointAccess access,
			ObjectMapper json, Clock clock, LoadProperties load) {
		this.exports = exports;
		this.provenance = provenance;
		this.inputs = inputs;
		this.access = access;
		this.json = json;
		this.clock = clock;
		this.retryAfter = load.retryAfterSeconds();
	}

	@GetMapping("/ledgers/{ledger:[a-z-]+}.{format:xlsx|csv}")
	void export(@PathVariable String ledger, @PathVariable String format,
			@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		write(ledger, format, parameters, request, response);
	}

	@GetMapping("/ledgers/{ledger:[a-z-]+}")
	void exportByParameter(@PathVariable String ledger, @RequestParam(defaultValue = "xlsx") String format,
			@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		write(ledger, format, parameters, request, response);
	}

	@GetMapping("/assets/{registerNo}/provenance.xlsx")
	void provenance(@PathVariable String registerNo, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		EndpointAccess.Allowed allowed = this.access.check(PROVENANCE, Map.of());
		String day = LocalDate.now(this.clock).format(DateTimeFormatter.BASIC_ISO_DATE);
		this.exports.inSlot(() -> this.provenance.write(registerNo, allowed.caller(),
				(place) -> this.access.covers(PROVENANCE, allowed.caller(), place), () -> {
					start(response, LedgerExports.Format.XLSX, "资产溯源底稿-" + registerNo + "-" + day + ".xlsx",
							"provenance-" + registerNo + "-" + day + ".xlsx");
					return response.getOutputStream();
				}, operation(request)));
	}

	private void write(String slug, String formatName, MultiValueMap<String, String> parameters,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Ledger ledger = Ledger.ofSlug(slug)
			.orElseThrow(() -> ApiException.notFound("ledger", "没有这种台账 (no ledger " + slug + "); choose one of "
					+ String.join(", ", java.util.Arrays.stream(Ledger.values()).map(Ledger::slug).toList()) + "."));
		LedgerExports.Format format = switch (formatName) {
			case "xlsx" -> LedgerExports.Format.XLSX;
			case "csv" -> LedgerExports.Format.CSV;
			default ->
				throw ApiException.invalid("format", "不支持的格式 (format must be xlsx or csv; got " + formatName + ").");
		};
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("filter", rawFilter(ledger, parameters));
		EndpointAccess.Allowed allowed = this.access.check(ledger.endpoint(), arguments);
		Object filter = this.inputs.bind(ledger.filterType(), "filter", allowed.arguments().get("filter"),
				ledger.filterClass());
		LedgerExports.Prepared export = this.exports.prepare(ledger, filter, allowed.caller());
		String day = LocalDate.now(this.clock).format(DateTimeFormatter.BASIC_ISO_DATE);
		Object place = placeOf(allowed.arguments().get("filter"));
		String suffix = ((place != null) ? "-" + place : "") + "-" + day + "." + format.extension();
		this.exports.write(export, format, () -> {
			start(response, format, ledger.title() + suffix, ledger.slug() + suffix);
			return response.getOutputStream();
		}, operation(request));
	}

	/** The filter from {@code variables} (its {@code filter}) or from URL parameters. */
	private Map<String, Object> rawFilter(Ledger ledger, MultiValueMap<String, String> parameters) {
		Map<String, List<String>> fields = new LinkedHashMap<>(parameters);
		RESERVED.forEach(fields::remove);
		List<String> variables = parameters.get("variables");
		if (variables == null) {
			return this.inputs.fromParameters(ledger.filterType(), "filter", fields);
		}
		if (!fields.isEmpty() || variables.size() != 1) {
			throw ApiException.invalid("variables", "筛选条件只能用一种方式给出 (give the filter either as variables or as"
					+ " URL parameters, once; got variables and " + fields.keySet() + ").");
		}
		try {
			Map<?, ?> parsed = this.json.readValue(variables.get(0), Map.class);
			Object filter = parsed.get("filter");
			if (filter != null && !(filter instanceof Map)) {
				throw ApiException.invalid("variables.filter",
						"筛选条件应为对象 (variables.filter must be an object of " + ledger.filterType() + ").");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> map = (Map<String, Object>) filter;
			return (map != null) ? map : Map.of();
		}
		catch (JsonProcessingException ex) {
			throw ApiException.invalid("variables", "variables 不是 JSON 对象 (variables must be a JSON object such as"
					+ " {\"filter\":{\"placeCode\":\"52\"}}: " + ex.getOriginalMessage() + ").");
		}
	}

	private static Object placeOf(Object filter) {
		if (filter instanceof Map<?, ?> map) {
			Object place = map.get("placeCode");
			return (place != null) ? place : map.get("recipientId");
		}
		return null;
	}

	private static String operation(HttpServletRequest request) {
		return "GET " + request.getRequestURI();
	}

	/**
	 * Headers of a file download: its type, no caching, and the name in UTF-8 (RFC 5987,
	 * {@code filename*}) with an ASCII fallback for old clients (RFC 6266).
	 */
	private static void start(HttpServletResponse response, LedgerExports.Format format, String name,
			String asciiName) {
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(format.mediaType());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + asciiName
				+ "\"; filename*=UTF-8''" + UriUtils.encode(name, StandardCharsets.UTF_8));
	}

	/**
	 * A refusal before the body was started: the status for its code and the body
	 * {@code /graphql} would answer, message in Chinese first.
	 */
	@ExceptionHandler(ApiException.class)
	ResponseEntity<Map<String, Object>> refused(ApiException ex) {
		return refusal(ex, this.retryAfter);
	}

	/** The answer to a refusal of a ledger endpoint: status, code, Chinese first. */
	static ResponseEntity<Map<String, Object>> refusal(ApiException ex, String retryAfter) {
		HttpStatus status = switch (ex.code()) {
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
			case TIMEOUT, INTERNAL_ERROR, UNAVAILABLE -> HttpStatus.INTERNAL_SERVER_ERROR;
			default -> HttpStatus.BAD_REQUEST;
		};
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", ex.code().name());
		if (ex.field() != null) {
			extensions.put("field", ex.field());
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
		if (ex.code() == ErrorCode.BUSY) {
			answer.header(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return answer.body(Map.of("errors",
				List.of(Map.of("message", chinese(ex.code(), ex.getMessage()), "extensions", extensions))));
	}

	/**
	 * A failure while reading: before the body was started, an error as {@code /graphql}
	 * answers it (the export's timeout is {@code TIMEOUT}); after, the connection is
	 * dropped, so the client sees an incomplete download rather than a short ledger.
	 */
	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<Map<String, Object>> failed(RuntimeException ex, HttpServletResponse response) {
		if (response.isCommitted()) {
			throw ex;
		}
		ErrorCode code = ErrorCode.ofDatabaseFailure(ex);
		String id = java.util.UUID.randomUUID().toString();
		log.warn("Ledger export failed ({}, id {})", code, id, ex);
		String message = switch (code) {
			case TIMEOUT ->
				"导出超时 (the export ran past app.ledger.export.timeout; narrow the filter, e.g. by placeCode).";
			case BUSY -> "系统繁忙 (the database is too busy now; send the same request again in a few seconds).";
			case UNAVAILABLE -> "数据库不可用 (the database cannot be reached; retry).";
			default -> "内部错误 (an unexpected failure; quote id " + id + ").";
		};
		return refused(new ApiException(code, null, message));
	}

	/** The message, with a Chinese summary in front when it has none. */
	static String chinese(ErrorCode code, String message) {
		if (!message.isEmpty() && Character.UnicodeScript.of(message.codePointAt(0)) == Character.UnicodeScript.HAN) {
			return message;
		}
		String summary = switch (code) {
			case UNAUTHENTICATED -> "需要登录";
			case FORBIDDEN -> "无权导出";
			case NOT_FOUND -> "未找到";
			case INVALID_CODE -> "区划代码有误";
			case BUSY -> "系统繁忙";
			default -> "请求有误";
		};
		return summary + " (" + message + ")";
	}

}
