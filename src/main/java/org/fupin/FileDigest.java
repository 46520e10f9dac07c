package org.fupin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

import org.springframework.core.io.InputStreamSource;

/**
 * A short digest of files by name and content, to tell whether a store was made from the
 * same files as this start would use (the build's seeded store, the migrations a store
 * records as applied): the number of files, a dash, then the first 16 bytes of the
 * SHA-256 of a context text and of each file's name and bytes in name order, in hex.
 */
public final class FileDigest {

	private FileDigest() {
	}

	/**
	 * @param context what else the files are read with (a library's version), or empty
	 * @param files each file's name and content
	 * @throws UncheckedIOException when a file cannot be read
	 */
	public static String of(String context, SortedMap<String, ? extends InputStreamSource> files) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		digest.update(context.getBytes(StandardCharsets.UTF_8));
		for (Map.Entry<String, ? extends InputStreamSource> file : files.entrySet()) {
			digest.update((byte) 0);
			digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			try (InputStream in = file.getValue().getInputStream()) {
				digest.update(in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + file.getKey(), ex);
			}
		}
		return files.size() + "-" + HexFormat.of().formatHex(digest.digest(), 0, 16);
	}

}
