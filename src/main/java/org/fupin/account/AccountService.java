package org.fupin.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.fupin.change.ChangeLog;
import org.fupin.change.ChangeOperation;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.ErrorCode;
import org.fupin.graphql.PageRequest;
import org.fupin.place.PlaceLevel;
import org.fupin.security.Caller;
import org.fupin.security.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * Local accounts (本地账户): created and disabled by an administrator, signed in with a
 * password (hashed by Spring Security's delegating encoder, bcrypt by default), locked
 * after repeated failures ({@link Lockout}). A sign-in gives a short-lived bearer token
 * of the same shape as an identity provider's and a refresh token, stored only as its
 * SHA-256 and used once. Every sign-in, successful or not, and every change to an account
 * is written to the change history in the same transaction.
 */
@Service
public class AccountService {

	static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

	/** bcrypt reads at most 72 bytes; a longer password would be cut silently. */
	static final int MAX_PASSWORD_BYTES = 72;

	private static final String LABEL = "Account";

	/** Who a failed sign-in names in the change history when its name cannot be one. */
	static final String NOT_A_NAME = "(不是账户名)";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository repository;

	private final PasswordEncoder encoder;

	private final ChangeLog changes;

	private final LocalAccountsProperties properties;

	private final ObjectProvider<LocalTokens> tokens;

	private final Lockout lockout;

	/**
	 * A hash to check unknown names against, so a wrong name takes as long as a wrong
	 * password and does not tell which names exist. Made at the first sign-in, before the
	 * name is looked up, rather than at start (a cold JVM takes a tenth of a second or
	 * more over it): only the first sign-in pays for it, whatever the name.
	 */
	private final SingletonSupplier<String> decoyHash;

	/** For what a refused change records and must keep: a transaction of its own. */
	private final TransactionTemplate separately;

	AccountService(AccountRepository repository, PasswordEncoder encoder, ChangeLog changes,
			LocalAccountsProperties properties, ObjectProvider<LocalTokens> tokens,
			PlatformTransactionManager transactions) {
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.repository = repository;
		this.encoder = encoder;
		this.changes = changes;
		this.properties = properties;
		this.tokens = tokens;
		this.lockout = new Lockout(properties.maxFailures(), properties.lockDuration());
		this.decoyHash = SingletonSupplier.of(() -> encoder.encode(randomText(18)));
	}

	/** One page of accounts, by name. */
	@Transactional(readOnly = true)
	public Connection<Account> accounts(PageRequest page, boolean withTotal) {
		return AccountRepository.ACCOUNTS.connection(this.repository.page(page, withTotal), page);
	}

	/** Creates an account; the caller is an ADMIN (checked by the access policy). */
	@Transactional
	public Account create(CreateAccountInput input, Caller caller) {
		requireOn();
		requireEnabledCaller(caller);
		String name = input.name();
		if (name == null || !NAME.matcher(name).matches()) {
			throw ApiException.invalid("input.name", "input.name must be 3 to 64 lower-case letters, digits or . _ @ -"
					+ " starting with a letter or digit; got '" + name + "'.");
		}
		requirePassword(input.password(), name, "input.password");
		Set<Role> roles = (input.roles() != null && !input.roles().isEmpty()) ? EnumSet.copyOf(input.roles())
				: EnumSet.noneOf(Role.class);
		if (roles.isEmpty()) {
			throw ApiException.invalid("input.roles",
					"input.roles needs at least one of " + List.of(Role.values()) + ".");
		}
		if (input.place() != null) {
			PlaceLevel.ofCode(input.place(), "input.place");
		}
		if (roles.contains(Role.OFFICER) && input.place() == null) {
			throw ApiException.invalid("input.place",
					"An OFFICER reads and writes in one place: give input.place (a place code of any level).");
		}
		if (roles.contains(Role.COORDINATOR) && input.place() == null && input.program() == null) {
			throw ApiException.invalid("input.program",
					"A COORDINATOR writes the pairings of a program and/or place: give input.program or input.place.");
		}
		boolean personalData = Boolean.TRUE.equals(input.personalData());
		if (personalData && !roles.contains(Role.AUDITOR)) {
			throw ApiException.invalid("input.personalData", "The personal-data grant is for AUDITOR accounts"
					+ " (an ADMIN sees personal data anyway); leave input.personalData false.");
		}
		if (this.repository.exists(name)) {
			throw new ApiException(ErrorCode.CONFLICT, "input.name",
					"An account named " + name + " exists already; choose another name.");
		}
		String program = (input.program() != null) ? input.program().name() : null;
		OffsetDateTime now = now();
		this.repository.create(name, this.encoder.encode(input.password()), roles, input.place(), program, personalData,
				now, caller.name());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("roles", roles.stream().map(Enum::name).sorted().toList());
		after.put("place", input.place());
		after.put("program", program);
		after.put("personalData", personalData);
		this.changes.record(ChangeOperation.CREATE_ACCOUNT, LABEL, "name", name, null, after, caller.name());
		return this.repository.find(name).orElseThrow().account();
	}

	/**
	 * Disables an account and revokes its refresh tokens; bearer tokens already issued
	 * run out within {@code app.security.local-accounts.access-token-lifetime}.
	 */
	@Transactional
	public Account disable(String name, Caller caller) {
		requireOn();
		if (name.equals(caller.name())) {
			throw new ApiException(ErrorCode.CONFLICT, "name",
					"You cannot disable your own account; ask another administrator.");
		}
		this.repository.lockAdministrators();
		requireEnabledCaller(caller);
		Account before = this.repository.find(name)
			.orElseThrow(() -> ApiException.notFound("name", "No local account is named " + name + "."))
			.account();
		if (!before.enabled()) {
			throw new ApiException(ErrorCode.CONFLICT, "name", "The account " + name + " is disabled already.");
		}
		if (before.roles().contains(Role.ADMIN) && this.repository.enabledAdministrators() <= 1) {
			throw new ApiException(ErrorCode.CONFLICT, "name",
					"The account " + name
							+ " is the last enabled administrator, and nothing could enable one again; create another"
							+ " administrator first.");
		}
		this.repository.disable(name, now(), caller.name());
		this.changes.record(ChangeOperation.DISABLE_ACCOUNT, LABEL, "name", name, Map.of("enabled", true),
				Map.of("enabled", false), caller.name());
		return this.repository.find(name).orElseThrow().account();
	}

	/**
	 * Changes the caller's own password, which revokes its refresh tokens. A wrong
	 * current password counts towards the account's lock as a failed sign-in does, and is
	 * recorded, in a transaction of its own that commits although the change is refused:
	 * a stolen bearer token must not guess its way to the password.
	 */
	@Transactional
	public Account changePassword(String currentPassword, String newPassword, Caller caller) {
		requireOn();
		requirePassword(newPassword, caller.name(), "newPassword");
		OffsetDateTime now = now();
		AccountRepository.Stored stored = this.repository.find(caller.name())
			.orElseThrow(() -> ApiException.notFound(null, "Your token (" + caller.name()
					+ ") is not a local account's; change the password where it" + " was issued."));
		OffsetDateTime lockedUntil = stored.account().lockedUntil();
		if (Lockout.locked(lockedUntil, now)) {
			throw new ApiException(ErrorCode.CONFLICT, "currentPassword", "Too many wrong passwords: the account is"
					+ " locked until " + lockedUntil + " (UTC); try again then.");
		}
		if (currentPassword == null || !this.encoder.matches(currentPassword, stored.passwordHash())) {
			this.separately.executeWithoutResult((status) -> {
				AccountRepository.Stored locked = this.repository.lockForSignIn(caller.name(), now).orElseThrow();
				Lockout.State state = this.lockout.fail(locked.failedAttempts(), now);
				this.repository.recordFailure(caller.name(), state.failedAttempts(), state.lockedUntil());
				failed(caller.name(), "WRONG_CURRENT_PASSWORD", null);
			});
			throw ApiException.invalid("currentPassword", "currentPassword is not your current password.");
		}
		this.repository.setPassword(caller.name(), this.encoder.encode(newPassword));
		this.changes.record(ChangeOperation.CHANGE_PASSWORD, LABEL, "name", caller.name(), null, Map.of(),
				caller.name());
		return stored.account();
	}

	/**
	 * A caller whose local account was disabled keeps its bearer token until it expires,
	 * to read; it administers no account with it.
	 */
	private void requireEnabledCaller(Caller caller) {
		if (this.repository.find(caller.name()).filter((stored) -> !stored.account().enabled()).isPresent()) {
			throw new ApiException(ErrorCode.FORBIDDEN, null,
					"Your account " + caller.name() + " was disabled; its token no longer administers accounts.");
		}
	}

	/**
	 * Signs in with name and password. Failures are committed too (the count towards a
	 * lock and their change event), so this answers them instead of throwing.
	 * @param from the client's address, for the change history
	 */
	@Transactional
	public SignInResult signIn(String name, String password, String from) {
		LocalTokens issuer = this.tokens.getObject();
		String decoy = this.decoyHash.obtain();
		OffsetDateTime now = now();
		Optional<AccountRepository.Stored> found = this.repository.lockForSignIn(name, now);
		if (found.isEmpty()) {
			this.encoder.matches(password, decoy);
			// What could be an account's name is kept, to show which names are tried;
			// anything else may be a password typed in the wrong field.
			String tried = (name != null && NAME.matcher(name).matches()) ? name : NOT_A_NAME;
			this.changes.recordWithoutSubject(ChangeOperation.SIGN_IN_FAILED, LABEL, tried,
					attempt("UNKNOWN_ACCOUNT", from), tried);
			return invalidCredentials();
		}
		AccountRepository.Stored stored = found.get();
		Account account = stored.account();
		if (Lockout.locked(account.lockedUntil(), now)) {
			failed(name, "LOCKED", from);
			return locked(account.lockedUntil());
		}
		if (!this.encoder.matches(password, stored.passwordHash())) {
			Lockout.State state = this.lockout.fail(stored.failedAttempts(), now);
			this.repository.recordFailure(name, state.failedAttempts(), state.lockedUntil());
			failed(name, "WRONG_PASSWORD", from);
			return (state.lockedUntil() != null) ? locked(state.lockedUntil()) : invalidCredentials();
		}
		if (!account.enabled()) {
			failed(name, "DISABLED", from);
			return new SignInResult.Refused("ACCOUNT_DISABLED",
					"The account " + name + " is disabled; ask an administrator.");
		}
		this.repository.recordSuccess(name, now);
		this.changes.record(ChangeOperation.SIGN_IN, LABEL, "name", name, null, attempt("PASSWORD", from), name);
		return tokensFor(account, issuer, now);
	}

	/**
	 * A new bearer token (and refresh token) for a refresh token, which is used up;
	 * refused when expired, unknown or revoked, or when its account was disabled since.
	 */
	@Transactional
	public SignInResult refresh(String refreshToken) {
		LocalTokens issuer = this.tokens.getObject();
		OffsetDateTime now = now();
		Optional<AccountRepository.Refresh> found = this.repository.takeRefreshToken(sha256(refreshToken));
		if (found.isEmpty() || !now.isBefore(found.get().expiresAt()) || !found.get().account().enabled()) {
			return new SignInResult.Refused("INVALID_REFRESH_TOKEN",
					"The refresh token is unknown, used, revoked or expired; sign in with name and password.");
		}
		return tokensFor(found.get().account(), issuer, now);
	}

	/**
	 * Creates the administrator account if there is no account at all.
	 * @return the generated initial password, or empty when one was configured or an
	 * account exists already
	 */
	@Transactional
	public Optional<String> createAdministratorIfNone() {
		if (this.repository.any()) {
			return Optional.empty();
		}
		String configured = this.properties.adminPassword();
		boolean generate = configured == null || configured.isBlank();
		String password = generate ? randomText(18) : configured;
		requirePassword(password, this.properties.adminName(), "app.security.local-accounts.admin-password");
		OffsetDateTime now = now();
		String name = this.properties.adminName();
		this.repository.create(name, this.encoder.encode(password), Set.of(Role.ADMIN), null, null, false, now,
				"system");
		this.changes.record(ChangeOperation.CREATE_ACCOUNT, LABEL, "name", name, null,
				Map.of("roles", List.of(Role.ADMIN.name())), "system");
		return generate ? Optional.of(password) : Optional.empty();
	}

	private void requirePassword(String password, String name, String field) {
		int min = this.properties.minPasswordLength();
		if (password == null || password.codePointCount(0, password.length()) < min) {
			throw ApiException.invalid(field, field + " must be at least " + min + " characters long.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw ApiException.invalid(field,
					field + " must be at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8) long; choose a shorter one.");
		}
		if (password.strip().equalsIgnoreCase(name)) {
			throw ApiException.invalid(field, field + " must not be the account name.");
		}
	}

	private void requireOn() {
		if (this.tokens.getIfAvailable() == null) {
			throw new ApiException(ErrorCode.FORBIDDEN, null, "Local accounts are off because an external identity"
					+ " provider is configured; manage accounts there, or set app.security.local-accounts.enabled=true.");
		}
	}

	private SignInResult.Tokens tokensFor(Account account, LocalTokens issuer, OffsetDateTime now) {
		String refresh = randomText(32);
		OffsetDateTime expires = now.plus(this.properties.refreshTokenLifetime());
		this.repository.storeRefreshToken(account.name(), sha256(refresh), now, expires);
		return new SignInResult.Tokens(issuer.issue(account), issuer.lifetime().toSeconds(), refresh,
				this.properties.refreshTokenLifetime().toSeconds());
	}

	private void failed(String name, String reason, String from) {
		this.changes.record(ChangeOperation.SIGN_IN_FAILED, LABEL, "name", name, null, attempt(reason, from), name);
	}

	private static Map<String, Object> attempt(String result, String from) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("reason", result);
		after.put("from", from);
		return after;
	}

	private static SignInResult invalidCredentials() {
		return new SignInResult.Refused("INVALID_CREDENTIALS", "Wrong account name or password.");
	}

	private static SignInResult locked(OffsetDateTime until) {
		return new SignInResult.Refused("ACCOUNT_LOCKED",
				"Too many failed sign-ins: the account is locked until " + until + " (UTC); try again then.");
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	static String randomText(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("No SHA-256 in this JVM", ex);
		}
	}

}
