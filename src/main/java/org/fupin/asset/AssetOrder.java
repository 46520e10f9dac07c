package org.fupin.asset;

/**
 * Orders of asset lists. Ties are broken by register number, so every order is total and
 * keyset cursors hold the sort value and the register number of the last item.
 */
enum AssetOrder {

	REGISTER_NO_ASC(null, "ASC"), REGISTER_NO_DESC(null, "DESC"), ORIGINAL_VALUE_ASC("originalValue", "ASC"),
	ORIGINAL_VALUE_DESC("originalValue", "DESC"), COMPLETION_DATE_ASC("completionDate", "ASC"),
	COMPLETION_DATE_DESC("completionDate", "DESC");

	private final String property;

	private final String direction;

	AssetOrder(String property, String direction) {
		this.property = property;
		this.direction = direction;
	}

	/** The ORDER BY items, from fixed fragments. */
	String orderBy() {
		return (this.property != null)
				? "a.%s %s, a.registerNo %s".formatted(this.property, this.direction, this.direction)
				: "a.registerNo " + this.direction;
	}

	/** The keyset condition continuing after {@code $afterValue}, {@code $afterNo}. */
	String keyset() {
		String op = "ASC".equals(this.direction) ? ">" : "<";
		if (this.property == null) {
			return "a.registerNo %s $afterNo".formatted(op);
		}
		return "(a.%1$s %2$s $afterValue OR (a.%1$s = $afterValue AND a.registerNo %2$s $afterNo))"
			.formatted(this.property, op);
	}

	/** The sort value of an asset, as a cursor holds it. */
	String sortValue(Asset asset) {
		if (this.property == null) {
			return "";
		}
		return "originalValue".equals(this.property) ? Long.toString(asset.originalValue().fen())
				: String.valueOf(asset.completionDate());
	}

	/** A sort value from a cursor, as the keyset condition binds it. */
	Object parseSortValue(String value) {
		if (this.property == null) {
			return null;
		}
		return "originalValue".equals(this.property) ? Long.valueOf(value) : java.time.LocalDate.parse(value);
	}

}
