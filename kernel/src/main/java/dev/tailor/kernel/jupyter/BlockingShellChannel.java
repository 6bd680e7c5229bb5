package dev.tailor.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A shell or control channel that waits on the socket instead of sleeping between polls. JJava's own channel
 * sleeps 50 ms after every message, which alone would take the round trip of a trivial cell past 50 ms.
 * Requests are handled one at a time on this channel's thread, exactly as JJava's channel does.
 */
final class BlockingShellChannel extends ShellChannel {

    /** How long one wait on the socket lasts before checking whether the channel was closed. */
    private static final long WAIT_MS = 100;

    private final ZMQ.Context context;
    private final boolean control;
    private final JupyterConnection connection;
    private volatile boolean running;
    private volatile Thread loop;

    BlockingShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(context, hmac, control, connection);
        this.context = context;
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        int port = control ? properties.getControlPort() : properties.getShellPort();
        bind(formatAddress(properties.getTransport(), properties.getIp(), port));
        ZMQ.Poller poller = context.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        loop = Thread.ofPlatform().name(control ? "jupyter-control" : "jupyter-shell").start(() -> serve(poller));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void serve(ZMQ.Poller poller) {
        while (running) {
            Message<?> message;
            try {
                if (poller.poll(WAIT_MS) <= 0) {
                    continue;
                }
                message = readMessage();
            } catch (ZMQException | IllegalStateException e) {
                if (running) {
                    logger.warn("Reading from the {} channel failed: {}", control ? "control" : "shell", e.toString());
                }
                continue;
            }
            ShellHandler handler = connection.getHandler(message.getHeader().getType());
            if (handler == null) {
                continue; // a message type this kernel does not answer, as JJava does
            }
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            try {
                handler.handle(env, message);
            } catch (Exception e) {
                logger.warn("Handling {} failed: {}", message.getHeader().getType().getName(), e.toString());
            } finally {
                env.resolveDeferrals();
            }
            if (env.isMarkedForShutdown()) {
                connection.close();
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Thread thread = loop;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(2 * WAIT_MS + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread thread = loop;
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
