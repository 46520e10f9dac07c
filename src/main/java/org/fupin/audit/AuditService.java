package org.fupin.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.fupin.asset.Asset;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.PageRequest;
import org.fupin.neo4j.CypherStatement;
import org.fupin.place.PlaceLevel;

import org.springframework.stereotype.Service;

/**
 * Audit findings (审计发现): the assets that break the rules of {@link AuditRule}, computed
 * from the current graph on every request, so a correction shows at once. "Today" comes
 * from the application's {@link Clock}.
 */
@Service
public class AuditService {

	private final AuditRepository repository;

	private final Clock clock;

	AuditService(AuditRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * A page of findings matching the filter, ordered by register number, then rule, with
	 * the asset of each finding on the page when {@code withAssets}, all in one query.
	 * @throws ApiException {@code INVALID_CODE} for a malformed place code,
	 * {@code INVALID_CURSOR} for a cursor this list did not hand out
	 */
	FindingsWithAssets findings(AuditFindingFilter filter, PageRequest page, boolean withTotal, boolean withAssets) {
		AuditFindingFilter f = (filter != null) ? filter : AuditFindingFilter.NONE;
		String place = place(f.placeCode(), "filter.placeCode");
		Map<String, Object> after = AuditRepository.FINDINGS.after(page.after());
		List<AuditRule> rules = Arrays.stream(AuditRule.values())
			.filter((rule) -> f.rule() == null || rule == f.rule())
			.filter((rule) -> f.severity() == null || rule.severity() == f.severity())
			.toList();
		if (rules.isEmpty()) {
			return new FindingsWithAssets(AuditRepository.FINDINGS.connection(List.of(), page, withTotal ? 0L : null),
					Map.of());
		}
		AuditRepository.FindingsPage found = this.repository.findPage(rules, place, after, page.limit(), withTotal,
				withAssets, LocalDate.now(this.clock));
		return new FindingsWithAssets(AuditRepository.FINDINGS.connection(found.findings(), page, found.total()),
				found.assets());
	}

	/** A page of findings and the assets of its findings, by register number. */
	record FindingsWithAssets(Connection<AuditFinding> page, Map<String, Asset> assets) {
	}

	/**
	 * Findings per rule in a place (or everywhere), every rule listed, zeros included.
	 */
	public List<AuditRuleCount> counts(String placeCode) {
		String place = place(placeCode, "placeCode");
		Map<AuditRule, Long> counts = this.repository.countByRule(List.of(AuditRule.values()), place,
				LocalDate.now(this.clock));
		return Arrays.stream(AuditRule.values())
			.map((rule) -> new AuditRuleCount(rule, rule.severity(), counts.getOrDefault(rule, 0L).intValue()))
			.toList();
	}

	/**
	 * Findings per rule on the assets whose place code begins with {@code placePrefix},
	 * grouped by the first {@code keyLength} characters of the place code (6: per
	 * county), as of {@code today}: what dashboards roll up. Rules without findings are
	 * absent.
	 */
	public List<AuditRuleTally> tally(String placePrefix, int keyLength, LocalDate today) {
		return this.repository.tally(placePrefix, keyLength, today);
	}

	/**
	 * Findings per rule on the given assets alone, grouped as {@link #tally}: what these
	 * assets add to the tallies of their places (a rule's finding on an asset depends on
	 * that asset and what hangs from it only).
	 */
	public List<AuditRuleTally> tallyOf(Collection<String> registerNos, int keyLength, LocalDate today) {
		return this.repository.tallyOf(registerNos, keyLength, today);
	}

	/** Every finding on each of the assets; assets without any are absent. */
	public Map<String, List<AuditFinding>> findingsOf(Collection<String> registerNos) {
		return this.repository.findByAssets(registerNos, LocalDate.now(this.clock));
	}

	/**
	 * The findings a filter selects, for the ledger export: Cypher whose rows are
	 * {@code registerNo, rule, placeCode, detail}, the same findings as
	 * {@code auditFindings(filter)}; {@link #message} words each.
	 * @param field the filter's name in error messages
	 */
	public CypherStatement selection(AuditFindingFilter filter, String field) {
		AuditFindingFilter f = (filter != null) ? filter : AuditFindingFilter.NONE;
		String place = place(f.placeCode(), field + ".placeCode");
		List<AuditRule> rules = Arrays.stream(AuditRule.values())
			.filter((rule) -> f.rule() == null || rule == f.rule())
			.filter((rule) -> f.severity() == null || rule.severity() == f.severity())
			.toList();
		return this.repository.selection(rules, place, LocalDate.now(this.clock));
	}

	/**
	 * The message of a finding of {@code rule} with the row's {@code detail}, as of
	 * today.
	 */
	public String message(AuditRule rule, Map<String, Object> detail) {
		return rule.message(detail, LocalDate.now(this.clock));
	}

	private static String place(String code, String field) {
		if (code == null) {
			return "";
		}
		PlaceLevel.ofCode(code, field);
		return code;
	}

}
