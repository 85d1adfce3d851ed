package org.agora.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The maps' tile server of this installation ({@link MapTiles}), from {@code agora.map.tiles.url} (a Leaflet template,
 * or {@code none}), {@code agora.map.tiles.attribution} and {@code agora.map.tiles.max-zoom}: given to the map's
 * script by the page, named in the privacy notice, allowed by the Content-Security-Policy. A malformed address stops
 * the application at its start (the security headers' filter reads it then).
 */
@Named("tileServer")
@ApplicationScoped
public class TileServer {

    @Inject
    @ConfigProperty(name = "agora.map.tiles.url", defaultValue = MapTiles.DEFAULT_URL)
    String url;

    @Inject
    @ConfigProperty(name = "agora.map.tiles.attribution", defaultValue = MapTiles.DEFAULT_ATTRIBUTION)
    String attribution;

    @Inject
    @ConfigProperty(name = "agora.map.tiles.max-zoom", defaultValue = "19")
    int maxZoom;

    private MapTiles tiles;

    @PostConstruct
    void read() {
        tiles = MapTiles.of(url, attribution, maxZoom);
    }

    public MapTiles tiles() {
        return tiles;
    }

    public boolean isEnabled() {
        return tiles.enabled();
    }

    /** The template for Leaflet, empty without tiles. */
    public String getUrl() {
        return tiles.template().orElse("");
    }

    public String getAttribution() {
        return tiles.attribution();
    }

    public int getMaxZoom() {
        return tiles.maxZoom();
    }

    /** The host the browser contacts for the tiles, for the privacy notice; empty without tiles. */
    public String getHost() {
        return tiles.host().orElse("");
    }
}
