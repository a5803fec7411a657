package dev.tandem.platform.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.platform.problem.Problems;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * An error response a resource returned without a body ({@code Response.status(404).build()}) still goes out as a
 * problem: the platform's problem for that status. Throwing {@link ProblemException} remains the way to say more.
 */
public class EmptyErrorResponseFilter {

    private static final java.lang.annotation.Annotation[] NONE = new java.lang.annotation.Annotation[0];

    @Inject
    RequestContext requestContext;

    @ServerResponseFilter
    public void fillEmptyError(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.hasEntity() || "HEAD".equals(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        Problem problem = response.getStatus() >= 500 && response.getStatus() != 503
                ? Problems.internal()
                : Problems.forStatus(response.getStatus(), response.getStatus() == 404 ? "No resource at " + path : null);
        response.setEntity(problem.withRequest(path, requestContext.requestId()), NONE,
                MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
