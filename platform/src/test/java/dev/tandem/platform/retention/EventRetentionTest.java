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
        // defaults: sent outbox rows kept 7 days, inbox rows 30 days
        outbox(aggregate, 1, "now() - interval '9 days'", "now() - interval '8 days'");
        outbox(aggregate, 2, "now() - interval '2 days'", "now() - interval '1 day'");
        // never sent (the broker owes it): kept however old; the relay may send it meanwhile, then it is recent
        outbox(aggregate, 3, "now() - interval '40 days'", null);
        execute("INSERT INTO outbox_aggregate_sequence VALUES ('widget', '" + aggregate + "', 3)");
        inbox(aggregate + "-old", "now() - interval '31 days'");
        inbox(aggregate + "-recent", "now() - interval '29 days'");

        long[] deleted = retention.purgeNow();

        assertTrue(deleted[0] >= 1 && deleted[1] >= 1, "counts: " + deleted[0] + ", " + deleted[1]);
        assertEquals("2,3", query("SELECT string_agg(sequence::text, ',' ORDER BY sequence) FROM outbox_event "
                + "WHERE aggregate_id = '" + aggregate + "'"));
        assertEquals("3", query("SELECT last_sequence::text FROM outbox_aggregate_sequence WHERE aggregate_id = '"
                + aggregate + "'"), "the aggregate's numbering goes on");
        assertEquals(aggregate + "-recent", query("SELECT string_agg(event_id, ',') FROM inbox_event "
                + "WHERE event_id LIKE '" + aggregate + "%'"));
    }

    private void outbox(String aggregate, long sequence, String occurredAt, String sentAt) throws Exception {
        execute("INSERT INTO outbox_event (event_id, topic, aggregate_type, aggregate_id, sequence, event_type, payload,"
                + " occurred_at, sent_at) VALUES ('" + UUID.randomUUID() + "', 'test.retention', 'widget', '"
                + aggregate + "', " + sequence + ", 'dev.tandem.test.widget-changed.v1', '{}', " + occurredAt + ", "
                + sentAt + ")");
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
