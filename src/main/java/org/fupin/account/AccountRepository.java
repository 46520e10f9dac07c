package org.fupin.account;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fupin.graph.Locks;
import org.fupin.graphql.Keyset;
import org.fupin.graphql.PageQuery;
import org.fupin.graphql.PageRequest;
import org.fupin.graphql.Rows;
import org.fupin.graphql.SortKey;
import org.fupin.neo4j.SingleStatementReads;
import org.fupin.security.Role;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts and refresh tokens in the graph: {@code (:Account {name})} and
 * {@code (:RefreshToken {hash})-[:FOR]->(:Account)}. Only a token's SHA-256 is stored,
 * and only a password's encoder hash.
 */
@Repository
class AccountRepository {

	/** An account with what sign-in needs besides what the API shows. */
	record Stored(Account account, String passwordHash, int failedAttempts) {
	}

	private final Neo4jClient neo4j;

	private final SingleStatementReads reads;

	AccountRepository(Neo4jClient neo4j, SingleStatementReads reads) {
		this.neo4j = neo4j;
		this.reads = reads;
	}

	boolean any() {
		return this.neo4j.query("MATCH (a:Account) RETURN count(a) > 0").fetchAs(Boolean.class).one().orElse(false);
	}

	boolean exists(String name) {
		return this.neo4j.query("MATCH (a:Account {name: $name}) RETURN count(a) > 0")
			.bind(name)
			.to("name")
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
	}

	Optional<Stored> find(String name) {
		return this.neo4j.query("MATCH (a:Account {name: $name}) RETURN a {.*} AS a")
			.bind(name)
			.to("name")
			.fetchAs(Stored.class)
			.mappedBy((types, record) -> stored(record.get("a").asMap()))
			.one();
	}

	/**
	 * The account, write-locked until the transaction ends, so concurrent sign-ins of one
	 * account count their failures one after the other.
	 */
	Optional<Stored> lockForSignIn(String name, OffsetDateTime now) {
		return this.neo4j.query("MATCH (a:Account {name: $name}) SET a.lastAttemptAt = $now RETURN a {.*} AS a")
			.bindAll(Map.of("name", name, "now", now))
			.fetchAs(Stored.class)
			.mappedBy((types, record) -> stored(record.get("a").asMap()))
			.one();
	}

	void create(String name, String passwordHash, Collection<Role> roles, String place, String program,
			boolean personalData, OffsetDateTime now, String createdBy) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("name", name);
		parameters.put("hash", passwordHash);
		parameters.put("roles", roles.stream().map(Enum::name).sorted().toList());
		parameters.put("place", place);
		parameters.put("program", program);
		parameters.put("personalData", personalData);
		parameters.put("now", now);
		parameters.put("by", createdBy);
		this.neo4j.query("""
				CREATE (:Account {name: $name, passwordHash: $hash, roles: $roles, place: $place, program: $program,
				                  personalData: $personalData, enabled: true, createdAt: $now, createdBy: $by,
				                  failedAttempts: 0})""").bindAll(parameters).run();
	}

	void recordFailure(String name, int failedAttempts, OffsetDateTime lockedUntil) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("name", name);
		parameters.put("failures", failedAttempts);
		parameters.put("lockedUntil", lockedUntil);
		this.neo4j
			.query("MATCH (a:Account {name: $name}) SET a.failedAttempts = $failures, a.lockedUntil = $lockedUntil")
			.bindAll(parameters)
			.run();
	}

	/** Resets the failure count and drops the account's expired refresh tokens. */
	void recordSuccess(String name, OffsetDateTime now) {
		this.neo4j.query("""
				MATCH (a:Account {name: $name})
				SET a.failedAttempts = 0, a.lockedUntil = null, a.lastSignInAt = $now
				WITH a
				OPTIONAL MATCH (a)<-[:FOR]-(old:RefreshToken) WHERE old.expiresAt <= $now
				DETACH DELETE old""").bindAll(Map.of("name", name, "now", now)).run();
	}

	void storeRefreshToken(String name, String hash, OffsetDateTime issuedAt, OffsetDateTime expiresAt) {
		this.neo4j.query("""
				MATCH (a:Account {name: $name})
				CREATE (:RefreshToken {hash: $hash, issuedAt: $issuedAt, expiresAt: $expiresAt})-[:FOR]->(a)""")
			.bindAll(Map.of("name", name, "hash", hash, "issuedAt", issuedAt, "expiresAt", expiresAt))
			.run();
	}

	/** A refresh token found by its hash: its expiry and account. */
	record Refresh(OffsetDateTime expiresAt, Account account) {
	}

	/**
	 * Finds and deletes a refresh token: each is used once. Its account is write-locked
	 * first and the token read only then, so of two requests sending the same token the
	 * second finds it gone (the account before its tokens, as every writer of both locks
	 * them).
	 */
	Optional<Refresh> takeRefreshToken(String hash) {
		this.neo4j.query("MATCH (:RefreshToken {hash: $hash})-[:FOR]->(a:Account) " + Locks.writeLock("a"))
			.bind(hash)
			.to("hash")
			.run();
		return this.neo4j.query("""
				MATCH (t:RefreshToken {hash: $hash})-[:FOR]->(a:Account)
				WITH t, t.expiresAt AS expiresAt, a
				DETACH DELETE t
				RETURN expiresAt, a {.*} AS a""")
			.bind(hash)
			.to("hash")
			.fetchAs(Refresh.class)
			.mappedBy((types, record) -> new Refresh(time(record.get("expiresAt").asObject()),
					stored(record.get("a").asMap()).account()))
			.one();
	}

	/**
	 * Write-locks every administrator account, in name order, until the transaction ends:
	 * changes that could leave no enabled administrator then run one after the other, and
	 * each counts them after the one before has committed.
	 */
	void lockAdministrators() {
		this.neo4j.query("""
				MATCH (a:Account) WHERE 'ADMIN' IN a.roles
				WITH a ORDER BY a.name
				%s""".formatted(Locks.writeLock("a"))).run();
	}

	/** How many administrator accounts are enabled, as of now in this transaction. */
	long enabledAdministrators() {
		return this.neo4j.query("MATCH (a:Account) WHERE 'ADMIN' IN a.roles AND a.enabled RETURN count(a)")
			.fetchAs(Long.class)
			.one()
			.orElse(0L);
	}

	/** Disables the account and revokes its refresh tokens; false when there is none. */
	boolean disable(String name, OffsetDateTime now, String by) {
		return this.neo4j.query("""
				MATCH (a:Account {name: $name})
				SET a.enabled = false, a.disabledAt = $now, a.disabledBy = $by
				WITH a
				CALL (a) {
				  OPTIONAL MATCH (a)<-[:FOR]-(t:RefreshToken)
				  DETACH DELETE t
				}
				RETURN count(a) > 0""")
			.bindAll(Map.of("name", name, "now", now, "by", by))
			.fetchAs(Boolean.class)
			.one()
			.orElse(false);
	}

	/** Sets a new password hash and revokes every refresh token of the account. */
	void setPassword(String name, String passwordHash) {
		this.neo4j.query("""
				MATCH (a:Account {name: $name})
				SET a.passwordHash = $hash
				WITH a
				CALL (a) {
				  OPTIONAL MATCH (a)<-[:FOR]-(t:RefreshToken)
				  DETACH DELETE t
				}""").bindAll(Map.of("name", name, "hash", passwordHash)).run();
	}

	/** Accounts by name. */
	static final Keyset<Account> ACCOUNTS = Keyset.of("accounts", SortKey.text("name", "a.name", Account::name));

	/** One page of accounts, and their count when asked for. */
	Rows<Account> page(PageRequest page, boolean withTotal) {
		return new PageQuery("MATCH (a:Account) WITH a", ACCOUNTS, "a {.*}").fetch(this.reads::rows, page, withTotal,
				Map.of(), (a) -> stored(map(a)).account());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static Stored stored(Map<String, Object> a) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Object role : (List<?>) a.getOrDefault("roles", List.of())) {
			roles.add(Role.valueOf(role.toString()));
		}
		Account account = new Account((String) a.get("name"), roles, (String) a.get("place"), (String) a.get("program"),
				Boolean.TRUE.equals(a.get("personalData")), Boolean.TRUE.equals(a.get("enabled")),
				time(a.get("createdAt")), (String) a.get("createdBy"), time(a.get("lockedUntil")));
		Number failures = (Number) a.get("failedAttempts");
		return new Stored(account, (String) a.get("passwordHash"), (failures != null) ? failures.intValue() : 0);
	}

	private static OffsetDateTime time(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.toOffsetDateTime();
		}
		return OffsetDateTime.from((TemporalAccessor) value);
	}

}
