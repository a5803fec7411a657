package dev.tandem.platform.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import dev.tandem.platform.text.DateRules;

/**
 * Names the path, query or header parameter whose value could not be converted to its declared Java type.
 *
 * <p>Quarkus REST reports such a failure as {@code NotFoundException(cause)} for path and query parameters (as the
 * Jakarta REST spec requires) and {@code BadRequestException(cause)} for headers, without saying which parameter
 * failed; this class re-checks the matched method's parameters against the request to find it.
 */
final class ParamProblems {

    record BadParam(ParameterNames.Source source, String name, String message) {
    }

    private ParamProblems() {
    }

    static Optional<BadParam> find(Method method, UriInfo uri, MultivaluedMap<String, String> headers) {
        if (method == null) {
            return Optional.empty();
        }
        Method annotated = ParameterNames.findAnnotatedMethod(method.getDeclaringClass(), method.getName(),
                method.getParameterTypes());
        if (annotated == null) {
            annotated = method;
        }
        for (Parameter p : annotated.getParameters()) {
            ParameterNames.Binding binding = ParameterNames.binding(p);
            Optional<BadParam> bad = binding.source() == ParameterNames.Source.BEAN
                    ? checkBeanParam(p.getType(), uri, headers)
                    : check(binding, elementType(p.getType(), p.getParameterizedType()), uri, headers);
            if (bad.isPresent()) {
                return bad;
            }
        }
        return Optional.empty();
    }

    private static Optional<BadParam> checkBeanParam(Class<?> beanClass, UriInfo uri,
            MultivaluedMap<String, String> headers) {
        for (Class<?> c = beanClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                ParameterNames.Binding binding = ParameterNames.binding(f.getAnnotations(), f.getName());
                if (binding.source() == ParameterNames.Source.BODY || binding.source() == ParameterNames.Source.BEAN) {
                    continue;
                }
                Optional<BadParam> bad = check(binding, elementType(f.getType(), f.getGenericType()), uri, headers);
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<BadParam> check(ParameterNames.Binding binding, Class<?> target, UriInfo uri,
            MultivaluedMap<String, String> headers) {
        List<String> values = switch (binding.source()) {
            case PATH -> uri == null ? null : uri.getPathParameters().get(binding.name());
            case QUERY -> uri == null ? null : uri.getQueryParameters().get(binding.name());
            case HEADER -> headers == null ? null : headers.get(binding.name());
            default -> null;
        };
        if (values != null) {
            for (String value : values) {
                if (!converts(target, value)) {
                    return Optional.of(new BadParam(binding.source(), binding.name(),
                            JacksonProblems.expectation(target) + ", got \"" + abbreviate(value) + '"'));
                }
            }
        }
        return Optional.empty();
    }

    private static Class<?> elementType(Class<?> raw, Type generic) {
        if ((Collection.class.isAssignableFrom(raw) || raw == Optional.class)
                && generic instanceof ParameterizedType pt) {
            Type arg = pt.getActualTypeArguments()[0];
            if (arg instanceof Class<?> c) {
                return c;
            }
            if (arg instanceof ParameterizedType inner && inner.getRawType() instanceof Class<?> c) {
                return c;
            }
        }
        return raw;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean converts(Class<?> type, String value) {
        try {
            if (type == String.class || type == Object.class || type == boolean.class || type == Boolean.class) {
                return true;
            } else if (type == int.class || type == Integer.class) {
                Integer.parseInt(value.strip());
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value.strip());
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(value.strip());
            } else if (type == byte.class || type == Byte.class) {
                Byte.parseByte(value.strip());
            } else if (type == double.class || type == Double.class) {
                Double.parseDouble(value);
            } else if (type == float.class || type == Float.class) {
                Float.parseFloat(value);
            } else if (type == char.class || type == Character.class) {
                return value.length() == 1;
            } else if (type == BigDecimal.class) {
                new BigDecimal(value);
            } else if (type == BigInteger.class) {
                new BigInteger(value);
            } else if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type.isEnum()) {
                Enum.valueOf((Class<? extends Enum>) type, value);
            } else if (type == LocalDate.class) {
                DateRules.parseDate(value);
            } else if (type == LocalDateTime.class) {
                LocalDateTime.parse(value);
            } else if (type == LocalTime.class) {
                LocalTime.parse(value);
            } else if (type == OffsetDateTime.class) {
                DateRules.parseOffsetDateTime(value);
            } else if (type == ZonedDateTime.class) {
                ZonedDateTime.parse(value);
            } else if (type == Instant.class) {
                DateRules.parseInstant(value);
            } else {
                return convertsReflectively(type, value);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean convertsReflectively(Class<?> type, String value) {
        for (String factory : List.of("fromString", "valueOf", "parse")) {
            for (Class<?> arg : List.of(String.class, CharSequence.class)) {
                try {
                    Method m = type.getMethod(factory, arg);
                    if (Modifier.isStatic(m.getModifiers())) {
                        m.invoke(null, value);
                        return true;
                    }
                } catch (NoSuchMethodException e) {
                    // try the next factory
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return false;
                }
            }
        }
        try {
            Constructor<?> c = type.getConstructor(String.class);
            c.newInstance(value);
            return true;
        } catch (NoSuchMethodException e) {
            return true; // cannot tell: do not blame this parameter
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
