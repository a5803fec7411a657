package dev.tandem.platform.paging;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;

/**
 * The {@code sort} query parameter of a list whose orders have names an enum constant cannot carry ({@code -score},
 * {@code -createdAt}): the service's enum of orders names each one, and {@link #parse} finds it. (A list whose orders
 * are plain words declares the enum as the parameter's type instead; the platform answers an unknown value with the
 * same 400, see {@code ParamProblems}.)
 */
public final class SortParam {

    public static final String NAME = "sort";

    private SortParam() {
    }

    /**
     * The order named by {@code value}, surrounding blanks ignored; {@code fallback} when absent or blank.
     *
     * @throws ProblemException 400 naming {@code sort}, with the allowed names, for any other value
     */
    public static <S extends Enum<S>> S parse(String value, Class<S> orders, Function<S, String> name, S fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        S[] all = orders.getEnumConstants();
        String wanted = value.strip();
        return Arrays.stream(all).filter(s -> name.apply(s).equals(wanted)).findFirst().orElseThrow(() -> {
            String allowed = Arrays.stream(all).map(name).collect(Collectors.joining(", "));
            return ProblemException.badRequest("sort must be one of " + allowed,
                    new Problem.FieldError(NAME, "must be one of [" + allowed + "]"));
        });
    }
}
