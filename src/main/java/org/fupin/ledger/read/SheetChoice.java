package org.fupin.ledger.read;

import java.util.List;

/** Which sheet of a workbook holds the ledger. */
final class SheetChoice {

	private SheetChoice() {
	}

	/**
	 * The index of the first sheet named like {@code title} (the one name holds the
	 * other, spaces aside) when there are several, else 0.
	 */
	static int of(List<String> names, String title) {
		if (names.size() > 1 && title != null) {
			String wanted = Headers.normal(title);
			for (int i = 0; i < names.size(); i++) {
				String name = Headers.normal(names.get(i));
				if (!name.isEmpty() && (name.contains(wanted) || wanted.contains(name))) {
					return i;
				}
			}
		}
		return 0;
	}

}
