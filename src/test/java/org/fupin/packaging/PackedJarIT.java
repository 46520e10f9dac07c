package org.fupin.packaging;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar the build packed (run after it is packed): no library in it is signed. */
class PackedJarIT {

	@Test
	void itsLibrariesAreStoredAndNoneIsSigned() throws IOException {
		try (ZipFile packed = ZipFile.builder().setPath(PackedJar.path()).get()) {
			List<ZipArchiveEntry> libraries = Collections.list(packed.getEntries())
				.stream()
				.filter(UnsignedLibraries::isLibrary)
				.toList();
			assertThat(libraries).extracting(ZipArchiveEntry::getName)
				.contains("BOOT-INF/lib/eclipse-collections-11.1.0.jar",
						"BOOT-INF/lib/eclipse-collections-api-11.1.0.jar");
			for (ZipArchiveEntry library : libraries) {
				assertThat(library.getMethod()).as(library.getName()).isEqualTo(ZipEntry.STORED);
				byte[] bytes = packed.getInputStream(library).readAllBytes();
				try (ZipFile inner = ZipFile.builder()
					.setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
					.get()) {
					assertThat(Collections.list(inner.getEntries())).as(library.getName())
						.extracting(ZipArchiveEntry::getName)
						.noneMatch(UnsignedLibraries::isSignature);
				}
			}
		}
	}

}
