package org.fupin.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run by the build after the jar is packed: packs every library that its publisher signed
 * without the signature. Eclipse Collections, which Neo4j's kernel uses throughout, is
 * the one such library today.
 *
 * <p>
 * A signed jar costs every start twice: the JVM checks the digest of each class it loads
 * from it against a manifest of 740 kB, and class data sharing leaves its classes out of
 * the archive (746 of them), so they are parsed and verified again. Packed unsigned, the
 * embedded Neo4j started in 3.0 s instead of 4.8 s with class data sharing and in 8.6 s
 * instead of 10.2 s without (docs/benchmarks.md, "Start-up"). Nothing checks the
 * signature at run time: the build takes the jars from Maven Central by their checksums,
 * and the classes stay byte for byte the same.
 *
 * <p>
 * A library loses its signature files and the per-entry digests of its manifest; its
 * manifest's main attributes and every other entry are kept as they were. The jar is
 * rewritten beside itself and moved into place, and left alone when no library is signed.
 *
 * <p>
 * Argument: the packed jar.
 */
public final class UnsignedLibraries {

	private static final Logger log = LoggerFactory.getLogger(UnsignedLibraries.class);

	/** Where a Spring Boot jar keeps its libraries. */
	private static final String LIBRARIES = "BOOT-INF/lib/";

	private UnsignedLibraries() {
	}

	public static void main(String[] args) throws IOException {
		Path jar = Path.of(args[0]);
		List<String> unsigned = unsign(jar);
		if (unsigned.isEmpty()) {
			log.info("No library in {} is signed", jar);
		}
		else {
			log.info("Packed without their signatures in {}: {}", jar, unsigned);
		}
	}

	/**
	 * Rewrites {@code jar} with its signed libraries unsigned.
	 * @return the names of the libraries that were signed, in the jar's order
	 */
	static List<String> unsign(Path jar) throws IOException {
		Path rewritten = jar.resolveSibling(jar.getFileName() + ".unsigning");
		List<String> unsigned = new ArrayList<>();
		try (ZipFile in = ZipFile.builder().setPath(jar).get();
				ZipArchiveOutputStream out = new ZipArchiveOutputStream(rewritten)) {
			for (ZipArchiveEntry entry : Collections.list(in.getEntriesInPhysicalOrder())) {
				byte[] library = isLibrary(entry) ? withoutSignature(in.getInputStream(entry).readAllBytes()) : null;
				if (library == null) {
					out.addRawArchiveEntry(entry, in.getRawInputStream(entry));
					continue;
				}
				// A library stays stored, not compressed: Spring Boot's loader reads it
				// in place.
				ZipArchiveEntry plain = new ZipArchiveEntry(entry);
				plain.setMethod(ZipEntry.STORED);
				plain.setSize(library.length);
				plain.setCompressedSize(library.length);
				plain.setCrc(crc(library));
				out.putArchiveEntry(plain);
				out.write(library);
				out.closeArchiveEntry();
				unsigned.add(entry.getName().substring(LIBRARIES.length()));
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(rewritten);
			throw ex;
		}
		if (unsigned.isEmpty()) {
			Files.delete(rewritten);
		}
		else {
			Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		return unsigned;
	}

	/** Whether the entry is a library of a Spring Boot jar. */
	static boolean isLibrary(ZipArchiveEntry entry) {
		return entry.getName().startsWith(LIBRARIES) && entry.getName().endsWith(".jar");
	}

	/** The library without its signature, or {@code null} if it is not signed. */
	static byte[] withoutSignature(byte[] library) throws IOException {
		try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(library)).get()) {
			List<ZipArchiveEntry> entries = Collections.list(in.getEntriesInPhysicalOrder());
			if (entries.stream().noneMatch((entry) -> isSignature(entry.getName()))) {
				return null;
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(library.length);
			try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
				for (ZipArchiveEntry entry : entries) {
					if (isSignature(entry.getName())) {
						continue;
					}
					if (JarFile.MANIFEST_NAME.equalsIgnoreCase(entry.getName())) {
						byte[] manifest = mainAttributes(in.getInputStream(entry));
						ZipArchiveEntry main = new ZipArchiveEntry(JarFile.MANIFEST_NAME);
						main.setTime(entry.getTime());
						out.putArchiveEntry(main);
						out.write(manifest);
						out.closeArchiveEntry();
						continue;
					}
					out.addRawArchiveEntry(entry, in.getRawInputStream(entry));
				}
			}
			return bytes.toByteArray();
		}
	}

	/**
	 * A file of a jar's signature ({@code JarFile}'s rule): directly in
	 * {@code META-INF/}, named {@code *.SF}, {@code *.DSA}, {@code *.RSA}, {@code *.EC}
	 * or {@code SIG-*}.
	 */
	static boolean isSignature(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
			return false;
		}
		String file = upper.substring("META-INF/".length());
		return file.endsWith(".SF") || file.endsWith(".DSA") || file.endsWith(".RSA") || file.endsWith(".EC")
				|| file.startsWith("SIG-");
	}

	/** The manifest with its main attributes only: the per-entry digests go. */
	private static byte[] mainAttributes(InputStream manifest) throws IOException {
		Manifest read = new Manifest(manifest);
		read.getEntries().clear();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		read.write(bytes);
		return bytes.toByteArray();
	}

	private static long crc(byte[] bytes) {
		CRC32 crc = new CRC32();
		crc.update(bytes);
		return crc.getValue();
	}

}
