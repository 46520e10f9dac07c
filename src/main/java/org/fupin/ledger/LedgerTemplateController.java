package org.fupin.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.fupin.graphql.ApiException;
import org.fupin.ledger.read.LedgerTemplate;
import org.fupin.security.EndpointAccess;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * {@code GET /ledgers/{ledger}/template.xlsx}: the template of each ledger the platform
 * takes in ({@link LedgerForm}), for any signed-in caller: it carries no data.
 */
@RestController
class LedgerTemplateController {

	static final String ENDPOINT = "GET /ledgers/{ledger}/template";

	private final EndpointAccess access;

	LedgerTemplateController(EndpointAccess access) {
		this.access = access;
	}

	@GetMapping("/ledgers/{ledger:[a-z-]+}/template.xlsx")
	void template(@PathVariable String ledger, HttpServletResponse response) throws IOException {
		this.access.check(ENDPOINT, Map.of());
		LedgerForm form = LedgerForm.ofSlug(ledger)
			.orElseThrow(() -> ApiException.notFound("ledger",
					"没有这种台账模板 (no ledger " + ledger + " to import); choose one of "
							+ String.join(", ", Arrays.stream(LedgerForm.values()).map(LedgerForm::slug).toList())
							+ "."));
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(LedgerExports.Format.XLSX.mediaType());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String name = form.title() + "-模板.xlsx";
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + form.slug()
				+ "-template.xlsx\"; filename*=UTF-8''" + UriUtils.encode(name, StandardCharsets.UTF_8));
		// The enums' terms are read from the SDL at the first template, not at start.
		new LedgerTemplate().write(form, response.getOutputStream());
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Map<String, Object>> refused(ApiException ex) {
		return LedgerController.refusal(ex, null);
	}

}
