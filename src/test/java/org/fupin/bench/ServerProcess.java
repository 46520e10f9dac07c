package org.fupin.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The platform in a JVM of its own, started from the packaged jar: the benchmark's client
 * threads, histograms and garbage never share the server's heap, collector or JIT, and
 * the server gets exactly the heap and page cache it is documented with.
 */
final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final int httpPort;

	private final int boltPort;

	private final Path log;

	private ServerProcess(Process process, int httpPort, int boltPort, Path log) {
		this.process = process;
		this.httpPort = httpPort;
		this.boltPort = boltPort;
		this.log = log;
	}

	/** Whether a store is already there: a directory that is not empty. */
	static boolean holdsStore(Path dataDir) throws IOException {
		if (!Files.isDirectory(dataDir)) {
			return false;
		}
		try (Stream<Path> entries = Files.list(dataDir)) {
			return entries.findAny().isPresent();
		}
	}

	/**
	 * Generates and loads the national dataset at {@code scale} into {@code dataDir} (the
	 * loader's own progress shows on this console), then waits for it to exit.
	 */
	static void load(Path jar, Path dataDir, double scale, String heap, String pageCache)
			throws IOException, InterruptedException {
		List<String> command = java(jar, heap);
		command.addAll(List.of("--app.bulk.scale=" + scale, "--app.seed.enabled=false",
				"--app.neo4j.embedded.data-dir=" + dataDir, "--app.neo4j.embedded.page-cache=" + pageCache,
				"--app.neo4j.embedded.bolt-port=0", "--server.port=0"));
		Process process = new ProcessBuilder(command).inheritIO().start();
		int exit = process.waitFor();
		if (exit != 0) {
			throw new IllegalStateException("The bulk load exited with " + exit + "; see its output above");
		}
	}

	/**
	 * Starts the platform on an existing store (the seed stays off) on free ports, its
	 * output in {@code log}, and waits until it answers HTTP.
	 * @param extraArgs more application arguments ({@code --name=value})
	 */
	static ServerProcess start(Path jar, Path dataDir, String heap, String pageCache, List<String> extraArgs, Path log,
			Duration timeout) throws IOException, InterruptedException {
		return start(jar, dataDir, false, heap, pageCache, extraArgs, log, timeout);
	}

	/**
	 * Starts the platform as above; with {@code seed}, on the seed store (loaded first
	 * when {@code dataDir} is empty).
	 */
	static ServerProcess start(Path jar, Path dataDir, boolean seed, String heap, String pageCache,
			List<String> extraArgs, Path log, Duration timeout) throws IOException, InterruptedException {
		int httpPort = freePort();
		int boltPort = freePort();
		List<String> command = java(jar, heap);
		command.addAll(List.of("--app.seed.enabled=" + seed, "--app.neo4j.embedded.data-dir=" + dataDir,
				"--app.neo4j.embedded.page-cache=" + pageCache, "--app.neo4j.embedded.bolt-port=" + boltPort,
				"--server.port=" + httpPort));
		command.addAll(extraArgs);
		Files.createDirectories(log.toAbsolutePath().getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// Interrupted (Ctrl-C), the benchmark still stops the server, which holds the
		// store's lock and its ports.
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		ServerProcess server = new ServerProcess(process, httpPort, boltPort, log);
		server.awaitHttp(timeout);
		return server;
	}

	URI graphQl() {
		return URI.create("http://127.0.0.1:" + this.httpPort + "/graphql");
	}

	String bolt() {
		return "bolt://127.0.0.1:" + this.boltPort;
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * Resident and peak resident memory in KiB (Linux {@code /proc}); empty elsewhere.
	 */
	String memory() {
		Path status = Path.of("/proc", String.valueOf(this.process.pid()), "status");
		try (Stream<String> lines = Files.lines(status)) {
			return String.join(", ",
					lines.filter((l) -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
						.map((l) -> l.replaceAll("\\s+", " "))
						.toList());
		}
		catch (IOException | UncheckedIOException ex) {
			return "";
		}
	}

	@Override
	public void close() throws InterruptedException {
		// SIGTERM: Spring shuts down and Neo4j closes its store cleanly.
		this.process.destroy();
		if (!this.process.waitFor(120, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	private void awaitHttp(Duration timeout) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI health = URI.create("http://127.0.0.1:" + this.httpPort + "/actuator/health");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The server exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				// Any answer means the web server is up: the store and Bolt start before
				// it.
				http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (ConnectException | java.net.http.HttpTimeoutException ex) {
				Thread.sleep(1000);
			}
		}
		close();
		throw new IllegalStateException("The server did not answer within " + timeout + "; see " + this.log);
	}

	private static List<String> java(Path jar, String heap) {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-jar", jar.toString()));
		return command;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
