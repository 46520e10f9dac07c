package org.fupin.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct document once: clients send the same few documents
 * over and over, and parsing and validating them took a visible share of a small request.
 * Documents, not results, are kept: a document is valid against the schema whoever sends
 * it and whatever its variables, so nothing a caller may see depends on the cache. Only
 * valid documents are kept (an invalid one answers its errors, in the caller's language,
 * each time), in a bounded cache ({@code app.graphql.document-cache-size}, Caffeine's
 * size-based eviction). The access checks run per request after it, as before; the
 * operation limits ({@code QueryLimits}) are compared per request against figures kept
 * per document.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache {

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache(@Value("${app.graphql.document-cache-size:1000}") long size) {
		PreparsedDocumentProvider provider = new Provider(size);
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(provider));
	}

	/** The cache as graphql-java asks for it, keyed by the document's text. */
	static final class Provider implements PreparsedDocumentProvider {

		private final Cache<String, PreparsedDocumentEntry> documents;

		Provider(long size) {
			this.documents = Caffeine.newBuilder().maximumSize(size).build();
		}

		@Override
		public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
				Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
			PreparsedDocumentEntry entry = this.documents.getIfPresent(input.getQuery());
			if (entry == null) {
				entry = parseAndValidate.apply(input);
				if (!entry.hasErrors()) {
					this.documents.put(input.getQuery(), entry);
				}
			}
			return CompletableFuture.completedFuture(entry);
		}

		long size() {
			return this.documents.estimatedSize();
		}

	}

}
