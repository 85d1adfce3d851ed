package org.agora.web.platform;

/** A path inside this application to send the user back to; anything else (another host) means home. */
public final class LocalPath {

    private LocalPath() {
    }

    public static String orHome(String path) {
        boolean local = path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && !path.contains("\r") && !path.contains("\n");
        return local ? path : "/";
    }
}
