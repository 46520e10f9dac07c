package org.fupin.account;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.fupin.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LocalTokensTests {

	private static final Account CLERK = new Account("clerk.zhou", Set.of(Role.AUDITOR), "520402", null, false, true,
			OffsetDateTime.of(2026, 3, 31, 9, 0, 0, 0, ZoneOffset.UTC), "admin", null);

	private static final Duration LIFETIME = Duration.ofMinutes(15);

	@TempDir
	Path dir;

	@Test
	void instancesGivenOneKeyAcceptTheTokensTheOthersIssued() throws Exception {
		FileSystemResource key = new FileSystemResource(pem("shared.pem", 2048));
		LocalTokens one = new LocalTokens(LIFETIME, key);
		LocalTokens other = new LocalTokens(LIFETIME, key);

		Jwt token = other.issuer().decoder().decode(one.issue(CLERK));

		assertThat(token.getSubject()).isEqualTo("clerk.zhou");
		assertThat(token.getClaimAsString("iss")).isEqualTo(LocalTokens.ISSUER);
		assertThat(token.getClaimAsStringList("roles")).containsExactly("AUDITOR");
		assertThat(token.getClaimAsString("place")).isEqualTo("520402");
		assertThat(token.getHeaders().get("kid"))
			.isEqualTo(one.issuer().decoder().decode(other.issue(CLERK)).getHeaders().get("kid"));
	}

	@Test
	void instancesWithKeysOfTheirOwnAcceptOnlyTheirOwnTokens() {
		LocalTokens one = new LocalTokens(LIFETIME, null);
		LocalTokens other = new LocalTokens(LIFETIME, null);
		String token = one.issue(CLERK);

		assertThat(one.issuer().decoder().decode(token).getSubject()).isEqualTo("clerk.zhou");
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> other.issuer().decoder().decode(token))
			.withMessageContaining("signature");
	}

	@Test
	void aKeyThatCannotSignStopsTheStartAndSaysWhy() throws Exception {
		Path missing = this.dir.resolve("missing.pem");
		assertThatIllegalStateException().isThrownBy(() -> new LocalTokens(LIFETIME, new FileSystemResource(missing)))
			.withMessageStartingWith("app.security.local-accounts.signing-key: no RSA signing key in file [" + missing
					+ "] (no such file)")
			.withMessageEndingWith("It must be an unencrypted PKCS#8 PEM file (-----BEGIN PRIVATE KEY-----) of "
					+ "at least 2048 bits, such as `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072` "
					+ "writes.");

		Path publicKey = Files.writeString(this.dir.resolve("public.pem"),
				"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----\n");
		assertThatIllegalStateException().isThrownBy(() -> new LocalTokens(LIFETIME, new FileSystemResource(publicKey)))
			.withMessageContaining("(Key is not in PEM-encoded PKCS#8 format");

		Path shortKey = pem("short.pem", 1024);
		assertThatIllegalStateException().isThrownBy(() -> new LocalTokens(LIFETIME, new FileSystemResource(shortKey)))
			.withMessageContaining("(the key has 1024 bits, fewer than 2048)");
	}

	@Test
	void theKeyIsNamedByWhereItIs() throws IOException {
		LocalAccountsProperties properties = new Binder(new MapConfigurationPropertySource(
				Map.of("app.security.local-accounts.signing-key", "file:/run/secrets/token-key.pem")))
			.bindOrCreate("app.security.local-accounts", LocalAccountsProperties.class);

		assertThat(properties.signingKey().getURI()).isEqualTo(URI.create("file:/run/secrets/token-key.pem"));
		assertThat(new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("app.security.local-accounts", LocalAccountsProperties.class)
			.signingKey()).isNull();
	}

	/**
	 * An RSA private key of {@code bits} in PKCS#8 PEM, as {@code openssl genpkey} writes
	 * one.
	 */
	private Path pem(String name, int bits) throws GeneralSecurityException, IOException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(bits);
		byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
		String text = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END PRIVATE KEY-----\n";
		return Files.writeString(this.dir.resolve(name), text, StandardCharsets.US_ASCII);
	}

}
