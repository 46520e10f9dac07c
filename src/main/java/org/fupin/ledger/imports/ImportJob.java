package org.fupin.ledger.imports;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.fupin.ledger.LedgerForm;
import org.fupin.security.Caller;

/**
 * One import of a ledger file, as kept in the store ({@code (:ImportJob)}): GraphQL
 * {@code LedgerImport}.
 *
 * @param id the job's id
 * @param form which ledger the file is
 * @param fileName the name the file was uploaded under
 * @param actor who uploaded it; the change events of its rows name them
 * @param placeScope the uploader's place scope, or null
 * @param createdAt when it was uploaded
 * @param updatedAt when it last changed
 * @param state where it stands
 * @param commitRequested whether it is committed as soon as it is valid
 * @param rowsRead data rows read so far
 * @param rowsValid rows without a report line
 * @param rowsInvalid rows with at least one report line
 * @param rowsWritten rows written by the commit (created or updated)
 * @param rowsCreated new assets
 * @param rowsUpdated assets whose descriptive fields changed
 * @param rowsUnchanged rows equal to what is stored
 * @param rate rows per second while it runs
 * @param etaSeconds seconds left while it runs, where they can be told
 * @param codeCounts report lines per code, exact
 * @param linesKept report lines kept (the first ones)
 * @param message why the whole file was refused or the job failed, or null
 * @param file where the upload is kept, not shown
 * @param charset the encoding chosen for a CSV upload, or null
 * @param roles the uploader's roles, so that a restart checks with them
 * @param program the uploader's program claim (a coordinator's), or null
 * @param counties the counties (six-digit codes) the valid rows write in, as the last
 * check found them
 * @param countyVersions the register versions of those counties from before that check
 * ({@link org.fupin.register.RegisterGates}), parallel to {@code counties}
 * @param committedThrough the file's last row a commit in batches has written, 0 before
 */
public record ImportJob(String id, LedgerForm form, String fileName, String actor, String placeScope,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, ImportState state, boolean commitRequested, long rowsRead,
		long rowsValid, long rowsInvalid, long rowsWritten, long rowsCreated, long rowsUpdated, long rowsUnchanged,
		Long rate, Long etaSeconds, List<CodeCount> codeCounts, long linesKept, String message, @JsonIgnore Path file,
		@JsonIgnore String charset, @JsonIgnore List<String> roles, @JsonIgnore String program,
		@JsonIgnore List<String> counties, @JsonIgnore List<Long> countyVersions, @JsonIgnore long committedThrough) {

	/** How many report lines have one code. */
	public record CodeCount(String code, long count) {
	}

	/** The uploader as the job's checks see them, also after a restart. */
	Caller caller() {
		return new Caller(this.actor,
				this.roles.stream()
					.map(org.fupin.security.Role::valueOf)
					.collect(java.util.stream.Collectors.toUnmodifiableSet()),
				this.placeScope, this.program, false);
	}

	/** The register versions of its counties from before its last check. */
	Map<String, Long> versionsSeen() {
		Map<String, Long> versions = new java.util.HashMap<>();
		for (int i = 0; i < this.counties.size() && i < this.countyVersions.size(); i++) {
			versions.put(this.counties.get(i), this.countyVersions.get(i));
		}
		return versions;
	}

	/** Report lines of all codes. */
	public long reportLineCount() {
		return this.codeCounts.stream().mapToLong(CodeCount::count).sum();
	}

	@SuppressWarnings("unchecked")
	static ImportJob from(Map<String, Object> node) {
		List<String> codes = (node.get("codes") != null) ? (List<String>) node.get("codes") : List.of();
		List<Number> counts = (node.get("codeCounts") != null) ? (List<Number>) node.get("codeCounts") : List.of();
		List<CodeCount> codeCounts = new java.util.ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			codeCounts.add(new CodeCount(codes.get(i), counts.get(i).longValue()));
		}
		String file = (String) node.get("file");
		return new ImportJob((String) node.get("id"), LedgerForm.ofSlug((String) node.get("form")).orElseThrow(),
				(String) node.get("fileName"), (String) node.get("actor"), (String) node.get("placeScope"),
				time(node.get("createdAt")), time(node.get("updatedAt")),
				ImportState.valueOf((String) node.get("state")), Boolean.TRUE.equals(node.get("commitRequested")),
				number(node.get("rowsRead")), number(node.get("rowsValid")), number(node.get("rowsInvalid")),
				number(node.get("rowsWritten")), number(node.get("rowsCreated")), number(node.get("rowsUpdated")),
				number(node.get("rowsUnchanged")), optional(node.get("rate")), optional(node.get("etaSeconds")),
				List.copyOf(codeCounts), number(node.get("linesKept")), (String) node.get("message"),
				(file != null) ? Path.of(file) : null, (String) node.get("charset"),
				(node.get("roles") != null) ? (List<String>) node.get("roles") : List.of(),
				(String) node.get("program"),
				(node.get("counties") != null) ? (List<String>) node.get("counties") : List.of(),
				(node.get("countyVersions") != null)
						? ((List<Number>) node.get("countyVersions")).stream().map(Number::longValue).toList()
						: List.of(),
				number(node.get("committedThrough")));
	}

	private static OffsetDateTime time(Object value) {
		if (value instanceof java.time.ZonedDateTime zoned) {
			return zoned.toOffsetDateTime();
		}
		return (OffsetDateTime) value;
	}

	private static long number(Object value) {
		return (value instanceof Number n) ? n.longValue() : 0;
	}

	private static Long optional(Object value) {
		return (value instanceof Number n) ? n.longValue() : null;
	}

}
