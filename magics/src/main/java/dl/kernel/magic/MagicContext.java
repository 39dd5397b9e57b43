package dl.kernel.magic;

import dl.kernel.CellError;
import dl.kernel.CellResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** What a magic may do with the notebook session it runs in. */
public interface MagicContext {

    /** The notebook's directory (the kernel's working directory); relative paths start here. */
    Path workDir();

    /** How errors name the running cell, e.g. "cell [3]". */
    String cellLabel();

    /**
     * Runs Java code (line magics allowed) as part of the current cell.
     *
     * @param label     how errors name the code ("cell [3]", "file helpers.jsh")
     * @param firstLine line of the code's first line within that cell or file
     */
    CellResult run(String code, String label, int firstLine) throws CellError;

    /** Adds jars or class directories to the classpath of the notebook's code. */
    void addToClasspath(List<Path> paths) throws CellError;

    /** Runs {@code body} on the thread that runs notebook code (Nd4j's generator is per thread). */
    <T> T onCellThread(Callable<T> body) throws CellError;

    /** The magics of this session (for %help). */
    Magics magics();
}
