package org.fupin.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.fupin.graph.Model;
import org.fupin.graphql.ApiException;
import org.fupin.neo4j.CypherStatement;
import org.fupin.party.PersonalData;
import org.fupin.party.PersonalDataAccessLog;
import org.fupin.security.Caller;

import org.springframework.stereotype.Service;

import static org.fupin.ledger.LedgerColumn.code;
import static org.fupin.ledger.LedgerColumn.date;
import static org.fupin.ledger.LedgerColumn.integer;
import static org.fupin.ledger.LedgerColumn.money;
import static org.fupin.ledger.LedgerColumn.percent;
import static org.fupin.ledger.LedgerColumn.text;

/**
 * The provenance of one asset as an audit working paper (审计工作底稿): a workbook with the
 * summary and totals, the funds, the project, the owners through time, and the income
 * with its uses and beneficiaries, each on its own sheet, read from one snapshot of the
 * graph, with the date it was produced and by whom. Unlike {@code provenance} in the API,
 * no list is cut short; a paper with a sheet longer than a ledger may be is refused.
 * Households among owners and beneficiaries are shown by their head's name, masked as the
 * API masks it unless the caller holds the personal-data grant (and then logged).
 */
@Service
public class ProvenancePaper {

	static final List<LedgerColumn> SUMMARY = List.of(code("登记编号", "registerNo"), text("资产名称", "name"),
			text("资产类型", "type"), text("资产类别", "category"), money("原值(元)", "originalValue"),
			date("建成日期", "completionDate"), text("资产状态", "status"), code("所在地代码", "placeCode"),
			code("项目编号", "projectCode"), money("资金合计(元)", "fundingTotal"), money("收益合计(元)", "incomeTotal"),
			money("已分配合计(元)", "distributedTotal"), integer("受益对象数", "beneficiaryCount"),
			money("受益金额合计(元)", "beneficiaryTotal"), date("制表日期", "producedOn"), text("制表人", "producedBy"));

	static final List<LedgerColumn> FUNDS = List.of(code("资金来源编号", "fundCode"), text("资金名称", "fundName"),
			text("资金类型", "kind"), integer("年度", "year"), code("提供方代码", "providerId"), code("项目编号", "projectCode"),
			money("金额(元)", "amount"));

	static final List<LedgerColumn> PROJECT = List.of(code("项目编号", "code"), text("项目名称", "name"), integer("年度", "year"),
			code("所在县代码", "countyCode"), text("所在县", "countyName"));

	static final List<LedgerColumn> OWNERS = List.of(code("产权主体代码", "ownerId"), text("产权主体", "ownerName"),
			percent("份额(%)", "share"), date("起始日期", "validFrom"), date("终止日期", "validTo"),
			code("确权证书号", "certificateNo"), text("批准文号", "approvalRef"), text("当前有效", "current"));

	static final List<LedgerColumn> INCOME = List.of(integer("年度", "year"), code("收益编号", "incomeId"),
			money("收益金额(元)", "incomeAmount"), text("用途", "use"), money("用途金额(元)", "useAmount"),
			code("受益对象代码", "beneficiaryId"), text("受益对象", "beneficiaryName"), money("受益金额(元)", "beneficiaryAmount"));

	private static final String TOTAL = "合计";

	private static final String ASSET = """
			MATCH (a:Asset {registerNo: $registerNo})
			OPTIONAL MATCH (pj:Project)-[:FORMED]->(a)
			WITH a, pj ORDER BY pj.code LIMIT 1
			CALL (pj) {
			  MATCH (:FundSource)-[r:FUNDED]->(pj)
			  RETURN sum(r.amount) AS fundingTotal
			}
			CALL (a) {
			  MATCH (a)-[:EARNED]->(i:Income)
			  RETURN sum(i.amount) AS incomeTotal,
			         sum(reduce(s = 0, u IN [(i)-[:USED_FOR]->(u:IncomeUse) | u.amount] | s + u)) AS distributedTotal
			}
			CALL (a) {
			  OPTIONAL MATCH (a)-[:EARNED]->(:Income)-[:USED_FOR]->(:IncomeUse)-[b:BENEFITS]->(x)
			  RETURN count(DISTINCT x) AS beneficiaryCount, sum(b.amount) AS beneficiaryTotal
			}
			RETURN a {.registerNo, .name, .type, .category, .originalValue, .completionDate, .status, .placeCode,
			          projectCode: pj.code, fundingTotal: fundingTotal, incomeTotal: incomeTotal,
			          distributedTotal: distributedTotal, beneficiaryCount: beneficiaryCount,
			          beneficiaryTotal: beneficiaryTotal} AS row""";

	private static final String PROJECT_OF = """
			MATCH (:Asset {registerNo: $registerNo})<-[:FORMED]-(pj:Project)
			WITH pj ORDER BY pj.code LIMIT 1
			""";

	private static final String FUNDS_MATCH = PROJECT_OF + """
			MATCH (f:FundSource)-[r:FUNDED]->(pj)
			""";

	private static final String FUNDS_OF = FUNDS_MATCH + """
			WITH f, r, pj ORDER BY f.code
			RETURN {fundCode: f.code, fundName: f.name, kind: f.kind, year: f.year, projectCode: pj.code,
			        providerId: head([(f)-[:PROVIDED_BY]->(x) | coalesce(x.creditCode, x.householdNo, x.code)]),
			        amount: r.amount} AS row""";

	private static final String PROJECT_ROW = PROJECT_OF + """
			RETURN pj {.code, .name, .year, countyCode: head([(pj)-[:LOCATED_IN]->(c:County) | c.code]),
			           countyName: head([(pj)-[:LOCATED_IN]->(c:County) | c.name])} AS row""";

	private static final String OWNERS_MATCH = """
			MATCH (:Asset {registerNo: $registerNo})-[o:OWNED_BY]->(p)
			""";

	private static final String OWNERS_OF = OWNERS_MATCH + """
			WITH o, p, coalesce(p.creditCode, p.householdNo, p.code) AS ownerId ORDER BY o.validFrom, ownerId
			RETURN {ownerId: ownerId, ownerName: p.name, headName: p.headName, household: p:Household,
			        share: o.share, validFrom: o.validFrom, validTo: o.validTo, certificateNo: o.certificateNo,
			        approvalRef: o.approvalRef,
			        current: CASE WHEN %s THEN '是' ELSE '否' END} AS row"""
		.formatted(Model.OWNED_BY.period().currentOn("o", "$ledgerDate"));

	private static final String INCOME_MATCH = """
			MATCH (:Asset {registerNo: $registerNo})-[:EARNED]->(i:Income)
			OPTIONAL MATCH (i)-[:USED_FOR]->(u:IncomeUse)
			OPTIONAL MATCH (u)-[b:BENEFITS]->(x)
			""";

	private static final String INCOME_OF = INCOME_MATCH + """
			WITH i, u, b, x, coalesce(x.creditCode, x.householdNo, x.code) AS beneficiaryId
			ORDER BY i.year, i.id, u.id, beneficiaryId
			RETURN {year: i.year, incomeId: i.id, incomeAmount: i.amount, use: u.use, useId: u.id,
			        useAmount: u.amount, beneficiaryId: beneficiaryId, beneficiaryName: x.name,
			        headName: x.headName, household: x:Household, beneficiaryAmount: b.amount} AS row""";

	/**
	 * The rows each sheet of a list would hold below its header, its 合计 row included:
	 * counted before a row is written, as a ledger's rows are.
	 */
	private static final String SHEET_ROWS = """
			CALL () {
			  %s  RETURN count(*) + 1 AS funds
			}
			CALL () {
			  %s  RETURN count(*) AS owners
			}
			CALL () {
			  %s  RETURN count(*) + 1 AS income
			}
			RETURN {funds: funds, owners: owners, income: income} AS row""".formatted(FUNDS_MATCH, OWNERS_MATCH,
			INCOME_MATCH);

	/**
	 * The sheets of lists: their count in {@link #SHEET_ROWS}, their title, and where the
	 * API gives the same list.
	 */
	private static final List<ListSheet> LIST_SHEETS = List.of(new ListSheet("funds", "资金来源", "Project.funding"),
			new ListSheet("owners", "产权沿革", "Asset.ownershipHistory"),
			new ListSheet("income", "收益分配", "Asset.incomes"));

	private record ListSheet(String count, String title, String inTheApi) {
	}

	private final LedgerReader reader;

	private final LedgerProperties properties;

	private final PersonalDataAccessLog accessLog;

	private final Clock clock;

	ProvenancePaper(LedgerReader reader, LedgerProperties properties, PersonalDataAccessLog accessLog, Clock clock) {
		this.reader = reader;
		this.properties = properties;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/** Decides whether the caller may read the asset at a place. */
	@FunctionalInterface
	public interface PlaceCheck {

		boolean allows(String placeCode);

	}

	/**
	 * Writes the working paper of asset {@code registerNo} to the stream {@code out}
	 * opens, after everything was read.
	 * @throws ApiException {@code NOT_FOUND} for an unknown register number,
	 * {@code FORBIDDEN} for an asset the caller may not read, {@code INVALID_ARGUMENT}
	 * for one whose paper would have a sheet of more than
	 * {@code app.ledger.export.max-rows} rows
	 */
	public void write(String registerNo, Caller caller, PlaceCheck place, LedgerExports.Opener out, String operation)
			throws IOException {
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> parameters = Map.of("registerNo", registerNo, "ledgerDate", today);
		List<String> disclosed = new ArrayList<>();
		try (XlsxLedgerWriter writer = new XlsxLedgerWriter(this.properties.rowWindow())) {
			this.reader.read(this.properties.timeout(), (rows) -> {
				List<Map<String, Object>> asset = new ArrayList<>();
				rows.stream(new CypherStatement(ASSET, parameters), asset::add);
				if (asset.isEmpty()) {
					throw ApiException.notFound("registerNo", "没有这项资产 (no asset has the register number " + registerNo
							+ "); check the number in the asset ledger.");
				}
				Map<String, Object> summary = new LinkedHashMap<>(asset.get(0));
				if (!place.allows((String) summary.get("placeCode"))) {
					throw new ApiException(org.fupin.graphql.ErrorCode.FORBIDDEN, "registerNo",
							"无权查看该资产 (asset " + registerNo + " at " + summary.get("placeCode")
									+ " lies outside your place scope; " + caller.place() + ").");
				}
				refuseTooManyRows(rows, parameters, registerNo);
				summary.put("producedOn", today);
				summary.put("producedBy", caller.name());
				sheet(writer, "概况", SUMMARY, (sink) -> sink.accept(summary));
				long[] funds = new long[1];
				sheet(writer, "资金来源", FUNDS, (sink) -> {
					rows.stream(new CypherStatement(FUNDS_OF, parameters), (row) -> {
						funds[0] += fen(row.get("amount"));
						sink.accept(row);
					});
					sink.accept(Map.of("fundCode", TOTAL, "amount", funds[0]));
				});
				sheet(writer, "项目", PROJECT, (sink) -> rows.stream(new CypherStatement(PROJECT_ROW, parameters), sink));
				sheet(writer, "产权沿革", OWNERS,
						(sink) -> rows.stream(new CypherStatement(OWNERS_OF, parameters), (row) -> {
							Map<String, Object> shown = new LinkedHashMap<>(row);
							shown.put("ownerName", name(row, "ownerId", caller, disclosed));
							sink.accept(shown);
						}));
				sheet(writer, "收益分配", INCOME, (sink) -> income(rows, parameters, caller, disclosed, sink));
			});
			if (!disclosed.isEmpty()) {
				this.accessLog.record(caller.name(), operation, disclosed.stream().distinct().sorted().toList());
			}
			writer.finish(out.open());
		}
	}

	/**
	 * Refuses a working paper with a sheet of more than
	 * {@code app.ledger.export.max-rows} rows, its 合计 row included, as a ledger of more
	 * is refused: a worksheet holds at most 1,048,575 rows below its header, and the
	 * bound keeps one paper's read and file as small as one ledger's.
	 */
	private void refuseTooManyRows(LedgerReader.Rows rows, Map<String, Object> parameters, String registerNo) {
		Map<String, Object> counts = new LinkedHashMap<>();
		rows.stream(new CypherStatement(SHEET_ROWS, parameters), counts::putAll);
		for (ListSheet sheet : LIST_SHEETS) {
			long n = ((Number) counts.get(sheet.count())).longValue();
			if (n > this.properties.maxRows()) {
				throw ApiException.invalid("registerNo",
						"底稿行数超过上限 (the working paper of " + registerNo + " would hold " + n + " rows in its sheet "
								+ sheet.title() + ", its 合计 row included, more than app.ledger.export.max-rows "
								+ this.properties.maxRows() + "); read that list through the API instead ("
								+ sheet.inTheApi() + ").");
			}
		}
	}

	/**
	 * Income, use and beneficiary rows; an income's and a use's amount only on their
	 * first row, so each column sums to its total, which the last row states.
	 */
	private static void income(LedgerReader.Rows rows, Map<String, Object> parameters, Caller caller,
			List<String> disclosed, Consumer<Map<String, Object>> sink) {
		long[] totals = new long[3];
		String[] last = new String[2];
		rows.stream(new CypherStatement(INCOME_OF, parameters), (row) -> {
			Map<String, Object> shown = new LinkedHashMap<>(row);
			if (Objects.equals(last[0], row.get("incomeId"))) {
				shown.remove("incomeAmount");
			}
			else {
				totals[0] += fen(row.get("incomeAmount"));
			}
			if (row.get("useId") == null || Objects.equals(last[1], row.get("useId"))) {
				shown.remove("useAmount");
			}
			else {
				totals[1] += fen(row.get("useAmount"));
			}
			totals[2] += fen(row.get("beneficiaryAmount"));
			last[0] = (String) row.get("incomeId");
			last[1] = (String) row.get("useId");
			shown.put("beneficiaryName", name(row, "beneficiaryId", caller, disclosed));
			sink.accept(shown);
		});
		sink.accept(Map.of("incomeId", TOTAL, "incomeAmount", totals[0], "useAmount", totals[1], "beneficiaryAmount",
				totals[2]));
	}

	/** A party's name; a household's head, masked unless the caller holds the grant. */
	private static String name(Map<String, Object> row, String idField, Caller caller, List<String> disclosed) {
		if (!Boolean.TRUE.equals(row.get("household"))) {
			return (String) row.get(idField.equals("ownerId") ? "ownerName" : "beneficiaryName");
		}
		if (caller.seesPersonalData()) {
			disclosed.add((String) row.get(idField));
			return (String) row.get("headName");
		}
		return PersonalData.maskName((String) row.get("headName"));
	}

	private interface Filler {

		void fill(Consumer<Map<String, Object>> sink);

	}

	private static void sheet(LedgerWriter writer, String title, List<LedgerColumn> columns, Filler filler) {
		try {
			writer.sheet(title, columns);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		filler.fill((row) -> {
			try {
				writer.row(row);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static long fen(Object value) {
		return (value instanceof Number number) ? number.longValue() : 0L;
	}

}
