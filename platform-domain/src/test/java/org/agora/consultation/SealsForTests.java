package org.agora.consultation;

import java.security.SecureRandom;
import java.util.Base64;

/** A sealing key made afresh for each test run, as an operator would make theirs. */
final class SealsForTests {

    static final ResponseSeal SEAL = ResponseSeal.fromBase64(newKey());

    private SealsForTests() {
    }

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
