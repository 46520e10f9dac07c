package org.fupin.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.UnaryOperator;

import org.fupin.asset.AssetFilter;
import org.fupin.asset.AssetService;
import org.fupin.audit.AuditFindingFilter;
import org.fupin.audit.AuditRule;
import org.fupin.audit.AuditService;
import org.fupin.change.ChangeFilter;
import org.fupin.change.ChangeHistoryService;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.ErrorCode;
import org.fupin.neo4j.CypherStatement;
import org.fupin.pairing.PairingFilter;
import org.fupin.pairing.PairingService;
import org.fupin.party.HouseholdFilter;
import org.fupin.party.OrganisationFilter;
import org.fupin.party.PartyService;
import org.fupin.party.PersonalData;
import org.fupin.party.PersonalDataAccessLog;
import org.fupin.security.Caller;

import org.springframework.stereotype.Service;

/**
 * Ledgers out of the platform: the records a filter selects, through the feature's own
 * selection (the list's WHERE conditions and checks), as rows of the {@link Ledger}'s
 * columns, streamed from one read transaction into a workbook or a CSV file. At most
 * {@code app.ledger.export.concurrency} exports run at once.
 */
@Service
public class LedgerExports {

	private final LedgerReader reader;

	private final LedgerProperties properties;

	private final AssetService assets;

	private final AuditService audit;

	private final ChangeHistoryService changes;

	private final PairingService pairings;

	private final PartyService parties;

	private final PersonalDataAccessLog accessLog;

	private final Clock clock;

	private final Semaphore running;

	LedgerExports(LedgerReader reader, LedgerProperties properties, AssetService assets, AuditService audit,
			ChangeHistoryService changes, PairingService pairings, PartyService parties,
			PersonalDataAccessLog accessLog, Clock clock) {
		this.reader = reader;
		this.properties = properties;
		this.assets = assets;
		this.audit = audit;
		this.changes = changes;
		this.pairings = pairings;
		this.parties = parties;
		this.accessLog = accessLog;
		this.clock = clock;
		this.running = new Semaphore(properties.concurrency());
	}

	/** The formats a ledger is written in. */
	public enum Format {

		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), CSV("text/csv;charset=UTF-8");

		private final String mediaType;

		Format(String mediaType) {
			this.mediaType = mediaType;
		}

		public String mediaType() {
			return this.mediaType;
		}

		public String extension() {
			return name().toLowerCase();
		}

	}

	/**
	 * An export ready to run: its statements and how each row is finished for the caller.
	 */
	public record Prepared(Ledger ledger, CypherStatement count, CypherStatement rows,
			UnaryOperator<Map<String, Object>> finish, Caller caller, List<String> disclosed) {
	}

	/**
	 * Checks the filter as the list checks it and prepares the statements.
	 * @param filter the bound filter record of the ledger's type, or null
	 * @throws ApiException for a filter the list would refuse, or a personal-data filter
	 * without the grant
	 */
	public Prepared prepare(Ledger ledger, Object filter, Caller caller) {
		CypherStatement selection = switch (ledger) {
			case ASSETS -> this.assets.selection((AssetFilter) filter, "filter");
			case AUDIT_FINDINGS -> this.audit.selection((AuditFindingFilter) filter, "filter");
			case CHANGES -> this.changes.selection((ChangeFilter) filter, "filter");
			case PAIRINGS -> this.pairings.selection((PairingFilter) filter, "filter");
			case ORGANISATIONS -> this.parties.organisationSelection((OrganisationFilter) filter, "filter");
			case HOUSEHOLDS -> {
				HouseholdFilter households = (HouseholdFilter) filter;
				if (households != null && (households.idNumber() != null || households.headName() != null)
						&& !caller.seesPersonalData()) {
					String field = (households.idNumber() != null) ? "filter.idNumber" : "filter.headName";
					throw new ApiException(ErrorCode.FORBIDDEN, field, "按个人信息筛选需要个人信息授权 (" + field
							+ " filters by personal data, which needs the personal-data grant); filter by placeCode instead.");
				}
				yield this.parties.householdSelection(households, "filter");
			}
		};
		Map<String, Object> parameters = new HashMap<>(selection.parameters());
		parameters.put("ledgerDate", LocalDate.now(this.clock));
		CypherStatement count = new CypherStatement(selection.text() + "\nRETURN {n: count(*)} AS row", parameters);
		CypherStatement rows = new CypherStatement(selection.text() + "\n" + ledger.rows(), parameters);
		List<String> disclosed = new ArrayList<>();
		UnaryOperator<Map<String, Object>> finish = switch (ledger) {
			case AUDIT_FINDINGS -> this::worded;
			case HOUSEHOLDS -> (row) -> personal(row, caller, disclosed);
			default -> UnaryOperator.identity();
		};
		return new Prepared(ledger, count, rows, finish, caller, disclosed);
	}

	/**
	 * Writes the ledger to {@code out}. A workbook is read whole (into SXSSF's temporary
	 * file) before its first byte is written, so a failure answers an error; CSV goes out
	 * row by row.
	 * @param operation what the personal-data access log records as the operation
	 * @throws ApiException {@code BUSY} when too many exports run,
	 * {@code INVALID_ARGUMENT} when the filter selects more than
	 * {@code app.ledger.export.max-rows} rows
	 */
	public void write(Prepared export, Format format, Opener out, String operation) throws IOException {
		inSlot(() -> writeLedger(export, format, out, operation));
	}

	/**
	 * Runs one export (a ledger, an asset's working paper) in one of the
	 * {@code app.ledger.export.concurrency} slots they share.
	 * @throws ApiException {@code BUSY} when every slot is taken
	 */
	public void inSlot(Export export) throws IOException {
		if (!this.running.tryAcquire()) {
			throw new ApiException(ErrorCode.BUSY, null, "导出繁忙，请稍后再试 (" + this.properties.concurrency()
					+ " ledger exports are running; send the same request again in a few seconds).");
		}
		try {
			export.run();
		}
		finally {
			this.running.release();
		}
	}

	/** An export's work, run by {@link #inSlot}. */
	@FunctionalInterface
	public interface Export {

		void run() throws IOException;

	}

	private void writeLedger(Prepared export, Format format, Opener out, String operation) throws IOException {
		try (LedgerWriter writer = (format == Format.XLSX) ? new XlsxLedgerWriter(this.properties.rowWindow()) : null) {
			if (format == Format.XLSX) {
				read(export, writer);
				log(export, operation);
				writer.finish(out.open());
			}
			else {
				try (CsvLedgerWriter csv = new CsvLedgerWriter(new Deferred(out))) {
					try {
						read(export, csv);
					}
					finally {
						log(export, operation);
					}
					csv.finish(null);
				}
			}
		}
	}

	/** Opens the response body once the export knows it can answer. */
	@FunctionalInterface
	public interface Opener {

		OutputStream open() throws IOException;

	}

	private void read(Prepared export, LedgerWriter writer) {
		this.reader.read(this.properties.timeout(), (rows) -> {
			long[] count = new long[1];
			rows.stream(export.count(), (row) -> count[0] = ((Number) row.get("n")).longValue());
			if (count[0] > this.properties.maxRows()) {
				throw ApiException.invalid("filter",
						"导出行数超过上限 (the filter selects " + count[0] + " rows, more than app.ledger.export.max-rows "
								+ this.properties.maxRows() + "); narrow it, e.g. by placeCode.");
			}
			try {
				writer.sheet(export.ledger().title(), export.ledger().columns());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			rows.stream(export.rows(), (row) -> {
				try {
					writer.row(export.finish().apply(row));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		});
	}

	private void log(Prepared export, String operation) {
		if (!export.disclosed().isEmpty()) {
			this.accessLog.record(export.caller().name(), operation, List.copyOf(export.disclosed()));
		}
	}

	private Map<String, Object> worded(Map<String, Object> row) {
		Map<String, Object> worded = new LinkedHashMap<>(row);
		AuditRule rule = AuditRule.valueOf((String) row.get("rule"));
		@SuppressWarnings("unchecked")
		Map<String, Object> detail = (Map<String, Object>) row.get("detail");
		worded.put("severity", rule.severity().name());
		worded.put("message", this.audit.message(rule, detail));
		return worded;
	}

	/**
	 * A household row as the caller may see it: masked as the API masks it, or as it is
	 * for a caller with the grant, and then noted for the access log.
	 */
	static Map<String, Object> personal(Map<String, Object> row, Caller caller, List<String> disclosed) {
		if (caller.seesPersonalData()) {
			disclosed.add((String) row.get("householdNo"));
			return row;
		}
		Map<String, Object> masked = new LinkedHashMap<>(row);
		masked.put("headName", PersonalData.maskName((String) row.get("headName")));
		masked.put("idNumber", PersonalData.maskIdNumber((String) row.get("idNumber")));
		return masked;
	}

	/**
	 * The response body, opened at the first byte written: until then a failure can still
	 * be answered with an error status.
	 */
	private static final class Deferred extends OutputStream {

		private final Opener opener;

		private OutputStream out;

		Deferred(Opener opener) {
			this.opener = opener;
		}

		private OutputStream out() throws IOException {
			if (this.out == null) {
				this.out = this.opener.open();
			}
			return this.out;
		}

		@Override
		public void write(int b) throws IOException {
			out().write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out().write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			if (this.out != null) {
				this.out.flush();
			}
		}

	}

}
