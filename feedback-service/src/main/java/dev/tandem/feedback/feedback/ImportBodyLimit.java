package dev.tandem.feedback.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.Problems;
import dev.tandem.platform.web.RequestContext;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The body limit per route: {@code quarkus.http.limits.max-body-size} is raised for this service (100M) so that the
 * bulk import routes take large files, and every other route keeps the usual limit
 * ({@code tandem.feedback.max-body-size}, 1M): a larger body is a 413 problem, as the platform answers it. Runs right
 * after the platform's route (request id bound, declared Content-Length checked against the raised limit).
 */
@ApplicationScoped
public class ImportBodyLimit {

    /** The routes that take the raised limit. */
    static boolean isImport(String path) {
        return path.equals(ImportResource.PATH) || path.equals(ImportResource.ALIAS_PATH);
    }

    @ConfigProperty(name = "tandem.feedback.max-body-size", defaultValue = "1M")
    MemorySize limit;

    @Inject
    RequestContext requestContext;

    @Inject
    ObjectMapper objectMapper;

    void install(@Observes Router router) {
        router.route().order(-999).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (isImport(ctx.request().path())) {
            ctx.next();
            return;
        }
        long max = limit.asLongValue();
        String declared = ctx.request().getHeader("Content-Length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = -1;
            }
        } else if (ctx.body() != null && ctx.body().buffer() != null) {
            length = ctx.body().length();   // a chunked JSON body the platform read already
        }
        if (length <= max) {
            ctx.next();
            return;
        }
        Problem problem = Problems.forStatus(413, "The request body is larger than the limit of " + max + " bytes")
                .withRequest(ctx.request().path(), requestContext.requestId());
        String body;
        try {
            body = objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}
