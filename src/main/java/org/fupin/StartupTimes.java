package org.fupin;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The suffix of the start-up log line of each phase (the embedded Neo4j, the migrations,
 * the seed, the dashboard rollups): how long the JVM has been up and how much CPU the
 * process has used so far. On a shared machine the CPU time says what a phase costs, the
 * wall-clock time mostly what the neighbours cost.
 */
public final class StartupTimes {

	private StartupTimes() {
	}

	/** {@code "JVM up 12345 ms, process CPU 23456 ms"}. */
	public static String now() {
		return "JVM up " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms, process CPU "
				+ Duration.ofNanos(processCpuNanos()).toMillis() + " ms";
	}

	/**
	 * CPU time the whole process has used (the embedded database's threads and the
	 * compilers among them), in nanoseconds, or 0 where the JVM does not tell.
	 */
	public static long processCpuNanos() {
		return (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
				? os.getProcessCpuTime() : 0;
	}

}
