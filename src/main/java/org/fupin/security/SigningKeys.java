package org.fupin.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

/** The RSA keys that this application's own issuers sign their tokens with. */
public final class SigningKeys {

	/** The shortest RSA key that RS256 may sign with (RFC 7518, section 3.3). */
	public static final int MIN_BITS = 2048;

	private SigningKeys() {
	}

	/** A new private key of {@link #MIN_BITS} bits. */
	public static RSAPrivateCrtKey newPrivateKey() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(MIN_BITS);
		return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
	}

	/**
	 * The signing key of {@code privateKey}: its public part, and a key id made from its
	 * thumbprint, so that every process holding the same private key names it the same.
	 */
	public static RSAKey of(RSAPrivateCrtKey privateKey) throws GeneralSecurityException, JOSEException {
		RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
		return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
	}

}
