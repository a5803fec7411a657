package dev.tandem.project.cost.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import dev.tandem.project.cost.OverAllocation;
import dev.tandem.project.project.ProjectStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/over-allocation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People and cost", description = "Members with allocation and cost rate, time and expense entries, over-allocation across projects.")
public class OverAllocationResource {

    /** The longest period one report covers. */
    static final int MAX_WEEKS = 53;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Schema(name = "OverAllocationReport")
    public record Report(LocalDate from, LocalDate to, List<OverAllocation.Entry> entries) {
    }

    @GET
    @Operation(operationId = "getOverAllocation", summary = "People allocated above 100 % across active projects",
            description = "Per person and ISO week (Monday to Sunday) touching [from, to]: the sum of the person's "
                    + "allocationPercent over the ACTIVE projects whose planned dates overlap that week (a project "
                    + "without planned dates counts in no week). Lists only person-weeks above 100 %, by week then "
                    + "person, each with the projects and their shares. from defaults to today, to to from + 12 "
                    + "weeks; at most " + MAX_WEEKS + " weeks (400 naming to), to before from is a 400.")
    @APIResponse(responseCode = "200", description = "The over-allocated person-weeks",
            content = @Content(schema = @Schema(implementation = Report.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Report get(@Parameter(description = "First day (ISO date); default today", example = "2027-01-04")
                      @QueryParam("from") LocalDate from,
                      @Parameter(description = "Last day (ISO date); default from + 12 weeks", example = "2027-03-28")
                      @QueryParam("to") LocalDate to) {
        LocalDate start = from == null ? LocalDate.now(clock) : from;
        LocalDate end = to == null ? start.plusWeeks(12) : to;
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("to " + end + " is before from " + start,
                    new Problem.FieldError("to", "must not be before from (" + start + ")"));
        }
        if (ChronoUnit.WEEKS.between(start, end) >= MAX_WEEKS) {
            throw ProblemException.badRequest("the period is longer than " + MAX_WEEKS + " weeks",
                    new Problem.FieldError("to", "must be less than " + MAX_WEEKS + " weeks after from"));
        }
        List<Object[]> rows = em.createQuery("""
                        select m.personId, p.id, p.key, p.name, m.allocationPercent, p.plannedStart, p.plannedEnd
                        from Member m, Project p
                        where m.projectId = p.id and p.status = :active
                          and p.plannedStart <= :to and p.plannedEnd >= :from""", Object[].class)
                .setParameter("active", ProjectStatus.ACTIVE)
                .setParameter("from", start.minusDays(6))
                .setParameter("to", end.plusDays(6))
                .getResultList();
        List<OverAllocation.Assignment> assignments = rows.stream().map(r -> new OverAllocation.Assignment(
                (String) r[0], (UUID) r[1], (String) r[2], (String) r[3], (Integer) r[4], (LocalDate) r[5],
                (LocalDate) r[6])).toList();
        return new Report(start, end, OverAllocation.find(assignments, start, end));
    }
}
