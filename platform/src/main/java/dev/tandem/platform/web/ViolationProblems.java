package dev.tandem.platform.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.Problems;

/**
 * Bean Validation violations as field errors a client can act on.
 *
 * <p>A violation's property path starts with the method and the parameter ({@code create.body.budget.amount},
 * {@code list.arg0}); the field named to the client is what it sent: the JSON path inside the body, with Jackson's
 * property names ({@code budget.amount}, {@code items[2].name}), or the name of the query/path/header parameter
 * ({@code limit}).
 */
final class ViolationProblems {

    /**
     * At most this many field errors in one problem (the detail says how many more): a body with a thousand bad
     * list items is answered quickly and briefly.
     */
    static final int MAX_ERRORS = 100;
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private ViolationProblems() {
    }

    /** True when a violation is about a return value: the server broke its own contract, a 500. */
    static boolean isReturnValueViolation(Set<? extends ConstraintViolation<?>> violations) {
        for (ConstraintViolation<?> v : violations) {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
        }
        return false;
    }

    static Problem toProblem(Set<? extends ConstraintViolation<?>> violations, ObjectMapper mapper) {
        List<Problem.FieldError> errors = new ArrayList<>();
        // a thousand list items breaking the same rule: introspect their bean and method once, not a thousand times
        Lookups lookups = new Lookups(mapper);
        for (ConstraintViolation<?> v : violations) {
            errors.add(new Problem.FieldError(fieldOf(v, lookups), v.getMessage()));
        }
        errors.sort(Comparator.comparing((Problem.FieldError e) -> naturalOrder(e.field()))
                .thenComparing(Problem.FieldError::message));
        int more = errors.size() - MAX_ERRORS;
        if (more > 0) {
            errors = List.copyOf(errors.subList(0, MAX_ERRORS));
        }
        String detail = String.join("; ", errors.stream()
                .map(e -> e.field().isEmpty() ? e.message() : e.field() + ": " + e.message()).toList())
                + (more > 0 ? "; and " + more + " more" : "");
        return Problems.of(400, Problems.VALIDATION, "Invalid request", detail, errors);
    }

    /** The field a violation is about, as the client named it; empty for the whole body or cross-parameter rules. */
    static String fieldOf(ConstraintViolation<?> violation, Lookups lookups) {
        ObjectMapper mapper = lookups.mapper;
        StringBuilder path = new StringBuilder();
        JavaType type = violation.getRootBeanClass() == null ? null : safeType(mapper, violation.getRootBeanClass());
        Method method = null;
        Class<?> beanParamClass = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> {
                    method = lookups.method(violation.getRootBeanClass(), node.getName(),
                            node.as(Path.MethodNode.class).getParameterTypes());
                    type = null;
                }
                case CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> type = null;
                case PARAMETER -> {
                    int index = node.as(Path.ParameterNode.class).getParameterIndex();
                    Parameter parameter = method == null ? null : method.getParameters()[index];
                    ParameterNames.Binding binding = parameter == null
                            ? new ParameterNames.Binding(ParameterNames.Source.BODY, node.getName())
                            : ParameterNames.binding(parameter);
                    switch (binding.source()) {
                        case BODY -> type = safeType(mapper, parameter == null ? null : parameter.getParameterizedType());
                        case BEAN -> {
                            beanParamClass = parameter.getType();
                            type = null;
                        }
                        default -> {
                            path.append(binding.name());
                            type = null;
                        }
                    }
                }
                case PROPERTY, BEAN, CONTAINER_ELEMENT -> {
                    if (node.isInIterable()) {
                        if (node.getIndex() != null) {
                            path.append('[').append(node.getIndex()).append(']');
                        } else if (node.getKey() != null) {
                            path.append('[').append(node.getKey()).append(']');
                        }
                        type = contentOf(type);
                    }
                    if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                        if (beanParamClass != null) {
                            path.append(beanParamFieldName(beanParamClass, node.getName()));
                            beanParamClass = null;
                            type = null;
                            continue;
                        }
                        String name = node.getName();
                        JavaType next = null;
                        BeanPropertyDefinition property = lookups.property(type, name);
                        if (property != null) {
                            name = property.getName();
                            next = property.getPrimaryType();
                        }
                        if (!path.isEmpty()) {
                            path.append('.');
                        }
                        path.append(name);
                        type = next;
                    }
                }
                default -> {
                    // nothing to name
                }
            }
        }
        return path.toString();
    }

    /** {@code items[2]} before {@code items[10]}. */
    private static String naturalOrder(String field) {
        return INDEX.matcher(field).replaceAll(m -> "[" + "0".repeat(Math.max(0, 10 - m.group(1).length()))
                + m.group(1) + "]");
    }

    /** What naming the fields of one problem looks up by reflection, each once. */
    static final class Lookups {
        private final ObjectMapper mapper;
        private final Map<List<Object>, Method> methods = new HashMap<>();
        private final Map<List<Object>, Optional<BeanPropertyDefinition>> properties = new HashMap<>();

        Lookups(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        Method method(Class<?> type, String name, List<Class<?>> parameterTypes) {
            return methods.computeIfAbsent(List.of(String.valueOf(type), name, parameterTypes), k ->
                    ParameterNames.findAnnotatedMethod(type, name, parameterTypes.toArray(Class<?>[]::new)));
        }

        BeanPropertyDefinition property(JavaType type, String internalName) {
            if (type == null) {
                return null;
            }
            return properties.computeIfAbsent(List.of(type, internalName),
                    k -> Optional.ofNullable(ViolationProblems.property(mapper, type, internalName)))
                    .orElse(null);
        }
    }

    private static String beanParamFieldName(Class<?> beanClass, String fieldName) {
        for (Class<?> c = beanClass; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(fieldName);
                return ParameterNames.binding(f.getAnnotations(), fieldName).name();
            } catch (NoSuchFieldException e) {
                // superclass
            }
        }
        return fieldName;
    }

    private static BeanPropertyDefinition property(ObjectMapper mapper, JavaType type, String internalName) {
        if (type == null || type.isContainerType() || type.isPrimitive() || type.getRawClass().getName().startsWith("java.")) {
            return null;
        }
        try {
            BeanDescription description = mapper.getDeserializationConfig().introspect(type);
            for (BeanPropertyDefinition p : description.findProperties()) {
                if (internalName.equals(p.getInternalName())) {
                    return p;
                }
            }
        } catch (RuntimeException e) {
            // naming falls back to the Java name
        }
        return null;
    }

    private static JavaType contentOf(JavaType type) {
        if (type == null) {
            return null;
        }
        if (type.isContainerType()) {
            return type.getContentType();
        }
        if (type.isReferenceType()) {
            return type.getReferencedType();
        }
        return null;
    }

    private static JavaType safeType(ObjectMapper mapper, java.lang.reflect.Type type) {
        try {
            return type == null ? null : mapper.getTypeFactory().constructType(type);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
