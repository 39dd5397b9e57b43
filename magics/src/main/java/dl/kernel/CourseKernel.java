package dl.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.reply.ShutdownReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * The course's Java kernel for Jupyter: jjava-jupyter's messaging around a {@link NotebookSession}.
 *
 * <p>Start with {@code java -cp <kernel jar>:<lib>/* dl.kernel.CourseKernel <connection file>}
 * (see {@link InstallKernelspec}). The kernel answers {@code kernel_info} at once while JShell
 * warms up in the background; the first cell waits for it.
 *
 * <p>Execution is handled here rather than by the base class so that every failure, including
 * {@code Error}s, becomes a Jupyter error with a short traceback, and so that output is
 * published only by the shell thread (see {@link CellOutput}).
 */
public final class CourseKernel extends BaseKernel {

    private final NotebookSession session;
    private final CellOutput output;
    private final CellInput input;
    private final CellHistory history = new CellHistory();

    CourseKernel(NotebookSession session, CellOutput output, CellInput input) {
        super("course-java", "1.0",
                new LanguageInfo.Builder("java")
                        .version(Runtime.version().toString())
                        .mimetype("text/x-java-source")
                        .fileExtension(".jshell")
                        .pygments("java")
                        .codemirror("text/x-java")
                        .build(),
                List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                null,
                new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(),
                new Renderer(),
                null,
                null,
                false,
                new StringStyler.Builder().build());
        this.session = session;
        this.output = output;
        this.input = input;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java dl.kernel.CourseKernel <connection file>");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile)) {
            System.err.println("course kernel: connection file not found: " + connectionFile.toAbsolutePath());
            System.exit(2);
        }
        StartupTrace.mark("main");
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));

        // Notebook code writes into the running cell; between cells, to the kernel's stderr.
        PrintStream kernelErr = System.err;
        CellOutput output = new CellOutput(kernelErr);
        System.setOut(output.out());
        System.setErr(output.err());
        CellInput input = new CellInput(output);
        System.setIn(input);

        exitWithParent();
        NotebookSession session = NotebookSession.create(Path.of("").toAbsolutePath(), output);
        CourseKernel kernel = new CourseKernel(session, output, input);
        JupyterConnection connection = new JupyterConnection(props);
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        StartupTrace.mark("connected");
        // JShell and Nd4j warm up only now, so they do not compete with answering kernel_info.
        session.startInBackground();
        connection.waitUntilClose();
        session.close();
        System.exit(0);
    }

    /**
     * Ends the kernel when the Jupyter process that started it dies without a shutdown request
     * (a killed test run), so no kernel JVM is left behind. Jupyter passes its pid as JPY_PARENT_PID.
     */
    private static void exitWithParent() {
        String pid = System.getenv("JPY_PARENT_PID");
        java.util.Optional<ProcessHandle> parent;
        try {
            parent = pid != null ? ProcessHandle.of(Long.parseLong(pid.trim())) : ProcessHandle.current().parent();
        } catch (NumberFormatException e) {
            parent = ProcessHandle.current().parent();
        }
        parent.ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        int count = !silent && request.shouldStoreHistory() ? executionCount.getAndIncrement() : executionCount.get();
        StartupTrace.mark("execute_request");
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        CellOutput.Sink sink = silent ? new DiscardSink() : new PublishingSink(env);
        input.begin(request.isStdinEnabled() && !silent ? prompt -> env.readFromStdIn(prompt, false) : null);
        String shown = null;
        try {
            DisplayData value = session.execute(request.getCode(), count, sink);
            if (value != null && !silent) {
                env.publish(new PublishExecuteResult(count, value));
                Object text = value.getData(MIMEType.TEXT_PLAIN);
                shown = text == null ? null : text.toString();
            }
            List<Map<String, Object>> payload = new ArrayList<>();
            for (String page : session.takePages()) {
                payload.add(ShellReplies.pagerPayload(page));
            }
            env.defer();
            ShellReplies.reply(env, ExecuteReply.MESSAGE_TYPE, ShellReplies.executeOk(count, payload));
            StartupTrace.mark("execute done");
        } catch (CellError e) {
            replyError(env, count, e);
        } catch (Throwable t) {
            // A kernel bug or an Error outside notebook code: report it, keep the shell loop alive.
            replyError(env, count, new CellError(Tracebacks.simpleName(t.getClass().getName()),
                    "course kernel failure: " + t.getMessage(), List.of("  (in the kernel, not in your code: " + t + ")")));
        } finally {
            input.end();
            if (!silent && request.shouldStoreHistory()) {
                history.add(count, request.getCode(), shown);
            }
        }
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        List<CellHistory.Entry> entries;
        if (request instanceof HistoryRequest.Tail tail) {
            entries = history.tail(tail.getMaxReturnLength());
        } else if (request instanceof HistoryRequest.Range range) {
            entries = history.range(range.getSessionIndex(), range.getStart(), range.getStop());
        } else if (request instanceof HistoryRequest.Search search) {
            entries = history.search(search.getPattern(), search.getMaxReturnLength(), search.filterUnique());
        } else {
            entries = List.of();
        }
        List<List<Object>> tuples = new ArrayList<>();
        for (CellHistory.Entry e : entries) {
            tuples.add(e.toTuple(request.includeOutput()));
        }
        Map<String, Object> content = ShellReplies.ok();
        content.put("history", tuples);
        ShellReplies.reply(env, HistoryReply.MESSAGE_TYPE, content);
    }

    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        env.setBusyDeferIdle();
        Map<String, Object> content = ShellReplies.ok();
        content.put("restart", message.getContent().isRestart());
        env.defer();
        ShellReplies.reply(env, ShutdownReply.MESSAGE_TYPE, content);
        onShutdown(message.getContent().isRestart());
        env.resolveDeferrals(); // before the loops stop
        env.markForShutdown();
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        env.defer();
        ShellReplies.reply(env, InterruptReply.MESSAGE_TYPE, ShellReplies.ok());
        interrupt();
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        StartupTrace.mark("kernel_info_request");
        env.setBusyDeferIdle();
        Map<String, Object> content = ShellReplies.ok();
        content.put("protocol_version", Header.PROTOCOL_VERISON);
        content.put("implementation", getName());
        content.put("implementation_version", getVersion());
        content.put("language_info", getLanguageInfo());
        content.put("banner", getBanner());
        content.put("help_links", getHelpLinks());
        ShellReplies.reply(env, KernelInfoReply.MESSAGE_TYPE, content);
    }

    private static void replyError(ShellReplyEnvironment env, int count, CellError e) {
        env.publish(new PublishError(e.ename(), e.evalue(), e.traceback()));
        ErrorReply reply = new ErrorReply(e.ename(), e.evalue(), e.traceback());
        reply.setExecutionCount(count);
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }

    @Override
    public Object evalRaw(String source) {
        // Jupyter execution goes through handleExecuteRequest; this serves BaseKernel's eval().
        try {
            return session.execute(source, executionCount.get(), new DiscardSink());
        } catch (CellError e) {
            throw new IllegalStateException(e.render(), e);
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        try {
            String text = session.inspect(code, at);
            return text == null ? null : new DisplayData(text);
        } catch (CellError | RuntimeException | StackOverflowError e) {
            return null; // no help for this code; never let an editor request kill the shell loop
        }
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        try {
            int[] anchor = new int[1];
            List<String> options = session.complete(code, at, anchor);
            return options.isEmpty() ? null : new ReplacementOptions(options, anchor[0], at);
        } catch (CellError | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    @Override
    public String isComplete(String code) {
        try {
            return switch (session.completeness(code)) {
                case COMPLETE -> IS_COMPLETE_YES;
                case INCOMPLETE -> nextIndent(code);
                case INVALID -> IS_COMPLETE_BAD;
            };
        } catch (CellError | RuntimeException | StackOverflowError e) {
            return IS_COMPLETE_MAYBE;
        }
    }

    /** The indent for the next line of incomplete code: the last line's, one level deeper after "{" or "(". */
    static String nextIndent(String code) {
        String last = code.substring(code.lastIndexOf('\n') + 1);
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        String t = last.strip();
        return t.endsWith("{") || t.endsWith("(") ? indent + "    " : indent;
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        output.discardIdleOutput();
        session.interrupt();
        super.onShutdown(isRestarting);
    }

    @Override
    public void interrupt() {
        session.interrupt();
    }

    @Override
    public List<String> formatError(Throwable e) {
        return e instanceof CellError ce ? ce.traceback() : List.of(e.toString());
    }

    /** Publishes a cell's output on IOPub. */
    private record PublishingSink(ShellReplyEnvironment env) implements CellOutput.Sink {
        @Override
        public void text(CellOutput.Stream stream, String text) {
            env.publish(new PublishStream(stream == CellOutput.Stream.STDOUT
                    ? PublishStream.StreamType.OUT : PublishStream.StreamType.ERR, text));
        }

        @Override
        public void clear(boolean wait) {
            env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        }

        @Override
        public void display(DisplayData data, boolean update) {
            if (update) {
                env.publish(new PublishUpdateDisplayData(data));
            } else {
                env.publish(new PublishDisplayData(data));
            }
        }
    }

    /** For silent requests: output is not broadcast. */
    private static final class DiscardSink implements CellOutput.Sink {
        @Override
        public void text(CellOutput.Stream stream, String text) {}

        @Override
        public void display(DisplayData data, boolean update) {}

        @Override
        public void clear(boolean wait) {}
    }
}
