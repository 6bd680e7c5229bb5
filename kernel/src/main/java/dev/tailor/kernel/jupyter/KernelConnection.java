package dev.tailor.kernel.jupyter;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * JJava's connection with shell and control served by {@link BlockingShellChannel}s. Heartbeat, stdin and IOPub
 * are JJava's; the unused default shell and control channels are never bound.
 */
final class KernelConnection extends JupyterConnection {

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final BlockingShellChannel shellChannel;
    private final BlockingShellChannel controlChannel;

    KernelConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        HMACGenerator hmac = properties.createHMACGenerator();
        this.shellChannel = new BlockingShellChannel(context, hmac, false, this);
        this.controlChannel = new BlockingShellChannel(context, hmac, true, this);
    }

    @Override
    public void connect() {
        iopub.bind(properties);
        stdin.bind(properties);
        heartbeat.bind(properties);
        controlChannel.bind(properties);
        shellChannel.bind(properties);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public void close() {
        controlChannel.close();
        shellChannel.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        shellChannel.waitUntilClose();
        controlChannel.waitUntilClose();
        super.waitUntilClose();
    }
}
