package dev.tandem.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import dev.tandem.platform.problem.Problem;
import dev.tandem.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsTest {

    @Test
    void etagIsTheQuotedVersion() {
        assertEquals("\"7\"", Versions.etag(7));
        assertEquals("7", Versions.entityTag(7).getValue());
        assertTrue(!Versions.entityTag(7).isWeak());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", " \"7\" ", "W/\"7\"", "\"6\", \"7\"", "\"6\",W/\"7\""})
    void matchingIfMatchPasses(String header) {
        assertDoesNotThrow(() -> Versions.requireIfMatch(header, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"6\"", "W/\"8\"", "\"6\", \"8\"", "\"07x\""})
    void staleIfMatchIs412(String header) {
        ProblemException e = assertThrows(ProblemException.class, () -> Versions.requireIfMatch(header, 7));
        assertEquals(412, e.status());
        assertEquals(Problem.TYPE_BASE + "precondition-failed", e.problem().type());
        assertTrue(e.problem().detail().contains("\"7\""), e.problem().detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "*"})
    void missingOrWildcardIfMatchIs428(String header) {
        ProblemException e = assertThrows(ProblemException.class, () -> Versions.requireIfMatch(header, 7));
        assertEquals(428, e.status());
        assertEquals(Problem.TYPE_BASE + "precondition-required", e.problem().type());
    }

    @Test
    void nullIfMatchIs428() {
        assertEquals(428, assertThrows(ProblemException.class, () -> Versions.requireIfMatch(null, 7)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "\"7", "\"7\" \"8\"", "\"7\",", "W/7", "\"7\";x"})
    void malformedIfMatchIs400NamingTheHeader(String header) {
        ProblemException e = assertThrows(ProblemException.class, () -> Versions.requireIfMatch(header, 7));
        assertEquals(400, e.status());
        assertEquals(List.of("If-Match"), e.problem().errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void opaqueTagsForResourcesWhoseTagIsNotABareVersion() {
        assertTrue(Versions.names("\"7.3\"", "7.3"));
        assertTrue(Versions.names("W/\"7.2\", \"7.3\"", "7.3"));
        assertTrue(Versions.names("*", "7.3"));
        assertFalse(Versions.names("\"7.2\"", "7.3"));
        assertFalse(Versions.names(null, "7.3"));
        Versions.requireIfMatch("\"7.9\"", tag -> tag.startsWith("7."), "\"7.3\"");
        ProblemException stale = assertThrows(ProblemException.class,
                () -> Versions.requireIfMatch("\"6.3\"", tag -> tag.startsWith("7."), "\"7.3\""));
        assertEquals(412, stale.status());
        assertTrue(stale.problem().detail().contains("\"7.3\""), stale.problem().detail());
        assertEquals(428, assertThrows(ProblemException.class,
                () -> Versions.requireIfMatch("*", tag -> true, "\"7.3\"")).status());
    }

    @Test
    void tagListParsing() {
        assertEquals(List.of("1", "2", "3"), Versions.tags("\"1\", W/\"2\",\"3\""));
        assertEquals(List.of(), Versions.tags("1"));
    }

    @Test
    void versionOfReadsOneTag() {
        assertEquals(OptionalLong.of(12), Versions.versionOf("\"12\""));
        assertEquals(OptionalLong.of(12), Versions.versionOf("W/\"12\""));
        assertEquals(OptionalLong.empty(), Versions.versionOf("\"abc\""));
        assertEquals(OptionalLong.empty(), Versions.versionOf("\"1\", \"2\""));
        assertEquals(OptionalLong.empty(), Versions.versionOf(null));
    }
}
