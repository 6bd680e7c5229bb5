package dev.tailor.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resolves an artifact the build itself already put in the local repository, so the test needs no network.
 */
class MavenResolverTest {

    @Test
    void resolvesAnArtifactToItsJarInTheLocalRepository() throws IOException {
        List<Path> jars = new MavenResolver().resolve(List.of("org.apache.commons:commons-math3:3.6.1"));
        assertEquals(1, jars.size(), jars.toString());
        assertTrue(jars.getFirst().toString().endsWith("commons-math3-3.6.1.jar"), jars.toString());
    }

    @Test
    void malformedCoordinatesSayWhatIsExpected() {
        IOException error = assertThrows(IOException.class, () -> new MavenResolver().resolve(List.of("commons-math3")));
        assertTrue(error.getMessage().contains("group:artifact:version"), error.getMessage());
    }
}
