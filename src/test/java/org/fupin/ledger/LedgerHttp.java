package org.fupin.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.security.DemoTokens;
import org.fupin.security.Role;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Downloads ledgers as a client would and reads them back with POI and Commons CSV. */
public final class LedgerHttp {

	private final WebTestClient client;

	private final String base;

	LedgerHttp(int port, String token) {
		this.base = "http://127.0.0.1:" + port;
		WebTestClient.Builder builder = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(120));
		if (token != null) {
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		this.client = builder.build();
	}

	/**
	 * Requests with a demo token of {@code role}, named {@code test-<role>}, with its
	 * place, program and personal-data grant.
	 */
	static LedgerHttp as(int port, DemoTokens tokens, Role role, String place, String program, boolean personalData) {
		return new LedgerHttp(port,
				tokens.issue("test-" + role.name().toLowerCase(), List.of(role), place, program, personalData));
	}

	/** Requests with a demo token of an auditor without the personal-data grant. */
	static LedgerHttp auditor(int port, DemoTokens tokens) {
		return as(port, tokens, Role.AUDITOR, null, null, false);
	}

	/** A download: status, headers, body; {@code uri} is sent as it is (no template). */
	EntityExchangeResult<byte[]> get(String uri) {
		return this.client.get()
			.uri(java.net.URI.create(this.base + uri))
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
	}

	/** A download that must succeed. */
	byte[] ok(String uri) {
		EntityExchangeResult<byte[]> result = get(uri);
		if (result.getStatus().value() != 200) {
			throw new AssertionError(uri + " answered " + result.getStatus() + ": "
					+ new String(result.getResponseBodyContent(), StandardCharsets.UTF_8));
		}
		return result.getResponseBodyContent();
	}

	static XSSFWorkbook workbook(byte[] body) {
		try {
			return new XSSFWorkbook(new ByteArrayInputStream(body));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every row of a sheet as the text Excel shows (dates yyyy-mm-dd, money 0.00), as
	 * wide as the header row.
	 */
	static List<List<String>> shown(Sheet sheet) {
		DataFormatter formatter = new DataFormatter();
		List<List<String>> rows = new ArrayList<>();
		int width = sheet.getRow(0).getLastCellNum();
		for (Row row : sheet) {
			List<String> cells = new ArrayList<>();
			for (int i = 0; i < width; i++) {
				Cell cell = row.getCell(i);
				cells.add((cell != null) ? formatter.formatCellValue(cell) : "");
			}
			rows.add(cells);
		}
		return rows;
	}

	/** The CSV records after the BOM, header included. */
	public static List<List<String>> csv(byte[] body) {
		if (body.length < 3 || (body[0] & 0xFF) != 0xEF || (body[1] & 0xFF) != 0xBB || (body[2] & 0xFF) != 0xBF) {
			throw new AssertionError("no UTF-8 byte-order mark");
		}
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(body, 3, body.length - 3),
				StandardCharsets.UTF_8); CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
			List<List<String>> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				rows.add(record.toList());
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The JSON error body of a refusal. */
	static Map<String, Object> error(EntityExchangeResult<byte[]> result) {
		try {
			Map<String, Object> body = new ObjectMapper().readValue(result.getResponseBodyContent(),
					new TypeReference<Map<String, Object>>() {
					});
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
			return errors.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
