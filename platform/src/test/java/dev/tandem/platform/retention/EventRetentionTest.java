package dev.tandem.platform.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventRetentionTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventRetention retention;

    @Test
    void sentOutboxRowsAndProcessedInboxRowsArePurgedAfterTheirPeriodAndNothingOwedIsTouched() throws Exception {
        String aggregate = "r-" + UUID.randomUUID();
        // defaults: sent outbox rows kept 7 days from when they occurred, inbox rows 30 days
        outbox(aggregate, 1, "now() - interval '9 days'", true);
        outbox(aggregate, 2, "now() - interval '2 days'", true);
        // never sent (the broker owes it): kept however old
        long owed = outbox(aggregate, 3, "now() - interval '40 days'", false);
        execute("INSERT INTO outbox_aggregate_sequence VALUES ('widget', '" + aggregate + "', 3)");
        inbox(aggregate + "-old", "now() - interval '31 days'");
        inbox(aggregate + "-recent", "now() - interval '29 days'");

        long[] deleted;
        // the relay skips a queued row that is locked: it stays owed while the purge runs
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT position FROM outbox_unsent WHERE position = " + owed + " FOR UPDATE");
            deleted = retention.purgeNow();
            c.rollback();
        }

        assertTrue(deleted[0] >= 1 && deleted[1] >= 1, "counts: " + deleted[0] + ", " + deleted[1]);
        assertEquals("2,3", query("SELECT string_agg(sequence::text, ',' ORDER BY sequence) FROM outbox_event "
                + "WHERE aggregate_id = '" + aggregate + "'"));
        assertEquals("3", query("SELECT last_sequence::text FROM outbox_aggregate_sequence WHERE aggregate_id = '"
                + aggregate + "'"), "the aggregate's numbering goes on");
        assertEquals(aggregate + "-recent", query("SELECT string_agg(event_id, ',') FROM inbox_event "
                + "WHERE event_id LIKE '" + aggregate + "%'"));
    }

    /** An outbox row, queued for the relay unless {@code sent}; returns its position. */
    private long outbox(String aggregate, long sequence, String occurredAt, boolean sent) throws Exception {
        long position = Long.parseLong(query("INSERT INTO outbox_event (event_id, topic, aggregate_type, aggregate_id,"
                + " sequence, event_type, payload, occurred_at) VALUES ('" + UUID.randomUUID() + "', 'test.retention',"
                + " 'widget', '" + aggregate + "', " + sequence + ", 'dev.tandem.test.widget-changed.v1', '{}', "
                + occurredAt + ") RETURNING position::text"));
        if (!sent) {
            execute("INSERT INTO outbox_unsent VALUES (" + position + ")");
        }
        return position;
    }

    private void inbox(String eventId, String processedAt) throws Exception {
        execute("INSERT INTO inbox_event (source, event_id, event_type, subject, topic, kafka_partition, kafka_offset,"
                + " processed_at) VALUES ('/tandem/test', '" + eventId + "', 'dev.tandem.test.counted.v1', 's', "
                + "'test.inbox', 0, 0, " + processedAt + ")");
    }

    private void execute(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String query(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
