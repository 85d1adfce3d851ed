package org.agora.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule of {@link org.agora.web.platform} for beans kept between requests (view- and session-scoped): they are
 * serializable, so is every field they keep, and an injected bean is never {@code transient} (a normal-scoped bean is
 * injected as a serializable proxy; a transient one would be null after the session moved to another instance).
 */
class ViewStateTest {

    @Test
    void everyBeanKeptBetweenRequestsIsSerializableThroughout() throws Exception {
        List<Class<?>> kept = webClasses().stream()
                .filter(c -> c.isAnnotationPresent(ViewScoped.class) || c.isAnnotationPresent(SessionScoped.class))
                .toList();
        assertThat(kept).hasSizeGreaterThan(30);

        List<String> problems = new ArrayList<>();
        for (Class<?> bean : kept) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getSimpleName() + " is not Serializable");
            }
            for (Class<?> c = bean; c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    problems.addAll(problems(bean, field));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> problems(Class<?> bean, Field field) {
        String name = bean.getSimpleName() + "." + field.getName();
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || field.isSynthetic()) {
            return List.of();
        }
        if (field.isAnnotationPresent(Inject.class)) {
            if (Modifier.isTransient(modifiers)) {
                return List.of(name + " is injected and transient: it would be null after the session moved");
            }
            return normalScoped(field.getType()) || Serializable.class.isAssignableFrom(field.getType())
                    ? List.of() : List.of(name + " injects a bean that is neither normal-scoped nor Serializable");
        }
        if (Modifier.isTransient(modifiers)) {
            return List.of(); // a cache read again when it is null, or a file uploaded with this request
        }
        List<String> problems = new ArrayList<>();
        check(field.getGenericType(), name, problems);
        return problems;
    }

    private static boolean normalScoped(Class<?> type) {
        return type.isAnnotationPresent(ApplicationScoped.class) || type.isAnnotationPresent(RequestScoped.class)
                || type.isAnnotationPresent(SessionScoped.class) || type.isAnnotationPresent(ViewScoped.class);
    }

    /**
     * Collections and maps are checked by what they hold; anything else must be Serializable itself, and so must the
     * fields of our own types (a row that holds an entity would not be).
     */
    private static void check(Type type, String name, List<String> problems) {
        check(type, name, problems, new HashSet<>());
    }

    private static void check(Type type, String name, List<String> problems, Set<Class<?>> seen) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                check(c.getComponentType(), name, problems, seen);
            } else if (!c.isPrimitive() && !Serializable.class.isAssignableFrom(c) && !container(c)) {
                problems.add(name + " keeps a " + c.getName() + ", which is not Serializable");
            } else if (c.getName().startsWith("org.agora.") && !c.isEnum() && seen.add(c)) {
                for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                    for (Field field : k.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                            check(field.getGenericType(), name + "." + field.getName(), problems, seen);
                        }
                    }
                }
            }
        } else if (type instanceof ParameterizedType p) {
            check(p.getRawType(), name, problems, seen);
            for (Type argument : p.getActualTypeArguments()) {
                check(argument, name, problems, seen);
            }
        } else if (type instanceof GenericArrayType a) {
            check(a.getGenericComponentType(), name, problems, seen);
        }
    }

    private static boolean container(Class<?> c) {
        return c.isInterface() && (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c));
    }

    private static List<Class<?>> webClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(FacesActions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes.resolve("org/agora/web"))) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(ViewStateTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ViewStateTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
