package dev.tandem.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Reflection helpers: which HTTP parameter a Java method parameter (or bean-param field) is bound to. */
final class ParameterNames {

    enum Source { PATH, QUERY, HEADER, COOKIE, FORM, MATRIX, BEAN, BODY }

    record Binding(Source source, String name) {
    }

    private ParameterNames() {
    }

    /** The binding of an annotated element: its JAX-RS / Quarkus REST parameter annotation, else BODY. */
    static Binding binding(Annotation[] annotations, String javaName) {
        for (Annotation a : annotations) {
            if (a instanceof PathParam p) {
                return new Binding(Source.PATH, p.value());
            } else if (a instanceof RestPath p) {
                return new Binding(Source.PATH, orDefault(p.value(), javaName));
            } else if (a instanceof QueryParam p) {
                return new Binding(Source.QUERY, p.value());
            } else if (a instanceof RestQuery p) {
                return new Binding(Source.QUERY, orDefault(p.value(), javaName));
            } else if (a instanceof HeaderParam p) {
                return new Binding(Source.HEADER, p.value());
            } else if (a instanceof RestHeader p) {
                return new Binding(Source.HEADER, orDefault(p.value(), javaName));
            } else if (a instanceof CookieParam p) {
                return new Binding(Source.COOKIE, p.value());
            } else if (a instanceof RestCookie p) {
                return new Binding(Source.COOKIE, orDefault(p.value(), javaName));
            } else if (a instanceof FormParam p) {
                return new Binding(Source.FORM, p.value());
            } else if (a instanceof RestForm p) {
                return new Binding(Source.FORM, orDefault(p.value(), javaName));
            } else if (a instanceof MatrixParam p) {
                return new Binding(Source.MATRIX, p.value());
            } else if (a instanceof RestMatrix p) {
                return new Binding(Source.MATRIX, orDefault(p.value(), javaName));
            } else if (a instanceof BeanParam) {
                return new Binding(Source.BEAN, javaName);
            }
        }
        return new Binding(Source.BODY, javaName);
    }

    static Binding binding(Parameter parameter) {
        return binding(parameter.getAnnotations(), parameter.getName());
    }

    /**
     * The declaration of {@code name(parameterTypes)} that carries the parameter annotations, searching the class,
     * its superclasses (CDI subclasses and proxies override without annotations) and its interfaces.
     */
    static Method findAnnotatedMethod(Class<?> start, String name, Class<?>[] parameterTypes) {
        Method fallback = null;
        Deque<Class<?>> queue = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            if (c == null || c == Object.class || !seen.add(c)) {
                continue;
            }
            try {
                Method m = c.getDeclaredMethod(name, parameterTypes);
                if (Arrays.stream(m.getParameters()).anyMatch(p -> binding(p).source() != Source.BODY)) {
                    return m;
                }
                fallback = m;
            } catch (NoSuchMethodException e) {
                // keep looking up the hierarchy
            }
            if (c.getSuperclass() != null) { // an interface has none; ArrayDeque refuses null
                queue.add(c.getSuperclass());
            }
            queue.addAll(Arrays.asList(c.getInterfaces()));
        }
        return fallback;
    }

    private static String orDefault(String value, String javaName) {
        return value == null || value.isEmpty() ? javaName : value;
    }
}
