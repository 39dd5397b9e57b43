package dl.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Evaluates Java source with JShell, in this JVM, and turns JShell's answers into a live value
 * or a {@link CellError} that points at the cell line.
 *
 * <p>A cell is cut into snippets with JShell's own parser; each snippet's leading blanks and
 * comments are cut off before evaluation so that JShell's line numbers (which count from the
 * first token) match the cell's. The value of the last snippet is returned when it is an
 * expression ({@code 1 + 1}, {@code x}, {@code chart}), not for declarations or statements.
 */
final class JShellEvaluator implements AutoCloseable {

    private static final int MAX_DIAGS = 5;

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final LiveExecutionControl control;
    private final CellThread cellThread;
    private final SnippetOrigins origins = new SnippetOrigins();
    private final PrintStream warnings;
    /** Methods and types declared by the running cell, with where: a second definition gets a warning. */
    private final Map<String, String> declaredThisCell = new HashMap<>();
    /** Variables dropped because a type they use was redefined: name to the explanation. */
    private final Map<String, String> droppedVariables = new HashMap<>();

    /**
     * @param warnings where notes about half-defined methods go (the cell's stderr)
     */
    JShellEvaluator(CellThread cellThread, PrintStream out, PrintStream warnings) {
        this.cellThread = cellThread;
        this.warnings = warnings;
        SnippetClassLoader loader = new SnippetClassLoader(JShellEvaluator.class.getClassLoader());
        this.control = new LiveExecutionControl(loader, cellThread);
        // JShell compiles against java.class.path by default: the kernel's own classpath.
        this.shell = JShell.builder()
                .out(out)
                .err(warnings)
                .in(InputStream.nullInputStream())
                .executionEngine(new FixedControl(control), Map.of())
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        cellThread.setContextClassLoader(control.classLoader());
        String missing = JavadocSources.install();
        if (!missing.isEmpty()) {
            warnings.println("course kernel: inspection shows signatures only where Javadoc is missing: " + missing);
        }
    }

    /** Starts a cell: declarations are counted afresh (see {@link #declaredThisCell}). */
    void beginCell() {
        declaredThisCell.clear();
    }

    /** The loader of snippet classes (and of jars added later). */
    ClassLoader classLoader() {
        return control.classLoader();
    }

    /** Adds a jar or class directory to both the compiler's and the loader's classpath. */
    void addToClasspath(Path path) {
        shell.addToClasspath(path.toAbsolutePath().toString());
    }

    /**
     * Evaluates {@code code}, snippet by snippet, and returns the last expression's value.
     *
     * <p>JShell compiles every snippet on its own, which costs tens of milliseconds each (far
     * more on a busy machine), so a cell of twenty {@code check(...)} lines would spend seconds
     * compiling. Runs of consecutive plain statements (calls, assignments, loops, ifs, try
     * blocks) are therefore evaluated as one block; declarations, expressions and the cell's
     * last snippet still go one by one, so variables stay visible in later cells and the last
     * value is shown. A statement in a block behaves as it does on its own; when a block does
     * not compile, its statements are evaluated one by one instead, so errors read as before.
     *
     * @param label     how errors name the code: "cell [3]", "file helpers.jsh"
     * @param firstLine the line of {@code code}'s first line within that cell or file
     */
    CellResult eval(String code, String label, int firstLine) throws CellError {
        List<Piece> pieces = split(code, firstLine);
        CellResult outcome = CellResult.NONE;
        int i = 0;
        while (i < pieces.size()) {
            int end = i + 1;
            while (end < pieces.size() - 1 && pieces.get(i).batchable() && pieces.get(end).batchable()) {
                end++;
            }
            if (cellThread.interruptRequested()) {
                throw interrupted(new StackTraceElement[0]);
            }
            if (end - i >= 2) {
                outcome = evalBlock(pieces.subList(i, end), label);
            } else {
                Piece p = pieces.get(i);
                outcome = evalSnippet(p.source(), new SnippetOrigins.Origin(label, p.line(), p.source()));
            }
            i = end;
        }
        return outcome;
    }

    /** One snippet of a cell: its source (leading blanks and comments cut off) and first line. */
    private record Piece(String source, int line, boolean batchable) {}

    /** Cuts {@code code} into snippets with JShell's parser (syntax only: nothing is compiled). */
    private List<Piece> split(String code, int firstLine) {
        List<Piece> pieces = new ArrayList<>();
        String remaining = code;
        int offset = 0;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                return pieces;
            }
            // An incomplete or unparsable rest is evaluated as is, so javac explains what is wrong.
            String source = completeness.isComplete() ? info.source() : remaining;
            int skip = SourceText.leadingTrivia(source);
            if (skip >= source.length()) {
                return pieces;
            }
            String snippet = source.substring(skip);
            int line = firstLine + SourceText.countNewlines(code, offset + skip);
            boolean complete = completeness.isComplete();
            pieces.add(new Piece(snippet, line, complete && SourceText.isPlainStatement(snippet)));
            if (!complete) {
                return pieces;
            }
            offset += remaining.length() - info.remaining().length();
            remaining = info.remaining();
        }
    }

    /**
     * Evaluates statements as one block snippet. The block starts with a line holding only
     * "{", and each statement keeps its line distance to the previous one, so line n + 1 of the
     * block is cell line (first line - 1) + n + 1: errors still name the right cell line.
     */
    private CellResult evalBlock(List<Piece> run, String label) throws CellError {
        StringBuilder block = new StringBuilder("{\n");
        int line = run.get(0).line();
        for (Piece p : run) {
            block.append("\n".repeat(Math.max(0, p.line() - line))).append(p.source());
            line = p.line() + SourceText.countNewlines(p.source(), p.source().length());
        }
        block.append("\n}");
        String source = block.toString();
        List<SnippetEvent> events = shell.eval(source);
        boolean rejected = events.stream().anyMatch(e -> e.causeSnippet() == null && e.status() == Snippet.Status.REJECTED);
        if (rejected) {
            // Nothing ran. Evaluate the statements one by one, as without blocks: the ones before
            // a bad line run, and the error names that line exactly as it always did.
            CellResult outcome = CellResult.NONE;
            for (Piece p : run) {
                outcome = evalSnippet(p.source(), new SnippetOrigins.Origin(label, p.line(), p.source()));
            }
            return outcome;
        }
        return handle(events, new SnippetOrigins.Origin(label, run.get(0).line() - 1, source));
    }

    private CellResult evalSnippet(String source, SnippetOrigins.Origin origin) throws CellError {
        return handle(shell.eval(source), origin);
    }

    /** Turns JShell's events for one evaluated snippet into its value or a {@link CellError}. */
    private CellResult handle(List<SnippetEvent> events, SnippetOrigins.Origin origin) throws CellError {
        String exitCall = control.takeRefusal();
        if (exitCall != null) {
            throw exitRefused(exitCall, events, origin);
        }
        CellResult outcome = CellResult.NONE;
        CellError error = null;
        // Dependent snippets re-checked because of this one: a variable whose initializer no
        // longer compiles (its type was redefined) is gone; say so instead of keeping quiet.
        List<String> dropped = new ArrayList<>();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null && event.snippet() instanceof VarSnippet v && event.previousStatus().isDefined()
                    && !event.status().isDefined() && event.status() != Snippet.Status.OVERWRITTEN) {
                dropped.add(v.name());
            }
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            origins.put(snippet.id(), origin);
            if (event.status().isDefined() && snippet instanceof DeclarationSnippet d) {
                noteDeclaration(d, origin, events, dropped);
            }
            if (error != null) {
                continue;
            }
            JShellException thrown = event.exception();
            if (event.status() == Snippet.Status.REJECTED) {
                error = compileError(snippet, origin);
            } else if (thrown != null) {
                error = runtimeError(thrown);
            } else if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                error = unresolvedError((DeclarationSnippet) snippet, origin);
            } else {
                if (event.status() == Snippet.Status.RECOVERABLE_DEFINED && snippet instanceof DeclarationSnippet d) {
                    warnings.println("note: " + describe(d) + " is defined, but cannot be used until "
                            + String.join(", ", shell.unresolvedDependencies(d).toList()) + " is defined");
                }
                if (event.value() != null && showsValue(snippet.subKind())) {
                    Object value = control.takeValue(event.value());
                    // System.out.printf(...) returns the stream: its value is never worth showing.
                    outcome = value instanceof java.io.PrintStream ? CellResult.NONE : CellResult.of(value);
                }
            }
        }
        control.forgetValue();
        if (error != null) {
            throw error;
        }
        return outcome;
    }

    /**
     * Warns about a method or type defined twice in one cell (JShell keeps the second silently),
     * and explains which variables a type's redefinition dropped.
     */
    private void noteDeclaration(DeclarationSnippet d, SnippetOrigins.Origin origin, List<SnippetEvent> events,
            List<String> dropped) {
        if (d instanceof VarSnippet v) {
            droppedVariables.remove(v.name());
            return;
        }
        if (d.kind() != Snippet.Kind.METHOD && d.kind() != Snippet.Kind.TYPE_DECL) {
            return;
        }
        String what = describe(d);
        String where = origin.where(1);
        String earlier = declaredThisCell.put(what, where);
        if (earlier != null) {
            warnings.println("warning: " + what + " is defined twice in this cell (" + earlier + " and " + where
                    + "); the second definition replaces the first");
        }
        if (d.kind() == Snippet.Kind.TYPE_DECL && !dropped.isEmpty()) {
            String names = String.join(", ", dropped);
            String note = (dropped.size() == 1 ? "variable " : "variables ") + names + " of the old " + d.name()
                    + (dropped.size() == 1 ? " was" : " were") + " dropped when " + what + " was redefined (" + where
                    + "): run the cells that define " + (dropped.size() == 1 ? "it" : "them") + " again";
            warnings.println("note: " + note);
            for (String name : dropped) {
                droppedVariables.put(name, note);
            }
            dropped.clear();
        }
    }

    /**
     * A snippet that calls System.exit (or Runtime.exit/halt) was not loaded, so it did not run:
     * ending the JVM would end the kernel and lose every variable. JShell is told to forget it,
     * so a method that would exit is not left half-defined.
     */
    private CellError exitRefused(String call, List<SnippetEvent> events, SnippetOrigins.Origin origin) {
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null && event.snippet() != null && shell.status(event.snippet()).isActive()) {
                shell.drop(event.snippet());
            }
        }
        control.forgetValue();
        control.takeThrown();
        int line = 1;
        String[] lines = origin.source().split("\n", -1);
        String method = call.substring(call.indexOf('.') + 1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(method)) {
                line = i + 1;
                break;
            }
        }
        return new CellError("ExitRefused", call + "(...) is refused in a notebook cell: it would end the kernel "
                + "and every variable with it. Nothing of this code ran. To stop a cell, throw an exception; "
                + "to start afresh, use Kernel > Restart.",
                List.of("  " + origin.where(line) + ": " + origin.lineText(line).strip()));
    }

    /** Expressions show their value; declarations, assignments and statements do not. */
    private static boolean showsValue(Snippet.SubKind kind) {
        return kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                || kind == Snippet.SubKind.VAR_VALUE_SUBKIND
                || kind == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND;
    }

    private CellError runtimeError(JShellException thrown) {
        Throwable live = control.takeThrown();
        if (live instanceof CellThread.CellStoppedException stopped) {
            return new CellError("Interrupted", stopped.getMessage(), Tracebacks.frameLines(thrown.getStackTrace(), origins));
        }
        if (cellThread.interruptRequested()) {
            return interrupted(thrown.getStackTrace());
        }
        if (thrown instanceof EvalException ee) {
            return Tracebacks.forException(live, ee.getStackTrace(), ee.getExceptionClassName(), ee.getMessage(), origins);
        }
        if (thrown instanceof UnresolvedReferenceException ure) {
            DeclarationSnippet d = ure.getSnippet();
            List<String> missing = shell.unresolvedDependencies(d).toList();
            String evalue = describe(d) + " cannot run: it uses " + String.join(", ", missing) + ", which "
                    + (missing.size() == 1 ? "is" : "are") + " not defined";
            return new CellError("UnresolvedReferenceException", evalue, Tracebacks.frameLines(ure.getStackTrace(), origins));
        }
        return Tracebacks.forException(live, thrown.getStackTrace(), thrown.getClass().getName(), thrown.getMessage(), origins);
    }

    private CellError interrupted(StackTraceElement[] frames) {
        String how = cellThread.stopUsed() ? " (stopped with Thread.stop after " + CellThread.STOP_AFTER_MS + " ms)" : "";
        return new CellError("Interrupted", "the cell was interrupted" + how, Tracebacks.frameLines(frames, origins));
    }

    private CellError unresolvedError(DeclarationSnippet d, SnippetOrigins.Origin origin) {
        List<String> missing = shell.unresolvedDependencies(d).toList();
        String evalue = "cannot find symbol: " + String.join(", ", missing) + " (needed by " + describe(d) + ")";
        return new CellError("CompilationException", evalue, List.of("  " + origin.where(1) + ": " + origin.lineText(1).strip()));
    }

    private CellError compileError(Snippet snippet, SnippetOrigins.Origin origin) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty()) {
            if (snippet instanceof DeclarationSnippet d) {
                List<String> missing = shell.unresolvedDependencies(d).toList();
                if (!missing.isEmpty()) {
                    return unresolvedError(d, origin);
                }
            }
            return new CellError("CompilationException", "JShell rejected this code",
                    List.of("  " + origin.where(1) + ": " + origin.lineText(1).strip()));
        }
        List<String> lines = new ArrayList<>();
        String evalue = diagMessage(diags.get(0)) + droppedNote(diags.get(0));
        for (Diag d : diags.subList(0, Math.min(MAX_DIAGS, diags.size()))) {
            long start = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            long end = Math.max(d.getEndPosition(), start + 1);
            int at = (int) Math.max(0, Math.min(start, origin.source().length()));
            int snippetLine = 1 + SourceText.countNewlines(origin.source(), at);
            int column = at - (origin.source().lastIndexOf('\n', at - 1) + 1);
            String text = origin.lineText(snippetLine).replace('\t', ' ');
            String prefix = "  " + origin.where(snippetLine) + ": ";
            lines.add(prefix + text);
            int width = (int) Math.max(1, Math.min(end - start, text.length() - column));
            lines.add(" ".repeat(prefix.length() + column) + "^".repeat(width));
            if (diags.size() > 1) {
                lines.add("  error: " + diagMessage(d));
            }
        }
        if (diags.size() > MAX_DIAGS) {
            lines.add("  ... " + (diags.size() - MAX_DIAGS) + " more errors");
        }
        return new CellError("CompilationException", evalue, lines);
    }

    private static final java.util.regex.Pattern MISSING_VARIABLE =
            java.util.regex.Pattern.compile("symbol:\\s+variable\\s+([\\w$]+)");

    /** For "cannot find symbol: variable p" where p was dropped by a type's redefinition: why. */
    private String droppedNote(Diag d) {
        java.util.regex.Matcher m = MISSING_VARIABLE.matcher(d.getMessage(null));
        if (m.find()) {
            String note = droppedVariables.get(m.group(1));
            if (note != null) {
                return " (" + note + ")";
            }
        }
        return "";
    }

    /** javac's message on one line, without its "location: class" noise. */
    static String diagMessage(Diag d) {
        List<String> parts = new ArrayList<>();
        for (String line : d.getMessage(null).split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("location:")) {
                continue;
            }
            parts.add(t.startsWith("symbol:") ? t.substring("symbol:".length()).strip() : t);
        }
        return String.join(": ", parts);
    }

    private static String describe(DeclarationSnippet d) {
        return switch (d.kind()) {
            case METHOD -> "method " + d.name() + "(" + ((MethodSnippet) d).parameterTypes() + ")";
            case TYPE_DECL -> "type " + d.name();
            case VAR -> "variable " + d.name();
            default -> d.name();
        };
    }

    /** Whether {@code code} is ready to run: complete, incomplete or invalid. */
    CodeStatus completeness(String code) {
        CompletionInfo info = analysis.analyzeCompletion(code);
        while (info.completeness().isComplete()) {
            // JShell calls "x y z;" complete: it ends with a semicolon. Parse it to see it is Java.
            if (!SyntaxCheck.parses(info.source())) {
                return CodeStatus.INVALID;
            }
            info = analysis.analyzeCompletion(info.remaining());
        }
        return switch (info.completeness()) {
            case EMPTY, COMPLETE, COMPLETE_WITH_SEMI -> CodeStatus.COMPLETE;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> CodeStatus.INCOMPLETE;
            default -> CodeStatus.INVALID;
        };
    }

    /** Completions at {@code cursor}: distinct continuations, type matches first; anchor[0] = start. */
    List<String> complete(String code, int cursor, int[] anchor) {
        int start = snippetStart(code, cursor);
        int[] relative = new int[1];
        // Variables and types declared earlier in this cell are not run yet, so JShell does not know
        // them: put their declarations before the snippet (completion reads it as a method body).
        String context = earlierDeclarations(code, start);
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(
                context + code.substring(start), context.length() + cursor - start, relative);
        anchor[0] = start + relative[0] - context.length();
        if (!context.isEmpty() && (suggestions.isEmpty() || anchor[0] < start)) {
            suggestions = analysis.completionSuggestions(code.substring(start), cursor - start, relative);
            anchor[0] = start + relative[0];
        }
        Set<String> ordered = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> ordered.add(s.continuation()));
        suggestions.forEach(s -> ordered.add(s.continuation()));
        return new ArrayList<>(ordered);
    }

    /** Signatures (and Javadoc when sources are known) of what is under the cursor. */
    List<SourceCodeAnalysis.Documentation> documentation(String code, int cursor) {
        int at = cursor;
        while (at < code.length() && Character.isJavaIdentifierPart(code.charAt(at))) {
            at++;
        }
        int paren = at;
        while (paren < code.length() && Character.isWhitespace(code.charAt(paren))) {
            paren++;
        }
        if (paren < code.length() && code.charAt(paren) == '(') {
            at = paren + 1;
            int start = snippetStart(code, Math.min(cursor, at));
            return analysis.documentation(code.substring(start), at - start, true);
        }
        int start = snippetStart(code, Math.min(cursor, at));
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code.substring(start), at - start, true);
        if (docs.isEmpty() && at > 0 && Character.isJavaIdentifierPart(code.charAt(at - 1))) {
            // "Math.sqrt" with no call yet: JShell documents methods only inside a call, so ask as if "(" followed.
            String asCall = code.substring(start, at) + "(" + code.substring(at);
            docs = analysis.documentation(asCall, at - start + 1, true);
        }
        return docs;
    }

    /**
     * The snippets of {@code code} before {@code end} that can stand in a method body (variables,
     * local types, statements), one per line; methods and imports are left out, as completion
     * reads the text as a method body.
     */
    private String earlierDeclarations(String code, int end) {
        StringBuilder out = new StringBuilder();
        String remaining = code.substring(0, end);
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                return out.toString();
            }
            String source = info.source();
            // By syntax, not by JShell's kinds: "var t = s.trim();" with s from this cell is
            // ERRONEOUS to JShell (s is unknown yet) but is exactly what completion needs.
            if (SyntaxCheck.parsesInMethodBody(source)) {
                out.append(source.strip()).append('\n');
            }
            if (info.remaining().length() >= remaining.length()) {
                return out.toString();
            }
            remaining = info.remaining();
        }
    }

    /** Start of the snippet that contains {@code cursor}, so completion sees only that snippet. */
    private int snippetStart(String code, int cursor) {
        int start = 0;
        while (start < cursor) {
            CompletionInfo info = analysis.analyzeCompletion(code.substring(start));
            if (!info.completeness().isComplete()) {
                break;
            }
            int consumed = code.length() - start - info.remaining().length();
            if (consumed <= 0 || start + consumed >= cursor) {
                break;
            }
            start += consumed;
        }
        return start;
    }

    @Override
    public void close() {
        shell.close();
    }

    /** Hands JShell our one execution control instance. */
    private record FixedControl(LiveExecutionControl control) implements ExecutionControlProvider {
        @Override
        public String name() {
            return "course-live";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
