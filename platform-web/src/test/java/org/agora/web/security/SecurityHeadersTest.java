package org.agora.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.agora.web.platform.MapTiles;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void imagesComeFromThePlatformAndTheConfiguredTileServerOnly() {
        String policy = SecurityHeaders.policy(MapTiles.of("https://tiles.belrive.example/{z}/{x}/{y}.png", "", 19));
        assertThat(policy).startsWith("frame-ancestors 'none'; object-src 'none'; base-uri 'self'; ")
                .endsWith("; img-src 'self' data: blob: https://tiles.belrive.example")
                .doesNotContain("openstreetmap");
    }

    @Test
    void withoutTilesNoOtherHostIsAllowed() {
        assertThat(SecurityHeaders.policy(MapTiles.of("none", "", 19))).endsWith("; img-src 'self' data: blob:");
    }

    @Test
    void aPageAddsItsScriptsThePlatformsFilesAndItsNonceOnly() {
        String policy = SecurityHeaders.pagePolicy(SecurityHeaders.policy(MapTiles.of("none", "", 19)), "bm9uY2U=");
        assertThat(policy).isEqualTo("frame-ancestors 'none'; object-src 'none'; base-uri 'self'; img-src 'self' data: blob:"
                + "; script-src 'self' 'nonce-bm9uY2U='");
    }
}
