package dev.tandem.devstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tandem.devstack.stack.StackException;

/** Finds the root of the Tandem repository: the folder with {@code pom.xml} and {@code devstack/pom.xml}. */
public final class RepoRoot {

    private RepoRoot() {
    }

    /** From where this class was loaded (normally {@code devstack/target/...}), else from the working directory. */
    public static Path find() {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(RepoRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall back to the working directory
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            Path found = findFrom(start);
            if (found != null) {
                return found;
            }
        }
        throw new StackException("cannot find the Tandem repository (a folder with pom.xml and devstack/pom.xml) above "
                + starts.get(starts.size() - 1) + " — run this from inside the repository");
    }

    /** The nearest folder at or above {@code start} that is the repository root, or {@code null}. */
    public static Path findFrom(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("devstack").resolve("pom.xml"))) {
                return dir;
            }
        }
        return null;
    }
}
