package org.fupin.asset;

import java.util.Comparator;
import java.util.List;

import org.fupin.money.Money;

/**
 * Income an asset earned in one year (资产收益) and its parts by use.
 *
 * @param distributed the sum of the parts' amounts
 */
public record Income(String id, String registerNo, int year, Money amount, Money distributed, List<IncomeUse> uses) {

	/** Projection of an {@code i:Income} node with its uses, for {@link #from}. */
	static final String PROJECTION = "i {.id, .year, .amount, uses: [(i)-[:USED_FOR]->(u:IncomeUse) | u {.id, .use, .amount}]}";

	static Income from(String registerNo, Row row) {
		List<IncomeUse> uses = row.rows("uses")
			.stream()
			.map((use) -> new IncomeUse(use.str("id"), use.str("use"), use.money("amount")))
			.sorted(Comparator.comparing(IncomeUse::id))
			.toList();
		Money distributed = Money.sum(uses.stream().map(IncomeUse::amount).toList());
		return new Income(row.str("id"), registerNo, row.integer("year"), row.money("amount"), distributed, uses);
	}

	/**
	 * One part of an income (收益用途).
	 *
	 * @param use GraphQL {@code IncomeUseKind}
	 */
	public record IncomeUse(String id, String use, Money amount) {
	}

}
