package dev.tailor.kernel.jupyter;

import dev.tailor.kernel.eval.CellAnalysis;
import dev.tailor.kernel.eval.CellEvaluator;
import dev.tailor.kernel.eval.MimeRenderer;
import dev.tailor.kernel.eval.Output;
import dev.tailor.kernel.notebook.KernelSpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * Tailor's Jupyter kernel: JJava's protocol handling ({@link BaseKernel}) around Tailor's in-process
 * {@link CellEvaluator}. One kernel per JVM; the JShell starts in the background so the kernel answers
 * {@code kernel_info_request} at once, and the first cell waits for it.
 *
 * <p>Renderers and startup imports come from JJava extensions found with {@code ServiceLoader}, Tailor's own
 * {@code TailorExtension} among them, exactly as they would in a stock JJava kernel.
 */
public final class TailorKernel extends BaseKernel {

    private final KernelHistory history;
    // Set on the start thread before the extensions run, so their startup code can use it; requests wait for ready.
    private volatile CellEvaluator shell;
    private final CompletableFuture<CellEvaluator> evaluator;
    private volatile CellPublisher running;

    private TailorKernel(Builder builder, KernelHistory history, Renderer renderer) {
        super(builder.kernelName(), builder.kernelVersion(), languageInfo(), List.of(), history,
                builder.io(), builder.comms(), renderer, builder.magicParser(), builder.magicsRegistry(), true,
                builder.errorStyler());
        this.history = history;
        this.evaluator = new CompletableFuture<>();
    }

    /** A kernel with an empty history; call {@link #start()} before handling requests. */
    public static TailorKernel create() {
        return new Builder().build();
    }

    /**
     * Starts the JShell and installs the extensions on a background thread; requests that need the shell wait
     * for it. Call it once, after the kernel is connected.
     */
    public void start() {
        Thread.ofPlatform().name("tailor-kernel-start").daemon().start(() -> {
            try {
                shell = new CellEvaluator(new MimeRenderer(getRenderer()), "");
                onStartup(); // extensions: renderers and the startup imports
                shell.warmUp();
                evaluator.complete(shell);
            } catch (RuntimeException | Error e) {
                evaluator.completeExceptionally(e);
            }
        });
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo(KernelSpec.LANGUAGE, Runtime.version().toString(), "text/x-java", ".jshell",
                "java", "text/x-java", "script");
    }

    /** The evaluator, once started; rethrows why it could not start. */
    CellEvaluator evaluator() {
        try {
            return evaluator.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("The Java shell did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        String code = request.getCode();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : Math.max(0, executionCount.get() - 1);
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(code, count));
        }
        CellPublisher publisher = new CellPublisher(env, count, silent);
        running = publisher;
        try {
            InputStream in = request.isStdinEnabled() ? new FrontendInput(env) : InputStream.nullInputStream();
            new Magics(evaluator(), new KernelMagicHost(this)).run(code, publisher, in);
        } catch (RuntimeException e) {
            publisher.accept(new Output.Error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), List.of(e.toString())));
        } finally {
            running = null;
        }
        if (store) {
            history.add(count, code, publisher.resultText());
        }
        Output.Error error = publisher.firstError();
        if (error == null) {
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } else {
            ErrorReply reply = new ErrorReply(error.name(), error.value(), error.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new Replies.KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries = switch (request) {
            case HistoryRequest.Tail tail -> history.lookupTail(tail.getMaxReturnLength(), flags);
            case HistoryRequest.Range range -> history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            case HistoryRequest.Search search -> {
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
            default -> List.of();
        };
        env.reply(new Replies.History(entries).toMessage(env.getContext()));
    }

    /** Routes {@code kernel.display(...)} from extensions to the running cell; outside a cell there is nowhere to show it. */
    @Override
    public void display(DisplayData data) {
        CellPublisher publisher = running;
        if (publisher != null) {
            publisher.display(data);
        }
    }

    /** Runs code for extensions (their startup scripts); throws on the first error, returns no value. */
    @Override
    public Object evalRaw(String code) {
        CellEvaluator current = shell;
        if (current == null) {
            throw new IllegalStateException("The Java shell has not started yet.");
        }
        List<Output> outputs = current.eval(code);
        for (Output output : outputs) {
            if (output instanceof Output.Error error) {
                throw new IllegalStateException(error.name() + ": " + error.value());
            }
        }
        return null;
    }

    @Override
    public DisplayData eval(String code) {
        evalRaw(code);
        return null;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<String> docs = evaluator().analysis().documentation(code, Math.min(at, code.length()));
        return docs.isEmpty() ? null : new DisplayData(String.join("\n\n", docs));
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellAnalysis.Completion completion = evaluator().analysis().complete(code, Math.min(at, code.length()));
        return new ReplacementOptions(completion.matches(), completion.start(), completion.end());
    }

    @Override
    public String isComplete(String code) {
        CellAnalysis.Readiness readiness = evaluator().analysis().readiness(code);
        return switch (readiness.status()) {
            case "complete" -> IS_COMPLETE_YES;
            case "invalid" -> IS_COMPLETE_BAD;
            default -> readiness.indent(); // BaseKernel treats any other string as "incomplete" with this indent
        };
    }

    /** Stops the running cell; called on the control channel's thread while the shell thread runs the cell. */
    @Override
    public void interrupt() {
        CellEvaluator current = shell;
        if (current != null) {
            current.stop();
        }
    }

    @Override
    public void onShutdown(boolean restart) {
        super.onShutdown(restart);
        CellEvaluator current = shell;
        if (current != null) {
            current.close();
        }
    }

    /** Adds classpath entries to the shell and installs any JJava extensions they bring. */
    void addToClasspath(List<Path> entries) {
        CellEvaluator current = evaluator();
        for (Path entry : entries) {
            current.addToClasspath(entry.toString());
        }
        ClassLoader loader = current.snippetClassLoader();
        if (loader != null) {
            installExtensions(loader);
        }
    }

    /** Builds the kernel from JJava's builder defaults, named and versioned as Tailor. */
    static final class Builder extends BaseKernelBuilder<Builder, TailorKernel> {

        Builder() {
            name("Tailor");
            version(version());
        }

        @Override
        public TailorKernel build() {
            return new TailorKernel(this, new KernelHistory(), buildRenderer());
        }

        String kernelName() {
            return buildName();
        }

        String kernelVersion() {
            return buildVersion();
        }

        org.dflib.jjava.jupyter.kernel.JupyterIO io() {
            return buildJupyterIO(StandardCharsets.UTF_8);
        }

        org.dflib.jjava.jupyter.kernel.comm.CommManager comms() {
            return buildCommManager();
        }

        MagicParser magicParser() {
            // Unused: Magics handles Tailor's magics before code reaches JShell. BaseKernel insists on one.
            return new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler());
        }

        org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry magicsRegistry() {
            return buildMagicsRegistry();
        }

        org.dflib.jjava.jupyter.kernel.util.StringStyler errorStyler() {
            return buildErrorStyler();
        }

        private static String version() {
            String version = TailorKernel.class.getPackage().getImplementationVersion();
            return version == null ? "dev" : version;
        }
    }
}
