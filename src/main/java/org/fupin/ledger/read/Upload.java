package org.fupin.ledger.read;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * A ledger file as the platform keeps it while it is imported: spooled to disk, so that a
 * dry run and the commit read the same bytes and nothing is held in memory.
 *
 * @param fileName the name the file was sent under; its extension says how to read it
 * @param file where its bytes are
 * @param charset the encoding of a CSV file as chosen by the person uploading it, or
 * {@code null} to detect it
 */
public record Upload(String fileName, Path file, Charset charset) {
}
