package org.fupin.ledger.read;

import java.math.BigDecimal;

/** The unit amounts of a column are written in: 元 or 万元. */
enum MoneyUnit {

	/** 元, the default: at most two decimals. */
	YUAN(BigDecimal.ONE, 2, "元"),

	/** 万元, ten thousand yuan: at most six decimals, so every fen is exact. */
	WAN_YUAN(BigDecimal.valueOf(10_000), 6, "万元");

	private final BigDecimal yuan;

	private final int decimals;

	private final String word;

	MoneyUnit(BigDecimal yuan, int decimals, String word) {
		this.yuan = yuan;
		this.decimals = decimals;
		this.word = word;
	}

	/** The amount in yuan, exactly. */
	BigDecimal toYuan(BigDecimal amount) {
		return amount.multiply(this.yuan);
	}

	int decimals() {
		return this.decimals;
	}

	String word() {
		return this.word;
	}

}
