package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.fupin.ledger.LedgerColumn;
import org.fupin.ledger.LedgerForm;
import org.fupin.ledger.imports.AssetLedgerStore.NamedPlace;
import org.fupin.ledger.read.CellProblem;
import org.fupin.ledger.read.ReportLine;
import org.fupin.ledger.read.SourceRow;
import org.fupin.register.Violation;
import org.fupin.security.Caller;

/**
 * What the ledgers of projects, organisations and households share: report lines with the
 * form's headers (personal data masked as the API masks it, since a report is read by
 * roles without the personal-data grant), a key twice in a file, and a place given by its
 * name instead of its code, found as the asset ledger finds it.
 */
final class RecordRows {

	private final LedgerForm form;

	private final Map<String, String> headers = new HashMap<>();

	private final Map<String, UnaryOperator<String>> masks;

	/**
	 * @param masks how the cells of personal data are shown in a report, by field
	 */
	RecordRows(LedgerForm form, Map<String, UnaryOperator<String>> masks) {
		this.form = form;
		this.masks = Map.copyOf(masks);
		for (LedgerColumn column : form.columns()) {
			this.headers.put(column.field(), column.header());
		}
	}

	/** What the checks of one file carry from batch to batch. */
	static class FileState {

		final Caller caller;

		final LocalDate today;

		/** The first row of each key of the file. */
		final Map<String, Integer> keys = new HashMap<>();

		FileState(Caller caller, LocalDate today) {
			this.caller = caller;
			this.today = today;
		}

	}

	/** The header of a field's column. */
	String header(String field) {
		return (field != null) ? this.headers.get(field) : null;
	}

	/** A cell's text as a report may show it: personal data masked. */
	String shown(String field, String text) {
		UnaryOperator<String> mask = (field != null) ? this.masks.get(field) : null;
		return (mask != null && text != null) ? mask.apply(text) : text;
	}

	/** A report line about one of a row's cells. */
	ReportLine line(SourceRow row, String field, String code, String chinese, String english) {
		return new ReportLine(row.number(), field, header(field),
				shown(field, (field != null) ? row.texts().get(field) : null), code, chinese + " " + english);
	}

	/** A report line of a broken rule. */
	ReportLine line(SourceRow row, Violation violation) {
		return new ReportLine(row.number(), violation.field(), header(violation.field()),
				shown(violation.field(), (violation.field() != null) ? row.texts().get(violation.field()) : null),
				violation.code().name(), violation.message());
	}

	/**
	 * The lines the reader left on a row (unreadable cells), and a key already on an
	 * earlier row of the file.
	 */
	List<ReportLine> early(SourceRow row, FileState file) {
		List<ReportLine> lines = new ArrayList<>();
		for (CellProblem problem : row.problems()) {
			String message = problem.message();
			String shown = shown(problem.field(), problem.text());
			if (problem.text() != null && !problem.text().isEmpty() && !problem.text().equals(shown)) {
				message = message.replace(problem.text(), shown);
			}
			lines.add(new ReportLine(row.number(), problem.field(), problem.header(), shown, problem.code(), message));
		}
		List<String> key = new ArrayList<>();
		for (String field : this.form.key()) {
			String value = text(row, field);
			if (value == null) {
				return lines;
			}
			key.add(value);
		}
		Integer first = file.keys.putIfAbsent(String.join("\u0000", key), row.number());
		if (first != null) {
			String field = this.form.key().get(this.form.key().size() - 1);
			List<String> headers = this.form.key().stream().map(this::header).toList();
			lines.add(line(row, field, "DUPLICATE_KEY",
					String.join("、", headers) + "与第 " + first + " 行重复；每一" + unit() + "在一个文件中只能出现一次。",
					"The " + String.join(" and ", this.form.key()) + ((this.form.key().size() > 1) ? " are" : " is")
							+ " also on row " + first + "; give each " + unitEn() + " once in a file."));
		}
		return lines;
	}

	private String unit() {
		return switch (this.form) {
			case PROJECTS -> "项资金投入";
			case ORGANISATIONS -> "个组织";
			case HOUSEHOLDS -> "户";
			default -> "行";
		};
	}

	private String unitEn() {
		return switch (this.form) {
			case PROJECTS -> "project's fund source";
			case ORGANISATIONS -> "organisation";
			case HOUSEHOLDS -> "household";
			default -> "row";
		};
	}

	/**
	 * Every ending of the place names of the rows that give a name ({@code nameField})
	 * and no code ({@code codeField}): what {@link AssetLedgerStore#placesNamed} looks up
	 * for the batch.
	 */
	static Set<String> names(List<SourceRow> rows, String codeField, String nameField) {
		Set<String> names = new HashSet<>();
		for (SourceRow row : rows) {
			String name = text(row, nameField);
			if (text(row, codeField) == null && name != null && !row.texts().containsKey(codeField)) {
				names.addAll(AssetLedger.suffixes(name));
			}
		}
		return names;
	}

	/**
	 * The code a row gives in {@code codeField} or, when that is empty, the code of the
	 * one place of {@code level} its {@code nameField} names (within the uploader's
	 * place); null, with a report line, when the name names none or several.
	 * @param level which places may be meant, by their code
	 * @param whatZh what the place is, for the message (村, 县, 村或县)
	 */
	String place(SourceRow row, String codeField, String nameField, Predicate<String> level, List<NamedPlace> named,
			Caller caller, String whatZh, String whatEn, List<ReportLine> lines) {
		String code = text(row, codeField);
		String name = text(row, nameField);
		if (code != null || name == null || row.texts().containsKey(codeField)) {
			return code;
		}
		List<NamedPlace> matches = AssetLedger.matches(name, named, caller)
			.stream()
			.filter((place) -> level.test(place.code()))
			.toList();
		if (matches.size() == 1) {
			return matches.get(0).code();
		}
		String scope = (caller.place() != null) ? "（在您的管辖范围内）" : "";
		String scopeEn = (caller.place() != null) ? " in your scope" : "";
		if (matches.isEmpty()) {
			lines.add(line(row, nameField, "UNKNOWN_PLACE",
					"找不到名为“" + name + "”的" + whatZh + scope + "；请填写" + header(codeField) + "。",
					"No " + whatEn + scopeEn + " is named " + name + "; give its code in " + header(codeField) + " ("
							+ codeField + ")."));
		}
		else {
			Set<String> codes = new TreeSet<>();
			matches.forEach((m) -> codes.add(m.code()));
			lines.add(line(row, nameField, "AMBIGUOUS_PLACE",
					"名为“" + name + "”的" + whatZh + "不止一个（" + String.join("、", codes) + "）；请写上县、乡名或填写"
							+ header(codeField) + "。",
					"More than one " + whatEn + " is named " + name + " (" + String.join(", ", codes)
							+ "); put the county and township names in front, or give its code."));
		}
		return null;
	}

	/**
	 * A row's lines: those found before the rules, then the rules' lines about cells not
	 * already reported (an unreadable cell, a place name not found is not reported again
	 * as missing).
	 * @param alias a field whose line also covers another (a place name covers its code)
	 */
	List<ReportLine> lines(SourceRow row, List<ReportLine> early, List<Violation> violations,
			Map<String, String> alias) {
		List<ReportLine> lines = new ArrayList<>(early);
		Set<String> covered = new HashSet<>();
		for (ReportLine line : early) {
			covered.add(line.field());
			if (alias.containsKey(line.field())) {
				covered.add(alias.get(line.field()));
			}
		}
		for (Violation violation : violations) {
			if (violation.field() == null || !covered.contains(violation.field())) {
				lines.add(line(row, violation));
			}
		}
		return lines;
	}

	/**
	 * The uploader's scope over where a record lies in the register: a row that moves it
	 * must be allowed to change it there too.
	 */
	void storedScope(SourceRow row, String field, String stored, Caller caller, String whatZh, String whatEn,
			List<ReportLine> lines) {
		if (stored != null && !caller.mayChangeAssetsAt(stored)) {
			lines.add(line(row, field, "FORBIDDEN", "此" + whatZh + "现位于" + stored + "，不在你的地区范围内，不能移动或修改。",
					"The " + whatEn + " lies at " + stored + " now, outside your scope (" + caller.scopeText()
							+ "); you may not move or change it."));
		}
	}

	/** Values as a change event shows them: personal data masked. */
	Map<String, Object> shown(Map<String, Object> values) {
		Map<String, Object> map = new LinkedHashMap<>();
		values.forEach((field, value) -> map.put(field,
				(value instanceof String text && this.masks.containsKey(field)) ? shown(field, text) : value));
		return map;
	}

	static String text(SourceRow row, String field) {
		return AssetLedger.text(row, field);
	}

}
