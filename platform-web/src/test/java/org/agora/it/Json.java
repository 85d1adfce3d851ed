package org.agora.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonArray;
import java.io.StringReader;

/** Reads response bodies in the tests. */
public final class Json {

    private Json() {
    }

    public static JsonObject parse(String body) {
        return (JsonObject) structure(body);
    }

    public static JsonArray array(String body) {
        return (JsonArray) structure(body);
    }

    private static JsonStructure structure(String body) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }
}
