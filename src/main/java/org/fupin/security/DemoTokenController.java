package org.fupin.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.fupin.pairing.PairingProgram;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /demo/token?role=OFFICER&place=450102}: a demo token for a role, so the
 * README works without an identity provider. Exists only with {@link DemoTokens}, and
 * answers only requests made on this machine: from a loopback address and without a
 * {@code Forwarded} or {@code X-Forwarded-*} header, since a proxy on this machine would
 * otherwise pass on anyone's request from the loopback address.
 */
@RestController
@Conditional(DemoTokensCondition.class)
class DemoTokenController {

	private static final Pattern PLACE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}");

	private static final Pattern SUBJECT = Pattern.compile("[\\w.@-]{1,64}");

	private final DemoTokens tokens;

	DemoTokenController(DemoTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/demo/token")
	ResponseEntity<Map<String, Object>> token(HttpServletRequest request, @RequestParam List<String> role,
			@RequestParam(required = false) String place, @RequestParam(required = false) String program,
			@RequestParam(name = "personal-data", defaultValue = "false") boolean personalData,
			@RequestParam(required = false) String subject) {
		if (!fromThisMachine(request)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("error", "access_denied", "error_description",
						"Demo tokens are only handed out to requests made on this machine (loopback, not through a"
								+ " proxy); sign in with an account (POST /auth/token) instead."));
		}
		List<Role> roles;
		try {
			roles = role.stream().map(String::strip).map(Role::valueOf).distinct().toList();
		}
		catch (IllegalArgumentException ex) {
			return refuse("role must be one or more of " + List.of(Role.values()) + "; got " + role + ".");
		}
		if (place != null && !PLACE.matcher(place).matches()) {
			return refuse("place must be a place code of 2, 4, 6, 9 or 12 digits; got " + place + ".");
		}
		if (program != null && List.of(PairingProgram.values()).stream().noneMatch((p) -> p.name().equals(program))) {
			return refuse("program must be one of " + List.of(PairingProgram.values()) + "; got " + program + ".");
		}
		String name = (subject != null) ? subject : "demo-" + roles.get(0).name().toLowerCase();
		if (!SUBJECT.matcher(name).matches()) {
			return refuse("subject must be 1 to 64 letters, digits or . _ @ -; got " + subject + ".");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", this.tokens.issue(name, roles, place, program, personalData));
		body.put("token_type", "Bearer");
		body.put("expires_in", this.tokens.lifetime().toSeconds());
		return ResponseEntity.ok(body);
	}

	/**
	 * Whether the request came from a loopback address with no header saying that a proxy
	 * forwarded it.
	 */
	static boolean fromThisMachine(HttpServletRequest request) {
		for (String header : Collections.list(request.getHeaderNames())) {
			String name = header.toLowerCase(Locale.ROOT);
			if (name.equals("forwarded") || name.startsWith("x-forwarded-")) {
				return false;
			}
		}
		String address = request.getRemoteAddr();
		if (address == null || !(address.indexOf(':') >= 0 || address.matches("[\\d.]+"))) {
			return false;
		}
		try {
			// A literal address: no name lookup happens.
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static ResponseEntity<Map<String, Object>> refuse(String message) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(Map.of("error", "invalid_request", "error_description", message));
	}

}
