package dev.tandem.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void keepsASaneId() {
        assertEquals("abc.DEF_12-3", RequestIds.acceptOrCreate("abc.DEF_12-3"));
        assertEquals("x".repeat(128), RequestIds.acceptOrCreate("x".repeat(128)));
    }

    @Test
    void replacesAnythingElse() {
        for (String bad : new String[] {null, "", "x".repeat(129), "a b", "a\nb", "ü", "a;b", "<x>"}) {
            assertFalse(RequestIds.isSane(bad), String.valueOf(bad));
            String replaced = RequestIds.acceptOrCreate(bad);
            assertTrue(RequestIds.isSane(replaced));
            assertNotEquals(bad, replaced);
        }
    }
}
