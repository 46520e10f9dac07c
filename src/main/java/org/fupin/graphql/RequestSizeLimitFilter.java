package org.fupin.graphql;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops reading a GraphQL request body past {@code app.graphql.max-request-bytes}, also
 * when the client sent no {@code Content-Length} (chunked): the read fails with
 * {@link TooLarge}, which {@link GraphQlHttpRoutes} answers with 413.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final String path;

	RequestSizeLimitFilter(GraphQlProperties limits,
			org.springframework.boot.autoconfigure.graphql.GraphQlProperties boot) {
		this.maxBytes = limits.maxRequestBytes();
		this.path = boot.getHttp().getPath();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.path.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public ServletInputStream getInputStream() throws IOException {
				return new Limited(super.getInputStream(), RequestSizeLimitFilter.this.maxBytes);
			}
		}, response);
	}

	/** The body is larger than the limit. */
	static final class TooLarge extends IOException {

		TooLarge(long maxBytes) {
			super("Request body larger than " + maxBytes + " bytes");
		}

	}

	private static final class Limited extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long read;

		Limited(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLarge {
			this.read += n;
			if (this.read > this.maxBytes) {
				throw new TooLarge(this.maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
