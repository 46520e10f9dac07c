package org.fupin.console;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * The system's headless Chromium driven through its chromedriver, recording every request
 * the page makes (Chrome's performance log of DevTools {@code Network} events) and every
 * console message, so a test can fail on a request to another host or a console error.
 * Without a browser on the machine the tests are skipped, except in CI ({@code CI=true}),
 * where they fail.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ChromeDriver driver;

	private final Path profile;

	private final String origin;

	private final List<String> requests = new ArrayList<>();

	private final List<String> consoleErrors = new ArrayList<>();

	private Browser(ChromeDriver driver, Path profile, String origin) {
		this.driver = driver;
		this.profile = profile;
		this.origin = origin;
	}

	/** A fresh browser (new profile) for pages under {@code http://localhost:port}. */
	static Browser open(int port) throws IOException {
		return open(port, "localhost");
	}

	/** A fresh browser (new profile) for pages under {@code http://host:port}. */
	static Browser open(int port, String host) throws IOException {
		Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
		Optional<Path> chromedriver = executable("chromedriver");
		if (chromium.isEmpty() || chromedriver.isEmpty()) {
			String message = "The console tests need Chromium and its chromedriver on the PATH"
					+ " (Debian: apt-get install chromium chromium-driver fonts-noto-cjk).";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(message);
			}
			Assumptions.abort(message);
		}
		Path profile = Files.createTempDirectory("fupin-console-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.get().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=zh-CN");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromedriver.get().toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return new Browser(driver, profile, "http://" + host + ":" + port);
	}

	private static Optional<Path> executable(String... names) {
		String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
		return Stream.of(names)
			.flatMap((name) -> Stream.of(path.split(File.pathSeparator)).map((dir) -> Path.of(dir, name)))
			.filter(Files::isExecutable)
			.findFirst();
	}

	WebDriver driver() {
		return this.driver;
	}

	String origin() {
		return this.origin;
	}

	/**
	 * Loads a page of the application, e.g. {@code /#/dashboard}, and waits for the
	 * console to be ready.
	 */
	void load(String path) {
		this.driver.get(this.origin + path);
	}

	/** Moves the console to another view (#/...) and waits until it has drawn it. */
	void go(String hash) {
		script("delete document.getElementById('main').dataset.ready; window.location.hash = arguments[0];", hash);
		awaitReady();
	}

	/** Waits until the console has drawn its view (data and charts). */
	void awaitReady() {
		await().until((d) -> Boolean.TRUE.equals(
				script("const m = document.getElementById('main'); return m != null && m.dataset.ready === 'true';")));
	}

	WebDriverWait await() {
		return new WebDriverWait(this.driver, Duration.ofSeconds(60));
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	/** The text of an element, visible or not (textContent). */
	String text(String css) {
		return (String) script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
	}

	/** The rows of a table as lists of cell texts (textContent), header excluded. */
	@SuppressWarnings("unchecked")
	List<List<String>> rows(String css) {
		return (List<List<String>>) script("""
				const t = document.querySelector(arguments[0]);
				if (!t) { return null; }
				return [...t.querySelectorAll('tbody tr')].map((r) => [...r.cells].map((c) => c.textContent));
				""", css);
	}

	void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		// The whole page: grow the window to the document's height first.
		Long height = (Long) script("return Math.max(document.body.scrollHeight, 800);");
		this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, (int) Math.min(height, 6000)));
		script("return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));");
		byte[] png = this.driver.getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
		this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
	}

	/** Every URL the page requested so far. */
	List<String> requests() {
		drain();
		return List.copyOf(this.requests);
	}

	/**
	 * Console messages of level SEVERE so far (errors, refused resources, CSP
	 * violations).
	 */
	List<String> consoleErrors() {
		drain();
		return List.copyOf(this.consoleErrors);
	}

	/**
	 * Requests that went anywhere but this application. URLs that stay inside the browser
	 * (data:, blob:, and chrome: and chrome-untrusted: for its own new-tab page before
	 * the first navigation, which Chromium 150 fills from
	 * chrome-untrusted://new-tab-page/) are not requests to a host.
	 */
	List<String> foreignRequests() {
		return requests().stream().filter((url) -> !sameOrigin(url)).toList();
	}

	private boolean sameOrigin(String url) {
		URI uri = URI.create(url);
		if (List.of("data", "blob", "chrome", "chrome-untrusted", "about").contains(uri.getScheme())) {
			return true;
		}
		return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).equals(this.origin);
	}

	private void drain() {
		for (LogEntry entry : this.driver.manage().logs().get(LogType.PERFORMANCE)) {
			try {
				JsonNode message = JSON.readTree(entry.getMessage()).path("message");
				if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
					this.requests.add(message.path("params").path("request").path("url").asText());
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Unreadable performance log entry: " + entry.getMessage(), ex);
			}
		}
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
				this.consoleErrors.add(entry.getMessage());
			}
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

}
