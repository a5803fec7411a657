package dev.tandem.e2e;

/** What the system tests share beyond the stack: the names of the resources they lock against each other. */
final class SystemTests {

    /**
     * Held by a test that judges how fast answers come ({@link AbuseSuiteTest}: a request slower than 1 s twice is a
     * finding) and by one that loads the machine with stacks of its own ({@link FaultSuiteTest}): the two never run
     * at the same time (src/test/resources/junit-platform.properties runs FaultSuiteTest beside the others).
     */
    static final String TIMED = "machine-load-and-timed-answers";

    private SystemTests() {
    }
}
