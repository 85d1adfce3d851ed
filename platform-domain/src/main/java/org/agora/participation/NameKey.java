package org.agora.participation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person's name as the register compares it: without accents, case, punctuation or word order ("Élodie DUPONT-
 * Martin" and "dupont martin elodie" are the same key), so that a person already on the register is found however
 * staff type the name.
 */
public final class NameKey {

    private NameKey() {
    }

    public static String of(String name) {
        return String.join(" ", words(name).stream().sorted().toList());
    }

    /** The words of the name, normalised as in {@link #of}. */
    public static Set<String> words(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return plain.isEmpty() ? Set.of() : Arrays.stream(plain.split(" ")).collect(Collectors.toSet());
    }
}
