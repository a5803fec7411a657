package dev.tandem.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.problem.Problems;

/**
 * An empty body where the resource method declares one is a 400, not a {@code null} argument.
 *
 * <p>Quarkus REST's Jackson reader turns an empty body into {@code null} (the Jakarta REST rule for zero-length
 * entities); this interceptor wraps every body read, so a resource never sees a null entity and never answers a
 * missing body with a NullPointerException turned 500.
 */
@Provider
public class RequireBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        if (entity == null) {
            throw new ProblemException(400, Problems.VALIDATION, "Invalid request",
                    "A request body is required", List.of());
        }
        return entity;
    }
}
