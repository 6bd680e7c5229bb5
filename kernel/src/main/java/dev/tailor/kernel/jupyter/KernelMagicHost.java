package dev.tailor.kernel.jupyter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The kernel's side of the magics: classpath changes go through the kernel so new jars' extensions install. */
record KernelMagicHost(TailorKernel kernel) implements Magics.Host {

    @Override
    public void addToClasspath(List<Path> entries) {
        kernel.addToClasspath(entries);
    }

    @Override
    public List<Path> resolve(List<String> coordinates) throws IOException {
        return new MavenResolver().resolve(coordinates);
    }
}
