package org.fupin.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.eclipse.collections.impl.list.mutable.FastList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's rewrite of a packed jar, on Eclipse Collections as Maven Central serves it
 * (signed by the Eclipse Foundation).
 */
class UnsignedLibrariesTests {

	private static final String SIGNED = "eclipse-collections-11.1.0.jar";

	private static final String CLASS = "org/eclipse/collections/impl/list/mutable/FastList.class";

	@TempDir
	Path folder;

	@Test
	void aSignedLibraryIsPackedWithoutItsSignatureAndOtherwiseAsItWas() throws Exception {
		byte[] signed = Files.readAllBytes(signedLibrary());
		byte[] plain = plainLibrary();
		Path jar = bootJar(Map.of("BOOT-INF/classes/application.yml", "app: 扶贫".getBytes(StandardCharsets.UTF_8)),
				Map.of("BOOT-INF/lib/" + SIGNED, signed, "BOOT-INF/lib/plain.jar", plain));

		assertThat(UnsignedLibraries.unsign(jar)).containsExactly(SIGNED);

		assertThat(Files.list(this.folder).map((file) -> file.getFileName().toString())).containsExactly("app.jar");
		try (ZipFile packed = new ZipFile(jar.toFile())) {
			assertThat(names(packed)).containsExactly("BOOT-INF/", "BOOT-INF/classes/",
					"BOOT-INF/classes/application.yml", "BOOT-INF/lib/", "BOOT-INF/lib/" + SIGNED,
					"BOOT-INF/lib/plain.jar");
			assertThat(packed.getEntry("BOOT-INF/lib/" + SIGNED).getMethod()).isEqualTo(ZipEntry.STORED);
			assertThat(packed.getEntry("BOOT-INF/lib/plain.jar").getMethod()).isEqualTo(ZipEntry.STORED);
			assertThat(packed.getEntry("BOOT-INF/classes/application.yml").getMethod()).isEqualTo(ZipEntry.DEFLATED);
			assertThat(read(packed, "BOOT-INF/classes/application.yml"))
				.isEqualTo("app: 扶贫".getBytes(StandardCharsets.UTF_8));
			assertThat(read(packed, "BOOT-INF/lib/plain.jar")).isEqualTo(plain);

			Path before = this.folder.resolve("before.jar");
			Path after = this.folder.resolve("after.jar");
			Files.write(before, signed);
			Files.write(after, read(packed, "BOOT-INF/lib/" + SIGNED));
			try (JarFile was = new JarFile(before.toFile(), true); JarFile is = new JarFile(after.toFile(), true)) {
				assertThat(signers(was, CLASS)).isGreaterThan(0);
				assertThat(signers(is, CLASS)).isZero();
				List<String> kept = new ArrayList<>(names(was));
				kept.removeIf(UnsignedLibraries::isSignature);
				assertThat(kept).hasSize(names(was).size() - 2);
				assertThat(names(is)).isEqualTo(kept);
				for (String name : kept) {
					if (!name.equals(JarFile.MANIFEST_NAME)) {
						assertThat(read(is, name)).as(name).isEqualTo(read(was, name));
					}
					assertThat(signers(is, name)).as(name).isZero();
				}
				assertThat(was.getManifest().getEntries()).hasSizeGreaterThan(1000);
				assertThat(is.getManifest().getEntries()).isEmpty();
				assertThat(is.getManifest().getMainAttributes()).isEqualTo(was.getManifest().getMainAttributes());
			}
		}
	}

	@Test
	void aJarWithoutASignedLibraryIsLeftAlone() throws IOException {
		Path jar = bootJar(Map.of(), Map.of("BOOT-INF/lib/plain.jar", plainLibrary()));
		byte[] before = Files.readAllBytes(jar);

		assertThat(UnsignedLibraries.unsign(jar)).isEmpty();

		assertThat(Files.readAllBytes(jar)).isEqualTo(before);
		assertThat(Files.list(this.folder).map((file) -> file.getFileName().toString())).containsExactly("app.jar");
	}

	@Test
	void signatureFilesAreThoseTheJvmReadsAsSuch() {
		assertThat(List
			.of("META-INF/ECLIPSE_.SF", "META-INF/ECLIPSE_.RSA", "META-INF/a.dsa", "META-INF/b.ec", "META-INF/SIG-X")
			.stream()
			.filter(UnsignedLibraries::isSignature)).hasSize(5);
		assertThat(List.of("META-INF/MANIFEST.MF", "META-INF/maven/x/y.SF", "org/a.SF", "META-INF/SFX")
			.stream()
			.filter(UnsignedLibraries::isSignature)).isEmpty();
	}

	/** The jar of Eclipse Collections on the class path, signed as published. */
	private static Path signedLibrary() throws URISyntaxException {
		Path jar = Path.of(FastList.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		assertThat(jar.getFileName().toString()).isEqualTo(SIGNED);
		return jar;
	}

	private static byte[] plainLibrary() throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new JarOutputStream(bytes, manifest)) {
			out.putNextEntry(new ZipEntry("a/A.txt"));
			out.write("甲".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		return bytes.toByteArray();
	}

	/**
	 * A jar laid out as Spring Boot packs one: libraries stored, everything else
	 * compressed.
	 */
	private Path bootJar(Map<String, byte[]> classes, Map<String, byte[]> libraries) throws IOException {
		Path jar = this.folder.resolve("app.jar");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new ZipEntry("BOOT-INF/"));
			out.putNextEntry(new ZipEntry("BOOT-INF/classes/"));
			for (Map.Entry<String, byte[]> file : classes.entrySet()) {
				out.putNextEntry(new ZipEntry(file.getKey()));
				out.write(file.getValue());
			}
			out.putNextEntry(new ZipEntry("BOOT-INF/lib/"));
			for (Map.Entry<String, byte[]> library : new TreeMap<>(libraries).entrySet()) {
				ZipEntry entry = new ZipEntry(library.getKey());
				entry.setMethod(ZipEntry.STORED);
				entry.setSize(library.getValue().length);
				CRC32 crc = new CRC32();
				crc.update(library.getValue());
				entry.setCrc(crc.getValue());
				out.putNextEntry(entry);
				out.write(library.getValue());
			}
			out.closeEntry();
		}
		return jar;
	}

	private static List<String> names(ZipFile zip) {
		return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
	}

	private static byte[] read(ZipFile zip, String name) throws IOException {
		try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
			return in.readAllBytes();
		}
	}

	/** How many signers the JVM finds for an entry, once it has read it whole. */
	private static int signers(JarFile jar, String name) throws IOException {
		JarEntry entry = jar.getJarEntry(name);
		read(jar, name);
		return (entry.getCodeSigners() != null) ? entry.getCodeSigners().length : 0;
	}

}
