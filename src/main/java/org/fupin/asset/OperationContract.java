package org.fupin.asset;

import java.time.LocalDate;

import org.fupin.money.Money;

/**
 * A contract under which an operator runs an asset (经营合同). Its term runs from
 * {@code startDate} up to {@code endDate}, exclusive like every period of the model.
 *
 * @param operatorId credit code, household number or place code of the operator
 * @param mode GraphQL {@code OperationMode}
 * @param annualRent yuan per year, or null
 */
public record OperationContract(String contractNo, String registerNo, String operatorId, String mode,
		LocalDate startDate, LocalDate endDate, Money annualRent) {

	/** Projection of a {@code k:OperationContract} node, for {@link #from}. */
	static final String PROJECTION = "k {.contractNo, .mode, .startDate, .endDate, .annualRent, "
			+ "operatorId: head([(k)-[:OPERATOR]->(p) | coalesce(p.creditCode, p.householdNo, p.code)])}";

	static OperationContract from(String registerNo, Row row) {
		return new OperationContract(row.str("contractNo"), registerNo, row.str("operatorId"), row.str("mode"),
				row.date("startDate"), row.date("endDate"), row.moneyOrNull("annualRent"));
	}

}
