package org.fupin.account;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LockoutTests {

	private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 31, 9, 0, 0, 0, ZoneOffset.UTC);

	private final Lockout lockout = new Lockout(3, Duration.ofMinutes(15));

	@Test
	void theThirdFailureInARowLocksForTheDurationAndStartsTheCountAgain() {
		assertThat(this.lockout.fail(0, NOW)).isEqualTo(new Lockout.State(1, null));
		assertThat(this.lockout.fail(1, NOW)).isEqualTo(new Lockout.State(2, null));
		assertThat(this.lockout.fail(2, NOW)).isEqualTo(new Lockout.State(0, NOW.plusMinutes(15)));
	}

	@Test
	void aLockEndsAtItsEnd() {
		OffsetDateTime until = NOW.plusMinutes(15);
		assertThat(Lockout.locked(until, NOW)).isTrue();
		assertThat(Lockout.locked(until, until.minusNanos(1))).isTrue();
		assertThat(Lockout.locked(until, until)).isFalse();
		assertThat(Lockout.locked(null, NOW)).isFalse();
	}

	@Test
	void aRuleThatCannotLockIsRefusedAtStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Lockout(0, Duration.ofMinutes(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Lockout(5, Duration.ZERO));
	}

}
