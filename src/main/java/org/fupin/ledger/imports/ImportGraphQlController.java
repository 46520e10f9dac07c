package org.fupin.ledger.imports;

import graphql.schema.DataFetchingEnvironment;
import org.fupin.graphql.Connection;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.PageRequest;
import org.fupin.ledger.read.ReportLine;
import org.fupin.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Ledger imports through GraphQL: the jobs, their reports, commit and cancel. */
@Controller
class ImportGraphQlController {

	private final LedgerImports imports;

	private final GraphQlProperties properties;

	ImportGraphQlController(LedgerImports imports, GraphQlProperties properties) {
		this.imports = imports;
		this.properties = properties;
	}

	@QueryMapping
	ImportJob ledgerImport(@Argument String id, @ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return this.imports.job(id, caller);
	}

	@QueryMapping
	Connection<ImportJob> ledgerImports(@Argument Integer first, @Argument String after,
			@ContextValue(Caller.CONTEXT_KEY) Caller caller, DataFetchingEnvironment env) {
		return this.imports.jobs(PageRequest.of(first, after, this.properties.maxPageSize()), caller,
				FieldSelections.of(env).contains("totalCount"));
	}

	@QueryMapping
	Connection<ReportLine> ledgerImportReport(@Argument String id, @Argument Integer first, @Argument String after,
			@ContextValue(Caller.CONTEXT_KEY) Caller caller, DataFetchingEnvironment env) {
		return this.imports.report(id, PageRequest.of(first, after, this.properties.maxPageSize()), caller,
				FieldSelections.of(env).contains("totalCount"));
	}

	@MutationMapping
	ImportJob commitLedgerImport(@Argument String id, @ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return this.imports.commit(id, caller);
	}

	@MutationMapping
	ImportJob cancelLedgerImport(@Argument String id, @ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return this.imports.cancel(id, caller);
	}

}
