package org.fupin.neo4j;

import org.fupin.graphql.LoadProperties;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Begins the embedded DBMS's start as soon as the application's configuration is read,
 * before Spring reads its bean definitions (component scan, auto-configuration), and
 * hands the start to the context, where {@link EmbeddedNeo4jConfiguration} takes it over
 * when its settings are the context's. Added by {@code Application.main} only: tests and
 * other contexts start their DBMS from the context itself.
 *
 * <p>
 * Nothing starts early when an external server is configured ({@code spring.neo4j.uri}),
 * or when the offline import ({@code app.bulk.mode=IMPORT}) is to write the store's files
 * before the DBMS opens them.
 */
public class EmbeddedNeo4jEarlyStart implements ApplicationListener<ApplicationEvent> {

	private EmbeddedNeo4jStart start;

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			begin(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationPreparedEvent prepared && this.start != null) {
			EmbeddedNeo4jConfiguration.register(prepared.getApplicationContext().getBeanFactory(), this.start);
			this.start = null;
		}
		else if (event instanceof ApplicationFailedEvent && this.start != null) {
			this.start.destroy();
			this.start = null;
		}
	}

	private void begin(ConfigurableEnvironment environment) {
		if (StringUtils.hasText(environment.getProperty("spring.neo4j.uri"))
				|| "IMPORT".equalsIgnoreCase(environment.getProperty("app.bulk.mode"))) {
			return;
		}
		Binder binder = Binder.get(environment);
		EmbeddedNeo4jProperties properties = binder.bindOrCreate("app.neo4j.embedded", EmbeddedNeo4jProperties.class);
		LoadProperties load = binder.bindOrCreate("app.load", LoadProperties.class);
		this.start = new EmbeddedNeo4jStart(EmbeddedNeo4jStart.Settings.of(properties, load, environment));
		this.start.beginInBackground();
	}

}
