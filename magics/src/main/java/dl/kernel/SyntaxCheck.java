package dl.kernel;

import com.sun.source.util.JavacTask;
import java.net.URI;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Whether one JShell snippet is syntactically Java, by the JDK compiler's own parser (nothing is
 * attributed or compiled, so unknown names are fine). JShell's completeness analysis only looks
 * at where a snippet ends: it calls {@code int x = ;} or {@code x y z;} complete.
 *
 * <p>A snippet is valid when it parses in one of the places JShell accepts code: before a class
 * (imports), as a class member (methods, fields, types), in a method body (statements, local
 * variables and types) or as an expression.
 */
final class SyntaxCheck {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private SyntaxCheck() {}

    static boolean parses(String snippet) {
        String code = snippet.strip();
        String expression = code.endsWith(";") ? code.substring(0, code.length() - 1) : code;
        List<String> wrappings = List.of(
                code + "\nclass $Snippet {}",
                "class $Snippet {\n" + code + "\n}",
                "class $Snippet { void $run() throws Throwable {\n" + code + "\n} }",
                "class $Snippet { void $run() throws Throwable {\n" + code + ";\n} }",
                "class $Snippet { Object $value = (\n" + expression + "\n); }");
        for (String source : wrappings) {
            if (parsesAlone(source)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code snippet} can stand in a method body (statements, local variables and types). */
    static boolean parsesInMethodBody(String snippet) {
        return parsesAlone("class $Snippet { void $run() throws Throwable {\n" + snippet.strip() + "\n} }");
    }

    private static boolean parsesAlone(String source) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///$Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) JAVAC.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(file));
        try {
            task.parse();
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        return diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR);
    }
}
