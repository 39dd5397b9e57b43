package dl.kernel;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Loads the classes JShell compiles for each snippet, in the kernel's own JVM.
 *
 * <p>Its parent is the kernel's class loader, so a snippet that builds an XChart chart or a
 * tablesaw table makes objects of the very classes the kernel's renderers know. Jars added
 * with {@code %jars} / {@code %classpath} are searched after the kernel's classpath.
 */
final class SnippetClassLoader implements LoaderDelegate {

    private final Map<String, byte[]> bytecodes = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
    /** Snippet classes not loaded because they would end the JVM: class name to the call. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private volatile String lastRefusal;
    private final Loader loader;

    SnippetClassLoader(ClassLoader parent) {
        this.loader = new Loader(parent);
    }

    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        for (ClassBytecodes c : classes) {
            String call = ExitCallScanner.exitCall(c.bytecodes());
            if (call != null) {
                // Nothing of this snippet is loaded, so nothing of it can run (see ExitCallScanner).
                refused.put(c.name(), call);
                lastRefusal = call;
                throw new ClassInstallException("refused: calls " + call, installed);
            }
        }
        for (int i = 0; i < classes.length; i++) {
            bytecodes.put(classes[i].name(), classes[i].bytecodes());
        }
        for (int i = 0; i < classes.length; i++) {
            String name = classes[i].name();
            try {
                loaded.put(name, loader.loadClass(name));
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("cannot load snippet class " + name + ": " + e, installed);
            }
        }
    }

    /** The exit call of a refused snippet class, or null. */
    String refusal(String className) {
        return refused.get(className);
    }

    /** The call named by the last refusal since the previous take, or null; forgets it. */
    String takeRefusal() {
        String r = lastRefusal;
        lastRefusal = null;
        return r;
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            bytecodes.put(c.name(), c.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                loader.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException | RuntimeException e) {
                throw new InternalException("cannot add " + entry + " to the classpath: " + e.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = loaded.get(name);
        if (c != null) {
            return c;
        }
        if (bytecodes.containsKey(name)) {
            return loader.loadClass(name);
        }
        if (refused.containsKey(name)) {
            throw new ClassNotFoundException(name + " was not loaded: it calls " + refused.get(name));
        }
        throw new ClassNotFoundException(name + " is not a loaded snippet class");
    }

    private final class Loader extends URLClassLoader {
        static {
            ClassLoader.registerAsParallelCapable();
        }

        Loader(ClassLoader parent) {
            super("notebook", new URL[0], parent);
        }

        void add(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] code = bytecodes.get(name);
            if (code == null) {
                return super.findClass(name);
            }
            return defineClass(name, code, 0, code.length, (CodeSource) null);
        }
    }
}
