package org.agora.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Everything the application answers, read from its code: each page of the web application's folder, each servlet's
 * address and each REST endpoint (method and path template, its variables written {@code {}}). The authorization
 * matrix must name each of them.
 */
final class Targets {

    /** One address the application answers: a method and a path whose variables are written {@code {}}. */
    record Target(String method, String path) implements Comparable<Target> {
        @Override
        public int compareTo(Target other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, "GET", POST.class, "POST",
            PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH", HEAD.class, "HEAD");

    private Targets() {
    }

    /** The endpoints that read a body, with the type it is read as (its one parameter without an annotation). */
    static Map<Target, Class<?>> bodies() {
        Map<Target, Class<?>> bodies = new HashMap<>();
        endpoints((target, method) -> Arrays.stream(method.getParameters())
                .filter(parameter -> parameter.getAnnotations().length == 0).findFirst()
                .ifPresent(parameter -> bodies.put(target, parameter.getType())));
        return bodies;
    }

    /** The endpoints whose body is a JSON array (a list parameter) rather than an object. */
    static Set<Target> takingArrays() {
        Set<Target> arrays = new HashSet<>();
        bodies().forEach((target, type) -> {
            if (Collection.class.isAssignableFrom(type)) {
                arrays.add(target);
            }
        });
        return arrays;
    }

    private static void endpoints(BiConsumer<Target, Method> action) {
        for (Class<?> type : classes()) {
            Path root = type.getAnnotation(Path.class);
            if (root != null && type.getPackageName().startsWith("org.agora.api")) {
                for (Method method : type.getMethods()) {
                    VERBS.forEach((annotation, verb) -> {
                        if (method.isAnnotationPresent(annotation)) {
                            Path sub = method.getAnnotation(Path.class);
                            action.accept(new Target(verb, normalized("/api/" + root.value()
                                    + (sub == null ? "" : "/" + sub.value()))), method);
                        }
                    });
                }
            }
        }
    }

    /** Every page, servlet and endpoint of the application. */
    static TreeSet<Target> all() {
        TreeSet<Target> all = new TreeSet<>();
        all.addAll(pages());
        for (Class<?> type : classes()) {
            WebServlet servlet = type.getAnnotation(WebServlet.class);
            if (servlet != null) {
                Stream.concat(Stream.of(servlet.value()), Stream.of(servlet.urlPatterns()))
                        .forEach(pattern -> all.add(new Target("GET", pattern.replace("/*", "/{}"))));
            }
        }
        endpoints((target, method) -> all.add(target));
        return all;
    }

    /** A path template with its variables (and their regular expressions) written {@code {}}, no double slash. */
    static String normalized(String template) {
        String path = template.replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<Target> pages() {
        java.nio.file.Path webapp = java.nio.file.Path.of("src/main/webapp");
        try (Stream<java.nio.file.Path> files = Files.walk(webapp)) {
            return files.filter(file -> file.toString().endsWith(".xhtml"))
                    .map(file -> "/" + webapp.relativize(file).toString().replace('\\', '/'))
                    .filter(page -> !page.startsWith("/WEB-INF/"))
                    .map(page -> new Target("GET", page))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application's compiled classes (the test classes are elsewhere). */
    private static List<Class<?>> classes() {
        try {
            java.nio.file.Path root = java.nio.file.Path.of(
                    org.agora.api.ApiApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Class<?>> classes = new ArrayList<>();
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.');
                    classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                            Targets.class.getClassLoader()));
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        all().forEach(System.out::println);
    }
}
