package org.fupin.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ledgers (台账) a county keeps and the platform takes in, each described once: the
 * columns a clerk fills and the columns that identify a row, so that a file naming the
 * same thing twice is caught before anything is checked against the graph. Where a ledger
 * also goes out ({@link Ledger}), it has the same columns, so an exported ledger comes
 * back in unchanged.
 */
public enum LedgerForm {

	/** 扶贫项目资产台账: one row per asset, its current owners and custody. */
	ASSETS("assets", Ledger.ASSETS.title(), Ledger.ASSETS.columns(), List.of("registerNo"));

	private final String slug;

	private final String title;

	private final List<LedgerColumn> columns;

	private final List<String> key;

	LedgerForm(String slug, String title, List<LedgerColumn> columns, List<String> key) {
		this.slug = slug;
		this.title = title;
		this.columns = List.copyOf(columns);
		this.key = List.copyOf(key);
	}

	/** The ledger's name in URLs: {@code /ledgers/<slug>/imports}. */
	public String slug() {
		return this.slug;
	}

	/** The Chinese title. */
	public String title() {
		return this.title;
	}

	public List<LedgerColumn> columns() {
		return this.columns;
	}

	/**
	 * The fields whose values name one row's subject; no two rows of a file share them.
	 */
	public List<String> key() {
		return this.key;
	}

	public static Optional<LedgerForm> ofSlug(String slug) {
		return Arrays.stream(values()).filter((form) -> form.slug.equals(slug)).findFirst();
	}

}
