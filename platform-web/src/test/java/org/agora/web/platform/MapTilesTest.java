package org.agora.web.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MapTilesTest {

    @Test
    void theDefaultIsOpenStreetMapsTileServer() {
        MapTiles tiles = MapTiles.of(MapTiles.DEFAULT_URL, MapTiles.DEFAULT_ATTRIBUTION, 19);
        assertThat(tiles.enabled()).isTrue();
        assertThat(tiles.origin()).contains("https://tile.openstreetmap.org");
        assertThat(tiles.host()).contains("tile.openstreetmap.org");
    }

    @Test
    void aServerOfTheCityWithAPortOrSubDomainsGivesItsOwnOriginAndHost() {
        MapTiles own = MapTiles.of("https://Tiles.Belrive.example:8443/osm/{z}/{x}/{y}.png", "© Ville", 18);
        assertThat(own.origin()).contains("https://tiles.belrive.example:8443");
        assertThat(own.host()).contains("tiles.belrive.example");
        assertThat(own.maxZoom()).isEqualTo(18);

        MapTiles shared = MapTiles.of("https://{s}.tile.example.org/{z}/{x}/{y}{r}.png", "", 19);
        assertThat(shared.origin()).contains("https://*.tile.example.org");
        assertThat(shared.host()).contains("tile.example.org");
    }

    @Test
    void noneOrEmptyMeansNoBackgroundAndNoHostToContact() {
        for (String none : new String[] {"none", "NONE", " ", ""}) {
            MapTiles tiles = MapTiles.of(none, "x", 19);
            assertThat(tiles.enabled()).as(none).isFalse();
            assertThat(tiles.origin()).isEmpty();
            assertThat(tiles.host()).isEmpty();
        }
    }

    @Test
    void anAddressThatIsNotATileTemplateOrWouldBreakTheHeaderIsRefusedWithTheKey() {
        for (String bad : new String[] {"https://tile.example.org/tiles.png", "javascript:alert(1)//{z}/{x}/{y}",
                "ftp://tile.example.org/{z}/{x}/{y}.png", "https://tile.example.org/{z}/{x}/{y}.png; script-src *",
                "https://tile.example.org/{z}/{x}/{y}.png' *", "https://a b/{z}/{x}/{y}", "/tiles/{z}/{x}/{y}.png",
                "https://tile-{s}.example.org/{z}/{x}/{y}.png", "https://user:pw@tile.example.org/{z}/{x}/{y}.png"}) {
            assertThatThrownBy(() -> MapTiles.of(bad, "", 19)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agora.map.tiles.url");
        }
        assertThatThrownBy(() -> MapTiles.of(MapTiles.DEFAULT_URL, "", 30)).hasMessageContaining("max-zoom");
    }
}
