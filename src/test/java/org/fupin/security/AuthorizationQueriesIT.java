package org.fupin.security;

import java.util.Map;

import org.fupin.IntegrationTest;
import org.fupin.security.AuthorizationIT.Row;
import org.fupin.security.AuthorizationIT.Who;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fupin.security.AuthorizationIT.QUERIES;
import static org.fupin.security.AuthorizationIT.SAME;
import static org.fupin.security.AuthorizationIT.assertRefused;
import static org.fupin.security.AuthorizationIT.assertValue;

/**
 * The query half of the authorisation table ({@link AuthorizationIT#QUERIES}), on the
 * read-only seeded store, where no other test changes the values.
 */
class AuthorizationQueriesIT extends IntegrationTest {

	@Test
	void everyQueryFieldAnswersEachCallerExactly() {
		Map<Who, HttpGraphQlTester> callers = AuthorizationIT.callers(this::as, anonymous());
		for (Row row : QUERIES) {
			Object expected = row.value();
			if (expected == SAME) {
				expected = callers.get(Who.ADMIN)
					.document(row.document())
					.execute()
					.path(row.path())
					.entity(Object.class)
					.get();
				assertThat(expected).as(row.document()).isNotNull();
			}
			for (Who who : Who.values()) {
				char outcome = row.outcomes().charAt(who.ordinal());
				GraphQlTester.Response response = callers.get(who).document(row.document()).execute();
				String what = who + " " + row.document();
				switch (outcome) {
					case 'A' -> assertValue(response, row.path(), expected, what);
					case 'M' -> assertValue(response, row.path(), row.masked(), what);
					default -> assertRefused(response, outcome, what);
				}
			}
		}
	}

}
