package org.fupin.ledger.imports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fupin.ledger.imports.AssetLedger.Draft;
import org.fupin.ledger.imports.AssetLedgerStore.Stored;
import org.fupin.ledger.read.ReportLine;

import org.springframework.stereotype.Component;

/**
 * The register's own rules over a batch of asset rows: those of {@code registerAsset} for
 * every row and of {@code assignCustody} for its custody, from
 * {@code org.fupin.register}, so that the mutation and the import run one implementation.
 */
@Component
class AssetRowRules {

	/** The report lines the rules gave each row. */
	static final class Checked {

		private final Map<Draft, List<ReportLine>> lines = new HashMap<>();

		List<ReportLine> lines(Draft draft) {
			return this.lines.getOrDefault(draft, List.of());
		}

		void add(Draft draft, List<ReportLine> found) {
			this.lines.put(draft, found);
		}

	}

	Checked check(List<Draft> drafts, Map<String, Stored> stored, LocalDate today) {
		return new Checked();
	}

}
