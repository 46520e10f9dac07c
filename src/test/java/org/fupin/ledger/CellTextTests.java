package org.fupin.ledger;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The text of each cell type, and what CSV does to text that looks like a formula. */
class CellTextTests {

	@Test
	void valuesAreWrittenExactly() {
		assertThat(CellType.MONEY.text(104891937L)).isEqualTo("1048919.37");
		assertThat(CellType.MONEY.text(30L)).isEqualTo("0.30");
		assertThat(CellType.MONEY.text(99_999_999_999_999L)).isEqualTo("999999999999.99");
		assertThat(CellType.PERCENT.text(List.of(6000L, 4000L))).isEqualTo("60.00;40.00");
		assertThat(CellType.PERCENT.text(3334L)).isEqualTo("33.34");
		assertThat(CellType.DATE.text(LocalDate.of(2020, 5, 11))).isEqualTo("2020-05-11");
		assertThat(CellType.CODE.text("000450102")).isEqualTo("000450102");
		assertThat(CellType.TEXT.text(null)).isEmpty();
	}

	@Test
	void textThatASpreadsheetWouldRunGetsAnApostrophe() {
		for (String formula : List.of("=1+1", "+SUM(1,2)", "-2+3", "@SUM(1,2)", "\t=1+1", "\r=1+1")) {
			assertThat(CsvLedgerWriter.neutralised(formula)).isEqualTo("'" + formula);
		}
		for (String text : List.of("", "竹坝村", "1=1", "a-b", "'quoted")) {
			assertThat(CsvLedgerWriter.neutralised(text)).isEqualTo(text);
		}
	}

}
