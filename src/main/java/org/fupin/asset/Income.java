package org.fupin.asset;

import java.util.Comparator;
import java.util.List;

/**
 * Income an asset earned in one year (资产收益) and its parts by use.
 *
 * @param distributed the sum of the parts' amounts
 */
public record Income(String id, String registerNo, int year, double amount, double distributed, List<IncomeUse> uses) {

	/** Projection of an {@code i:Income} node with its uses, for {@link #from}. */
	static final String PROJECTION = "i {.id, .year, .amount, uses: [(i)-[:USED_FOR]->(u:IncomeUse) | u {.id, .use, .amount}]}";

	static Income from(String registerNo, Row row) {
		List<IncomeUse> uses = row.rows("uses")
			.stream()
			.map((use) -> new IncomeUse(use.str("id"), use.str("use"), use.amount("amount")))
			.sorted(Comparator.comparing(IncomeUse::id))
			.toList();
		double distributed = uses.stream().mapToDouble(IncomeUse::amount).sum();
		return new Income(row.str("id"), registerNo, row.integer("year"), row.amount("amount"),
				Math.round(distributed * 100) / 100.0, uses);
	}

	/**
	 * One part of an income (收益用途).
	 *
	 * @param use GraphQL {@code IncomeUseKind}
	 */
	public record IncomeUse(String id, String use, double amount) {
	}

}
