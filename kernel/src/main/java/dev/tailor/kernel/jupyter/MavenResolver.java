package dev.tailor.kernel.jupyter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves {@code %maven} coordinates with Maven Resolver: the artifacts and their runtime dependencies, from
 * the central repository Maven's own super POM declares (or {@code TAILOR_MAVEN_REPOSITORY}), cached in the
 * user's Maven local repository ({@code ~/.m2/repository}, or {@code TAILOR_MAVEN_LOCAL}).
 */
public final class MavenResolver {

    private final RepositorySystem system = new RepositorySystemSupplier().get();
    private final RemoteRepository central;
    private final Path localRepository;

    public MavenResolver() throws IOException {
        String url = System.getenv("TAILOR_MAVEN_REPOSITORY");
        this.central = new RemoteRepository.Builder("central", "default", url == null || url.isBlank() ? superPomCentral() : url).build();
        String local = System.getenv("TAILOR_MAVEN_LOCAL");
        this.localRepository = local == null || local.isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository") : Path.of(local);
    }

    /** The jar of each coordinate ({@code group:artifact:version}) and of its runtime dependencies, in order. */
    public List<Path> resolve(List<String> coordinates) throws IOException {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        // POM profiles activate on java.version and friends; without them many POMs read as having no dependencies.
        session.setSystemProperties(System.getProperties());
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            DefaultArtifact artifact;
            try {
                artifact = new DefaultArtifact(coordinate);
            } catch (IllegalArgumentException e) {
                throw new IOException("\"" + coordinate + "\" is not group:artifact:version, for example org.apache.commons:commons-lang3:3.17.0");
            }
            collect.addDependency(new Dependency(artifact, JavaScopes.RUNTIME));
        }
        collect.addRepository(central);
        try {
            return system.resolveDependencies(session, new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME)))
                    .getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(artifact -> artifact.getFile().toPath())
                    .toList();
        } catch (DependencyResolutionException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The URL of "central" in the super POM that Maven's model builder ships, so Tailor names no host itself. */
    private static String superPomCentral() throws IOException {
        try (InputStream in = MavenRepositorySystemUtils.class.getClassLoader().getResourceAsStream("org/apache/maven/model/pom-4.0.0.xml")) {
            if (in == null) {
                throw new IOException("Maven's super POM is not on the classpath; set TAILOR_MAVEN_REPOSITORY to a repository URL.");
            }
            String pom = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher matcher = Pattern.compile("<id>central</id>.*?<url>([^<]+)</url>", Pattern.DOTALL).matcher(pom);
            if (!matcher.find()) {
                throw new IOException("Maven's super POM names no central repository; set TAILOR_MAVEN_REPOSITORY.");
            }
            return matcher.group(1).strip();
        }
    }
}
