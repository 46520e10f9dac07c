package org.fupin.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark's peer, {@code @neo4j/graphql} on Apollo Server ({@code bench/peer}), in
 * a Node.js process of its own reading the platform's store over Bolt. Its packages are
 * installed from the committed lock file ({@code npm ci}) the first time; they are a
 * measuring tool, not part of the application's build.
 */
final class PeerProcess implements AutoCloseable {

	private final Process process;

	private final URI uri;

	private PeerProcess(Process process, URI uri) {
		this.process = process;
		this.uri = uri;
	}

	/**
	 * Installs the peer's packages when absent, starts it on a free port against
	 * {@code boltUri} and waits until it says it listens.
	 */
	static PeerProcess start(Path directory, String boltUri, Path log, Duration timeout)
			throws IOException, InterruptedException {
		if (!Files.isDirectory(directory.resolve("node_modules"))) {
			Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(directory.toFile())
				.inheritIO()
				.start();
			if (npm.waitFor() != 0) {
				throw new IllegalStateException("npm ci in " + directory + " exited with " + npm.exitValue());
			}
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Files.createDirectories(log.toAbsolutePath().getParent());
		ProcessBuilder builder = new ProcessBuilder("node", "server.mjs").directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("BOLT_URL", boltUri);
		builder.environment().put("PORT", String.valueOf(port));
		builder.environment().put("NODE_ENV", "production");
		Process process = builder.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		PeerProcess peer = new PeerProcess(process, URI.create("http://127.0.0.1:" + port + "/"));
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The peer exited with " + process.exitValue() + "; see " + log);
			}
			if (Files.readString(log).contains("peer listening on")) {
				return peer;
			}
			Thread.sleep(500);
		}
		peer.close();
		throw new IllegalStateException("The peer did not listen within " + timeout + "; see " + log);
	}

	URI graphQl() {
		return this.uri;
	}

	long pid() {
		return this.process.pid();
	}

	/** Resident and peak resident memory (Linux {@code /proc}); empty elsewhere. */
	String memory() {
		try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(this.process.pid()), "status"))) {
			List<String> found = lines.filter((l) -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
				.map((l) -> l.replaceAll("\\s+", " "))
				.toList();
			return String.join(", ", found);
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
