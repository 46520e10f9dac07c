package org.fupin.money;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTests {

	@Test
	void aTenthAndTwoTenthsAreThreeTenths() {
		assertThat(Money.parse("0.10").plus(Money.parse("0.20"))).isEqualTo(Money.parse("0.30"));
		assertThat(Money.sum(List.of(Money.parse("0.1"), Money.parse("0.2"))).toString()).isEqualTo("0.30");
		// What the doubles this replaces gave:
		assertThat(0.1 + 0.2).isNotEqualTo(0.3);
	}

	@Test
	void amountsAreWrittenInYuanWithTwoDecimals() {
		assertThat(Money.ofFen(123456789).toString()).isEqualTo("1234567.89");
		assertThat(Money.ofFen(5).toString()).isEqualTo("0.05");
		assertThat(Money.ZERO.toString()).isEqualTo("0.00");
		assertThat(Money.parse("1234.5").fen()).isEqualTo(123450);
		assertThat(Money.parse("7").fen()).isEqualTo(700);
		assertThat(Money.of(new BigDecimal("12.300")).fen()).isEqualTo(1230);
		assertThat(Money.parse("999999999999.99").fen()).isEqualTo(Money.MAX_FEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "-0.01", "1.001", "0.105", "1e3", "1,000.00", "", " ", ".5", "1.", "abc",
			"100000000000000.00" })
	void anythingButYuanToTheFenIsRefused(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(text));
	}

	/**
	 * An exponent is a few characters in a document or a ledger cell: the value is
	 * refused before its digits are written out, and the message quotes it as written.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "1E+999999999", "1E+1000000", "1E-1000000", "1.5E-999999999" })
	@Timeout(10)
	void anExponentBeyondAnyAmountIsRefusedWithoutWritingItsDigits(String written) {
		BigDecimal value = new BigDecimal(written);
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(value))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(120));
		assertThatIllegalArgumentException().isThrownBy(() -> Share.of(value))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(120));
	}

	@Test
	void eighteenDigitsAreReadAndThenRefusedByTheirMaximum() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(new BigDecimal("1E+17")))
			.withMessage("must be below 1000000000000 yuan, was 100000000000000000.");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(new BigDecimal("1E+18")))
			.withMessage("must have at most 18 digits before the decimal point, was 1000000000000000000.");
		assertThat(Money.of(new BigDecimal("1.5E+3")).fen()).isEqualTo(150000);
		assertThat(Money.of(new BigDecimal("2.500000000000000000000000")).fen()).isEqualTo(250);
	}

	@Test
	void splitPartsAddUpToTheWholeExactly() {
		Money whole = Money.parse("1234567.89");
		assertThat(whole.split(List.of(1L, 1L, 1L))).extracting(Money::toString)
			.containsExactly("411522.63", "411522.63", "411522.63");
		Money odd = Money.parse("100.00");
		List<Money> thirds = odd.split(List.of(1L, 1L, 1L));
		assertThat(thirds).extracting(Money::toString).containsExactly("33.33", "33.33", "33.34");
		assertThat(Money.sum(thirds)).isEqualTo(odd);
		List<Money> shares = Money.parse("0.05").split(List.of(3333L, 3333L, 3334L));
		assertThat(shares).extracting(Money::toString).containsExactly("0.01", "0.02", "0.02");
		assertThat(Money.sum(shares)).isEqualTo(Money.parse("0.05"));
	}

	@Test
	void sharesAreHundredthsOfAPercent() {
		assertThat(Share.parse("33.34").hundredths()).isEqualTo(3334);
		assertThat(Share.parse("100").toString()).isEqualTo("100.00");
		assertThat(Share.sum(List.of(Share.parse("33.33"), Share.parse("33.33"), Share.parse("33.34"))).isWhole())
			.isTrue();
		assertThat(Share.sum(List.of(Share.parse("33.33"), Share.parse("33.33"), Share.parse("33.33"))).toString())
			.isEqualTo("99.99");
		assertThatIllegalArgumentException().isThrownBy(() -> Share.parse("100.01"));
		assertThatIllegalArgumentException().isThrownBy(() -> Share.parse("33.333"));
		assertThatIllegalArgumentException().isThrownBy(() -> Share.parse("-5"));
	}

}
