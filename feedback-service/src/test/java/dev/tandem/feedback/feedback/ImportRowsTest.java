package dev.tandem.feedback.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Parsing and row rules of the bulk import, without Quarkus. */
class ImportRowsTest {

    private static final UUID C = UUID.randomUUID();
    private static final UUID P = UUID.randomUUID();

    private static List<ImportRows.Result> all(ImportRows rows) {
        List<ImportRows.Result> out = new ArrayList<>();
        rows.forEachRemaining(out::add);
        return out;
    }

    private static ImportRows csv(String text) {
        return ImportRows.csv(new BufferedReader(new StringReader(text)));
    }

    @Test
    void csvColumnsComeInAnyOrderAndQuotedFieldsKeepCommasQuotesAndLineBreaks() {
        List<ImportRows.Result> rows = all(csv("text,title,source,externalReference,customerId,productId,tags\n"
                + "\"a, \"\"b\"\"\nc\",T,support,R-1," + C + "," + P + ",x| y |\n"
                + "\n"
                + "plain,T2,SALES,R-2," + C + "," + P + ",\n"));
        assertEquals(2, rows.size());
        ImportRows.Row first = rows.get(0).row();
        assertEquals("a, \"b\"\nc", first.text());
        assertEquals(Source.SUPPORT, first.source());
        assertEquals(List.of("x", "y"), first.tags());
        assertEquals(2, first.line());
        assertEquals(5, rows.get(1).row().line(), "line numbers count the quoted line break and the blank line");
        assertEquals(List.of(), rows.get(1).row().tags());
    }

    @Test
    void badRowsAreRejectedWithLineAndReason() {
        List<ImportRows.Result> rows = all(csv("source,externalReference,customerId,productId,title,text,receivedAt\n"
                + "FAX,R-1," + C + "," + P + ",T,x,\n"
                + "SALES,R-2,nope," + P + ",T,x,\n"
                + "SALES,," + C + "," + P + ",T,x,\n"
                + "SALES,R-4," + C + "," + P + ",T,x,2999-01-01T00:00:00Z\n"
                + "SALES,R-5," + C + "," + P + ",T\n"
                + "SALES,R-6," + C + "," + P + ",T,\"open\n"));
        assertEquals(6, rows.size());
        assertEquals(2, rows.get(0).rejected().line());
        assertEquals("customerId: must be a UUID", rows.get(1).rejected().reason());
        assertEquals("externalReference: must not be blank", rows.get(2).rejected().reason());
        assertEquals("receivedAt: must not be in the future", rows.get(3).rejected().reason());
        assertEquals("has 5 fields, the header 7", rows.get(4).rejected().reason());
        assertEquals("a quoted field is not closed", rows.get(5).rejected().reason());
        rows.forEach(r -> assertNull(r.row()));
    }

    @Test
    void embeddedQuotesAndCrLfLineEndsAreRead() {
        List<ImportRows.Result> rows = all(csv("source,externalReference,customerId,productId,title,text\r\n"
                + "SALES,R-1," + C + "," + P + ",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
                + "SALES,R-2," + C + "," + P + ",5\" wide,\"quoted\" then not\r\n"));
        assertEquals("say \"hi\"", rows.get(0).row().title());
        assertEquals("two\nlines", rows.get(0).row().text());
        assertEquals(4, rows.get(1).row().line(), "the quoted line break counts");
        assertEquals("5\" wide", rows.get(1).row().title(), "a quote inside an unquoted field is kept");
        assertEquals("quoted then not", rows.get(1).row().text());
    }

    private static final String HEADER = "source,externalReference,customerId,productId,title,text\n";
    private static final String TOO_LONG = "longer than 262,144 characters; nothing of it was read";

    private static String good(String ref) {
        return "SALES," + ref + "," + C + "," + P + ",T,x\n";
    }

    @Test
    void aRecordLongerThanTheLimitIsRejectedAndReadingGoesOnWithTheNextOne() {
        String prefix = "SALES,R-1," + C + "," + P + ",T,";
        List<ImportRows.Result> rows = all(csv(HEADER
                + prefix + "x".repeat(ImportRows.MAX_LINE) + "\n"
                + good("R-2")
                + prefix + "\"" + "x".repeat(ImportRows.MAX_LINE) + ", \"\"closed\"\" on this line\"\n"
                + good("R-4")
                + prefix + "\"" + ("y".repeat(99) + "\n").repeat(3000) + "\"\n"
                + good("R-6")));
        assertEquals(6, rows.size());
        assertEquals(new ImportRows.Rejected(2, TOO_LONG), rows.get(0).rejected());
        assertEquals(3, rows.get(1).row().line());
        assertEquals(new ImportRows.Rejected(4, TOO_LONG), rows.get(2).rejected(), "cut inside a quoted field");
        assertEquals(5, rows.get(3).row().line());
        assertEquals(new ImportRows.Rejected(6, TOO_LONG), rows.get(4).rejected(), "many short quoted lines");
        assertEquals(6 + 3001, rows.get(5).row().line());
    }

    @Test
    void recordStartIsTheLineOfTheRecordBeingRead() {
        ImportRows rows = csv(HEADER + good("R-1") + "\n" + "SALES,R-3," + C + "," + P + ",T,\"a\nb\"\n" + good("R-5"));
        assertEquals(2, rows.next().row().line());
        assertEquals(4, rows.next().row().line());
        assertEquals(4, rows.recordStart());
        assertEquals(6, rows.next().row().line());
        assertEquals(6, rows.recordStart());
        assertFalse(rows.hasNext());
        assertEquals(7, rows.recordStart());
    }

    @Test
    void aHeaderWithoutARequiredOrWithAnUnknownColumnIsRefusedWhole() {
        assertEquals(400, assertThrows(ProblemException.class,
                () -> csv("source,externalReference,customerId,productId,title\n")).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> csv("source,externalReference,customerId,productId,title,text,colour\n")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> csv("")).status());
    }

    @Test
    void ndjsonLinesAreObjectsWithKnownFieldsOfTheRightType() {
        String ok = "{\"source\":\"IN_APP\",\"externalReference\":\"A\",\"customerId\":\"" + C + "\",\"productId\":\""
                + P + "\",\"title\":\"T\",\"text\":\"x\",\"tags\":[\"a\"],\"owner\":null}";
        List<ImportRows.Result> rows = all(ImportRows.ndjson(new BufferedReader(new StringReader(ok + "\n"
                + "[1]\n" + "{\"source\": 3}\n" + ok.replace("\"tags\"", "\"label\"") + "\n"))));
        assertEquals(List.of("a"), rows.get(0).row().tags());
        assertEquals("not a JSON object", rows.get(1).rejected().reason());
        assertEquals("source: must be a string", rows.get(2).rejected().reason());
        assertEquals(4, rows.get(3).rejected().line());
    }
}
