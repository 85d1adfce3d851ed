package org.agora.web.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The server the maps' background images (tiles) come from: a Leaflet address template such as
 * {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png} ({@code {s}} for a server's sub-domains), the attribution its
 * licence asks for (plain text), and the highest zoom it serves; or none at all (the maps then show their markers on
 * a blank background and the browser contacts nobody). The browser of whoever looks at a map asks that server for the
 * images, so its host is named in the privacy notice and is the only other host the Content-Security-Policy lets
 * pages load images from.
 */
public record MapTiles(Optional<String> template, String attribution, int maxZoom) {

    /** The configuration's default: OpenStreetMap's own tile server (its usage policy suits light use only). */
    public static final String DEFAULT_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public static final String DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors";
    /** The value of {@code agora.map.tiles.url} that turns the background off. */
    public static final String NONE = "none";

    public MapTiles {
        template = template == null ? Optional.empty() : template;
        attribution = attribution == null ? "" : attribution.strip();
        if (maxZoom < 1 || maxZoom > 22) {
            throw new IllegalArgumentException("agora.map.tiles.max-zoom must be between 1 and 22, not " + maxZoom);
        }
    }

    /**
     * The tiles of the configuration's values; refuses (with the key at fault) an address that is not an http(s) one
     * with {@code {z}}, {@code {x}} and {@code {y}}, or that holds characters a header or an attribute would misread.
     */
    public static MapTiles of(String url, String attribution, int maxZoom) {
        String value = url == null ? "" : url.strip();
        if (value.isEmpty() || value.equalsIgnoreCase(NONE)) {
            return new MapTiles(Optional.empty(), attribution, maxZoom);
        }
        if (!value.contains("{z}") || !value.contains("{x}") || !value.contains("{y}")) {
            throw refused(value, "it must contain {z}, {x} and {y}");
        }
        if (value.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == ';' || c == ',' || c == '<'
                || c == '>' || c == '\\' || c > 126)) {
            throw refused(value, "it must not contain spaces, quotes, semicolons, commas or angle brackets");
        }
        String authority = authority(value);
        if (authority.contains("*") && (!authority.startsWith("*.") || authority.indexOf('*', 1) > 0)) {
            throw refused(value, "{s} may only stand for the host's first label, as in https://{s}.tile.example.org");
        }
        URI uri;
        try {
            uri = new URI(value.replace("{s}", "s").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
                    .replace("{r}", ""));
        } catch (URISyntaxException e) {
            throw refused(value, e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getUserInfo() != null) {
            throw refused(value, "it must be an http or https address with a host");
        }
        return new MapTiles(Optional.of(value), attribution, maxZoom);
    }

    private static IllegalArgumentException refused(String value, String why) {
        return new IllegalArgumentException("agora.map.tiles.url is not a tile address (" + why + "): " + value);
    }

    public boolean enabled() {
        return template.isPresent();
    }

    /**
     * Where the browser fetches the tiles, as a Content-Security-Policy source: {@code https://tile.openstreetmap.org},
     * {@code https://*.tile.example.org} for a template with {@code {s}} in its host, the port when it has one.
     */
    public Optional<String> origin() {
        return template.map(t -> {
            String scheme = t.substring(0, t.indexOf("://"));
            return scheme.toLowerCase(Locale.ROOT) + "://" + authority(t);
        });
    }

    /** The tile server's host as people read it ({@code tile.openstreetmap.org}); empty without tiles. */
    public Optional<String> host() {
        return template.map(t -> {
            String authority = authority(t).replace("*.", "");
            int port = authority.lastIndexOf(':');
            return port > 0 ? authority.substring(0, port) : authority;
        });
    }

    private static String authority(String template) {
        String rest = template.substring(template.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String authority = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
        return authority.replace("{s}", "*");
    }
}
