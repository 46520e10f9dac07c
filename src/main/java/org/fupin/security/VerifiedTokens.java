package org.fupin.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens its decoder accepted, so a client that sends the same bearer token
 * with every request pays for the RSA signature check and the claim conversion once per
 * token, not once per request. Keyed by the whole token text: a token changed in any
 * character (claims or signature) is another key and goes to the decoder, which refuses
 * it. An entry is used only while {@code now} is before the token's {@code exp}; after
 * that the token goes to the decoder again, which answers as it always does (expired:
 * refused). Tokens without {@code exp} and refused tokens are never kept. The cache is
 * bounded ({@code app.security.verified-token-cache-size}, Caffeine's size-based
 * eviction), so many distinct tokens only cost their checks, as before.
 *
 * <p>
 * Nothing is lost by remembering: a bearer token of this application cannot be revoked
 * before its {@code exp} (a disabled account's tokens run out with their lifetime), and
 * the caller's roles, place and grant come from the token's claims, which the key fixes.
 */
final class VerifiedTokens implements JwtDecoder {

	private final JwtDecoder decoder;

	private final Clock clock;

	private final Cache<String, Jwt> accepted;

	VerifiedTokens(JwtDecoder decoder, long maximumSize, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
		this.accepted = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new UntilExpiry(clock)).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.accepted.getIfPresent(token);
		if (jwt != null && unexpired(jwt)) {
			return jwt;
		}
		if (jwt != null) {
			this.accepted.invalidate(token);
		}
		jwt = this.decoder.decode(token);
		if (jwt.getExpiresAt() != null && unexpired(jwt)) {
			this.accepted.put(token, jwt);
		}
		return jwt;
	}

	private boolean unexpired(Jwt jwt) {
		return this.clock.instant().isBefore(jwt.getExpiresAt());
	}

	long size() {
		this.accepted.cleanUp();
		return this.accepted.estimatedSize();
	}

	/**
	 * Evicts an entry when its token expires, so expired tokens do not take room; the
	 * check in {@link VerifiedTokens#decode} is what guarantees none is used past it.
	 */
	private record UntilExpiry(Clock clock) implements Expiry<String, Jwt> {

		@Override
		public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
			Duration left = Duration.between(this.clock.instant(), jwt.getExpiresAt());
			return left.isNegative() ? 0 : saturatedNanos(left);
		}

		@Override
		public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
			return expireAfterCreate(token, jwt, currentTime);
		}

		@Override
		public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

		private static long saturatedNanos(Duration duration) {
			return (duration.compareTo(Duration.ofDays(365)) > 0) ? Duration.ofDays(365).toNanos() : duration.toNanos();
		}

	}

}
