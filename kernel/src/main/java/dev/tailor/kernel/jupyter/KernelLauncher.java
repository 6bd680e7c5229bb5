package dev.tailor.kernel.jupyter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** Runs Tailor's kernel for a Jupyter connection file until the frontend shuts it down. */
public final class KernelLauncher {

    private KernelLauncher() {
    }

    /** Connects to the ports in {@code connectionFile}, serves requests, and returns after a shutdown request. */
    public static void run(Path connectionFile) throws IOException {
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        TailorKernel kernel = TailorKernel.create();
        KernelConnection connection;
        try {
            connection = new KernelConnection(properties);
        } catch (GeneralSecurityException e) {
            throw new IOException("The connection file " + connectionFile + " names a signature scheme this JVM lacks: "
                    + properties.getSignatureScheme(), e);
        }
        // As ipykernel's parent poller does: a kernel whose frontend died can never be reached again.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        // The shell starts once the sockets are up: on a small machine its compiler warm-up would otherwise
        // delay the first kernel_info_reply, which needs no shell.
        kernel.start();
        connection.waitUntilClose();
    }
}
