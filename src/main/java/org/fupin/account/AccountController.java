package org.fupin.account;

import graphql.schema.DataFetchingEnvironment;
import org.fupin.graphql.ApiException;
import org.fupin.graphql.Connection;
import org.fupin.graphql.ErrorCode;
import org.fupin.graphql.FieldSelections;
import org.fupin.graphql.GraphQlProperties;
import org.fupin.graphql.PageRequest;
import org.fupin.security.Caller;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Local accounts through GraphQL: listed, created and disabled by an ADMIN. */
@Controller
class AccountController {

	private final AccountService accounts;

	private final GraphQlProperties properties;

	AccountController(AccountService accounts, GraphQlProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@QueryMapping
	Connection<Account> accounts(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
		PageRequest page = PageRequest.of(first, after, this.properties.maxPageSize());
		return this.accounts.accounts(page, FieldSelections.of(env).contains("totalCount"));
	}

	@MutationMapping
	Account createAccount(@Argument CreateAccountInput input, @ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		try {
			return this.accounts.create(input, caller);
		}
		catch (DataIntegrityViolationException ex) {
			// Another administrator created the same name between our check and our
			// write;
			// the unique constraint refused the second, which rolled back whole.
			throw new ApiException(ErrorCode.CONFLICT, "input.name",
					"An account named " + input.name() + " exists already; choose another name.");
		}
	}

	@MutationMapping
	Account disableAccount(@Argument String name, @ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return this.accounts.disable(name, caller);
	}

	@MutationMapping
	Account changePassword(@Argument String currentPassword, @Argument String newPassword,
			@ContextValue(Caller.CONTEXT_KEY) Caller caller) {
		return this.accounts.changePassword(currentPassword, newPassword, caller);
	}

}
