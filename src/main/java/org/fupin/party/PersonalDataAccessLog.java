package org.fupin.party;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.Keyset;
import org.fupin.graphql.PageQuery;
import org.fupin.graphql.PageRequest;
import org.fupin.graphql.SortKey;
import org.fupin.neo4j.SingleStatementReads;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access log of personal data (个人信息查阅记录): one
 * {@code (:PersonalDataRead)-[:READ]->(:Household)} per request that showed household
 * names or ID numbers unmasked, written once when the request is answered, in a write
 * transaction of its own; auditors page through it newest first.
 */
@Service
public class PersonalDataAccessLog {

	/** The log newest first; the id breaks ties between reads of the same instant. */
	private static final Keyset<PersonalDataRead> READS = Keyset.of("personalDataReads",
			SortKey.time("at", "r.at", PersonalDataRead::at).desc(),
			SortKey.text("id", "r.id", PersonalDataRead::id).desc());

	private static final String APPEND = """
			CREATE (r:PersonalDataRead {id: $id, at: $at, actor: $actor, operation: $operation,
			                            householdNos: $householdNos})
			WITH r
			CALL (r) {
			  UNWIND $householdNos AS no
			  MATCH (h:Household {householdNo: no})
			  CREATE (r)-[:READ]->(h)
			}""";

	private final Neo4jClient neo4j;

	private final SingleStatementReads reads;

	PersonalDataAccessLog(Neo4jClient neo4j, SingleStatementReads reads) {
		this.neo4j = neo4j;
		this.reads = reads;
	}

	/** Logs one request's reads; nothing when it showed no household. */
	@Transactional
	public void record(String actor, String operation, List<String> householdNos) {
		if (householdNos.isEmpty()) {
			return;
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", UUID.randomUUID().toString());
		parameters.put("at", OffsetDateTime.now(ZoneOffset.UTC));
		parameters.put("actor", actor);
		parameters.put("operation", operation);
		parameters.put("householdNos", householdNos);
		this.neo4j.query(APPEND).bindAll(parameters).run();
	}

	/** One page of the log, newest first. */
	@Transactional(readOnly = true)
	public Connection<PersonalDataRead> find(PersonalDataReadFilter filter, PageRequest page, boolean withTotal) {
		filter = (filter != null) ? filter : PersonalDataReadFilter.NONE;
		if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
			throw ApiException.invalid("filter.to",
					"filter.to (" + filter.to() + ") must be after filter.from (" + filter.from() + ").");
		}
		Map<String, Object> parameters = new HashMap<>();
		List<String> conditions = new ArrayList<>();
		String match = "MATCH (r:PersonalDataRead)";
		if (filter.householdNo() != null) {
			match = "MATCH (:Household {householdNo: $householdNo})<-[:READ]-(r:PersonalDataRead)";
			parameters.put("householdNo", filter.householdNo());
		}
		if (filter.actor() != null) {
			conditions.add("r.actor = $actor");
			parameters.put("actor", filter.actor());
		}
		if (filter.from() != null) {
			conditions.add("r.at >= $from");
			parameters.put("from", filter.from());
		}
		if (filter.to() != null) {
			conditions.add("r.at < $to");
			parameters.put("to", filter.to());
		}
		String selection = match + where(conditions) + " WITH r";
		return READS.connection(new PageQuery(selection, READS, "r {.*}").fetch(this.reads::rows, page, withTotal,
				parameters, (row) -> read(map(row))), page);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static String where(List<String> conditions) {
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static PersonalDataRead read(Map<String, Object> r) {
		Object at = r.get("at");
		OffsetDateTime time = (at instanceof ZonedDateTime zoned) ? zoned.toOffsetDateTime() : (OffsetDateTime) at;
		List<String> households = ((List<?>) r.get("householdNos")).stream().map(Object::toString).toList();
		return new PersonalDataRead((String) r.get("id"), time, (String) r.get("actor"), (String) r.get("operation"),
				households);
	}

}
