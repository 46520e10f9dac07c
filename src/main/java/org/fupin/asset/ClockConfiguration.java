package org.fupin.asset;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What "today" is: the date in China, or the fixed date {@code app.today} (yyyy-MM-dd)
 * when set, so that "current owner", "long idle" and other date rules answer exactly in
 * tests and in audits re-run as of a reporting date.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Bean
	@ConditionalOnMissingBean
	Clock clock(@Value("${app.today:}") String today) {
		if (today.isBlank()) {
			return Clock.system(CHINA);
		}
		return Clock.fixed(LocalDate.parse(today).atStartOfDay(CHINA).toInstant(), CHINA);
	}

}
