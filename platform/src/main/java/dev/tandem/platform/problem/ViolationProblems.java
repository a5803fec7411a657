package dev.tandem.platform.problem;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Bean Validation violations as field errors a client can act on.
 *
 * <p>A violation's property path starts with the method and the parameter ({@code create.body.budget.amount},
 * {@code list.arg0}); the field named to the client is what it sent: the JSON path inside the body, with Jackson's
 * property names ({@code budget.amount}, {@code items[2].name}), or the name of the query/path/header parameter
 * ({@code limit}).
 */
final class ViolationProblems {

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
        for (ConstraintViolation<?> v : violations) {
            errors.add(new Problem.FieldError(fieldOf(v, mapper), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        String detail = String.join("; ", errors.stream()
                .map(e -> e.field().isEmpty() ? e.message() : e.field() + ": " + e.message()).toList());
        return Problems.of(400, Problems.VALIDATION, "Invalid request", detail, errors);
    }

    /** The field a violation is about, as the client named it; empty for the whole body or cross-parameter rules. */
    static String fieldOf(ConstraintViolation<?> violation, ObjectMapper mapper) {
        StringBuilder path = new StringBuilder();
        JavaType type = violation.getRootBeanClass() == null ? null : safeType(mapper, violation.getRootBeanClass());
        Method method = null;
        Class<?> beanParamClass = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> {
                    method = ParameterNames.findAnnotatedMethod(violation.getRootBeanClass(), node.getName(),
                            node.as(Path.MethodNode.class).getParameterTypes().toArray(Class<?>[]::new));
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
                        BeanPropertyDefinition property = property(mapper, type, name);
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
