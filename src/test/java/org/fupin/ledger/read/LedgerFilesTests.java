package org.fupin.ledger.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fupin.ledger.LedgerForm;
import org.fupin.money.Money;
import org.fupin.money.Share;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerFilesTests {

	@TempDir
	Path dir;

	private final LedgerFiles files = new LedgerFiles();

	@Test
	void readsTheAssetLedgerAsExported() throws IOException {
		Path file = this.dir.resolve("assets.csv");
		Files.writeString(file,
				"\uFEFF登记编号,资产名称,资产类型,资产类别,原值(元),建成日期,所在地代码,产权主体代码,产权份额(%)\n"
						+ "ZC-1,光伏电站,PV_STATION,OPERATING,1234.50,2020-06-30,450102001001,A;B,60.00;40.00\n"
						+ "ZC-2,道路,ROAD,PUBLIC_WELFARE,12.345,2020-13-01,450102001001,,\n",
				StandardCharsets.UTF_8);
		List<SourceRow> rows = new ArrayList<>();
		ReadSummary summary = this.files.read(new Upload("assets.csv", file, null), LedgerForm.ASSETS.columns(), 10,
				rows::add);
		assertThat(summary.rows()).isEqualTo(2);
		SourceRow first = rows.get(0);
		assertThat(first.number()).isEqualTo(2);
		assertThat(first.values()).containsEntry("registerNo", "ZC-1")
			.containsEntry("originalValue", Money.ofFen(123450))
			.containsEntry("completionDate", LocalDate.of(2020, 6, 30))
			.containsEntry("ownerIds", List.of("A", "B"))
			.containsEntry("ownerShares", List.of(Share.ofHundredths(6000), Share.ofHundredths(4000)));
		assertThat(first.problems()).isEmpty();
		assertThat(rows.get(1).problems()).extracting(CellProblem::field)
			.containsExactly("originalValue", "completionDate");
	}

	@Test
	void refusesAFileWithoutARequiredColumn() throws IOException {
		Path file = this.dir.resolve("assets.csv");
		Files.writeString(file, "登记编号,资产名称\nZC-1,道路\n", StandardCharsets.UTF_8);
		assertThatThrownBy(
				() -> this.files.read(new Upload("assets.csv", file, null), LedgerForm.ASSETS.columns(), 10, (row) -> {
				}))
			.isInstanceOfSatisfying(LedgerFileException.class,
					(ex) -> assertThat(ex.problem()).isEqualTo(FileProblem.MISSING_COLUMN));
	}

}
