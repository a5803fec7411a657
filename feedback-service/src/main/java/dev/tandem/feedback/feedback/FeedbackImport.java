package dev.tandem.feedback.feedback;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.tandem.feedback.catalog.CatalogProduct;
import dev.tandem.feedback.customer.Customer;
import dev.tandem.feedback.sentiment.SentimentAnalyzer;
import dev.tandem.platform.web.BodyTooLargeException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Bulk import: rows are written in batches of {@link #BATCH_SIZE}, each batch in its own transaction with its
 * {@code feedback.received} events. Idempotent by (source, externalReference): a row naming an existing item is
 * <em>unchanged</em> (the import never overwrites an item, which may have been triaged since; changes go through
 * PATCH). A batch that fails as a whole (e.g. a concurrent writer created the same reference) is retried row by row,
 * so a bad row never stops the good ones.
 */
@ApplicationScoped
public class FeedbackImport {

    public static final int BATCH_SIZE = 500;
    /** At most this many rejected rows are listed; the count covers all. */
    public static final int MAX_ERRORS = 1000;
    private static final Logger LOG = Logger.getLogger(FeedbackImport.class);

    private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();

    @Inject
    FeedbackEvents events;

    @Schema(name = "ImportError")
    public record Error(@Schema(example = "17") int line,
                        @Schema(example = "customerId: no such customer") String reason) {
    }

    @Schema(name = "ImportResult")
    public record Result(@Schema(example = "99990") long created,
                         @Schema(description = "Rows naming an item that exists already (same source and external reference): left as they are.", example = "0") long unchanged,
                         @Schema(example = "10") long rejected,
                         @Schema(description = "Up to 1000 rejected rows, in line order, with their line number (1 = the first line; the CSV header is line 1) and reason.")
                         List<Error> errors,
                         @Schema(description = "True when more rows were rejected than errors lists.") boolean errorsTruncated) {
    }

    private static final class Tally {
        long created;
        long unchanged;
        long rejected;
        final List<Error> errors = new ArrayList<>();
        final Set<UUID> knownCustomers = new HashSet<>();
        final Map<UUID, Boolean> productAccepts = new HashMap<>();

        void reject(int line, String reason) {
            rejected++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new Error(line, reason));
            }
        }
    }

    /**
     * Imports every row. A body without Content-Length that goes past the size limit while it is read (the
     * platform's {@link BodyTooLargeException}) ends the import: the rows read whole before it are written (the
     * batches written already stay), and the 413 says how many and from which line to send the rest.
     */
    public Result run(ImportRows rows) {
        Tally tally = new Tally();
        List<ImportRows.Row> batch = new ArrayList<>(BATCH_SIZE);
        try {
            while (rows.hasNext()) {
                ImportRows.Result r = rows.next();
                if (r.rejected() != null) {
                    tally.reject(r.rejected().line(), r.rejected().reason());
                    continue;
                }
                batch.add(r.row());
                if (batch.size() == BATCH_SIZE) {
                    write(batch, tally);
                    batch.clear();
                }
            }
        } catch (BodyTooLargeException tooLarge) {
            if (!batch.isEmpty()) {
                write(batch, tally);
            }
            throw new BodyTooLargeException(tooLarge.limit(), "The request body is larger than the limit of "
                    + tooLarge.limit() + " bytes. The rows before line " + rows.recordStart() + " were imported ("
                    + tally.created + " created, " + tally.unchanged + " unchanged, " + tally.rejected
                    + " rejected); send the rest, from line " + rows.recordStart() + " on (CSV: after the header "
                    + "line), in another request. The import is idempotent, so rows sent again are unchanged.");
        }
        if (!batch.isEmpty()) {
            write(batch, tally);
        }
        tally.errors.sort(java.util.Comparator.comparingInt(Error::line));
        return new Result(tally.created, tally.unchanged, tally.rejected, List.copyOf(tally.errors),
                tally.rejected > tally.errors.size());
    }

    private void write(List<ImportRows.Row> batch, Tally tally) {
        long created = tally.created;
        long unchanged = tally.unchanged;
        long rejected = tally.rejected;
        int errors = tally.errors.size();
        try {
            QuarkusTransaction.requiringNew().run(() -> writeBatch(batch, tally));
        } catch (RuntimeException e) {
            LOG.debugf(e, "import batch failed as a whole, retrying its %d rows one by one", batch.size());
            tally.created = created;
            tally.unchanged = unchanged;
            tally.rejected = rejected;
            tally.errors.subList(errors, tally.errors.size()).clear();
            for (ImportRows.Row row : batch) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> writeBatch(List.of(row), tally));
                } catch (RuntimeException rowFailure) {
                    tally.reject(row.line(), "could not be written: " + rootMessage(rowFailure));
                }
            }
        }
    }

    private void writeBatch(List<ImportRows.Row> batch, Tally tally) {
        Set<String> existing = existingReferences(batch);
        requireKnown(batch, tally);
        Set<String> seen = new HashSet<>();
        List<Feedback> created = new ArrayList<>(batch.size());
        for (ImportRows.Row row : batch) {
            String key = row.source() + "\u0000" + row.externalReference();
            if (existing.contains(key) || !seen.add(key)) {
                tally.unchanged++;
                continue;
            }
            if (!tally.knownCustomers.contains(row.customerId())) {
                seen.remove(key);
                tally.reject(row.line(), "customerId: no such customer");
                continue;
            }
            Boolean accepts = tally.productAccepts.get(row.productId());
            if (accepts == null || !accepts) {
                seen.remove(key);
                tally.reject(row.line(), accepts == null ? "productId: no such product in the catalog"
                        : "productId: the product was deleted and takes no new feedback");
                continue;
            }
            Feedback f = Feedback.create(row.source(), row.externalReference(), row.customerId(), row.productId(),
                    row.title(), row.text(), row.receivedAt(), row.tags(), row.owner(), analyzer);
            f.persist();
            created.add(f);
        }
        // one flush (JDBC-batched inserts), then the batch's events in one outbox append
        Feedback.flush();
        // detached, the written rows are not dirty-checked again when the outbox flushes before its statements
        Feedback.getEntityManager().clear();
        events.received(created);
        tally.created += created.size();
    }

    /**
     * "SOURCE\0reference" of the batch's rows that exist already, in one query. It names the sources too, so the
     * unique index on (source, external_reference) finds the rows instead of being read whole.
     */
    private static Set<String> existingReferences(List<ImportRows.Row> batch) {
        Set<Source> sources = EnumSet.noneOf(Source.class);
        Set<String> refs = new HashSet<>();
        batch.forEach(r -> {
            sources.add(r.source());
            refs.add(r.externalReference());
        });
        Set<String> existing = new HashSet<>();
        List<Object[]> rows = Feedback.getEntityManager().createQuery("select f.source, f.externalReference "
                        + "from Feedback f where f.source in :sources and f.externalReference in :refs", Object[].class)
                .setParameter("sources", sources).setParameter("refs", refs).getResultList();
        rows.forEach(r -> existing.add(r[0] + "\u0000" + r[1]));
        return existing;
    }

    /** Looks up the customers and products the batch names that the import has not seen yet. */
    private static void requireKnown(List<ImportRows.Row> batch, Tally tally) {
        Set<UUID> customers = new HashSet<>();
        Set<UUID> products = new HashSet<>();
        for (ImportRows.Row r : batch) {
            if (!tally.knownCustomers.contains(r.customerId())) {
                customers.add(r.customerId());
            }
            if (!tally.productAccepts.containsKey(r.productId())) {
                products.add(r.productId());
            }
        }
        if (!customers.isEmpty()) {
            tally.knownCustomers.addAll(Customer.getEntityManager()
                    .createQuery("select c.id from Customer c where c.id in :ids", UUID.class)
                    .setParameter("ids", customers).getResultList());
        }
        for (UUID productId : products) {
            CatalogProduct product = CatalogProduct.findById(productId);
            if (product != null) {
                tally.productAccepts.put(productId, product.acceptsFeedback());
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
