package org.fupin.pairing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fupin.money.Money;

/**
 * A pairing (结对帮扶) as the API shows it: one row of a Cypher map projection, with the
 * helper's and recipient's ids and names flattened in.
 *
 * @param helperId a place code or an organisation's credit code
 * @param recipientId a place code or an organisation's credit code
 * @param parentId the pairing this one sits under, or null
 * @param kinds the kinds of help, the primary ({@code kind}) first
 */
public record Pairing(String id, String program, String kind, String helperId, String helperName, String recipientId,
		String recipientName, String parentId, LocalDate startDate, LocalDate endDate, String status, boolean exception,
		String exceptionReason, Money investment, String certainty, String source, boolean illustrative,
		boolean centralArrangement, List<String> kinds) {

	/** Cypher map projection of pairing {@code p} that {@link #from(Map)} reads. */
	static final String PROJECTION = """
			p {.id, .program, .kind, .startDate, .endDate, .status, .exception, .exceptionReason, .investment,
			   .certainty, .source, .illustrative, .centralArrangement, kinds: coalesce(p.kinds, [p.kind]),
			   helperId: head([(p)-[:HELPER]->(h) | coalesce(h.code, h.creditCode)]),
			   helperName: head([(p)-[:HELPER]->(h) | h.name]),
			   recipientId: head([(p)-[:RECIPIENT]->(r) | coalesce(r.code, r.creditCode)]),
			   recipientName: head([(p)-[:RECIPIENT]->(r) | r.name]),
			   parentId: head([(p)-[:UNDER]->(u) | u.id])}""";

	static Pairing from(Map<String, Object> row) {
		return new Pairing((String) row.get("id"), (String) row.get("program"), (String) row.get("kind"),
				(String) row.get("helperId"), (String) row.get("helperName"), (String) row.get("recipientId"),
				(String) row.get("recipientName"), (String) row.get("parentId"), (LocalDate) row.get("startDate"),
				(LocalDate) row.get("endDate"), (String) row.get("status"), Boolean.TRUE.equals(row.get("exception")),
				(String) row.get("exceptionReason"), number(row.get("investment")), (String) row.get("certainty"),
				(String) row.get("source"), Boolean.TRUE.equals(row.get("illustrative")),
				Boolean.TRUE.equals(row.get("centralArrangement")),
				((List<?>) row.get("kinds")).stream().map(String::valueOf).toList());
	}

	private static Money number(Object value) {
		return (value instanceof Number fen) ? Money.ofFen(fen.longValue()) : null;
	}

}
