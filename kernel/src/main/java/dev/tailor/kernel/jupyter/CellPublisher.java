package dev.tailor.kernel.jupyter;

import dev.tailor.kernel.eval.Output;
import java.util.Map;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

/**
 * Sends one execute request's outputs to IOPub as they happen, as children of that request.
 *
 * <p>Messages go straight to the IOPub socket (whose send is synchronized) rather than through the reply
 * environment, because output arrives from the cell's thread and the output timer while the shell thread may
 * have the environment in its one-shot "defer" mode.
 */
final class CellPublisher implements Consumer<Output> {

    private final ShellReplyEnvironment env;
    private final int executionCount;
    private final boolean silent;
    private volatile Output.Error firstError;
    private volatile String resultText;

    /** @param silent the request asked for no broadcast output: errors are still remembered for the reply */
    CellPublisher(ShellReplyEnvironment env, int executionCount, boolean silent) {
        this.env = env;
        this.executionCount = executionCount;
        this.silent = silent;
    }

    @Override
    public void accept(Output output) {
        switch (output) {
            case Output.Stream stream -> publish(new PublishStream(
                    stream.name().equals("stderr") ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT, stream.text()));
            case Output.Display display -> {
                DisplayData data = displayData(display.data());
                if (display.displayId() != null) {
                    data.setDisplayId(display.displayId());
                }
                publish(new PublishDisplayData(data));
            }
            case Output.UpdateDisplay update -> {
                DisplayData data = displayData(update.data());
                data.setDisplayId(update.displayId());
                publish(new PublishUpdateDisplayData(data));
            }
            case Output.Result result -> {
                Object text = result.data().get("text/plain");
                resultText = text == null ? "" : text.toString();
                publish(new PublishExecuteResult(executionCount, displayData(result.data())));
            }
            case Output.Error error -> {
                if (firstError == null) {
                    firstError = error;
                }
                publish(new PublishError(error.name(), error.value(), error.traceback()));
            }
        }
    }

    /** Shows an already rendered bundle, for extensions that call {@code kernel.display(...)}. */
    void display(DisplayData data) {
        publish(new PublishDisplayData(data));
    }

    /** The first error the cell reported, or null when it ran cleanly. */
    Output.Error firstError() {
        return firstError;
    }

    /** The text/plain form of the cell's result, or "" when it had none; history keeps it as the output. */
    String resultText() {
        return resultText == null ? "" : resultText;
    }

    private <T extends ContentType<T>> void publish(T content) {
        if (!silent) {
            env.getIopub().sendMessage(new Message<>(env.getContext(), content.getType(), content));
        }
    }

    static DisplayData displayData(Map<String, Object> bundle) {
        DisplayData data = new DisplayData();
        bundle.forEach(data::putData);
        return data;
    }
}
