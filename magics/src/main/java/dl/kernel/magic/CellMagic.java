package dl.kernel.magic;

import dl.kernel.CellError;
import dl.kernel.CellResult;

/** A {@code %%name args} first line that applies to the rest of the cell. */
public interface CellMagic {

    String name();

    /** Usage, e.g. "%%time". */
    String usage();

    /** One line: what it does. */
    String help();

    /**
     * @param body          the cell without its first line
     * @param bodyFirstLine the cell line number of the body's first line
     */
    CellResult run(String args, String body, int bodyFirstLine, MagicContext ctx) throws CellError;
}
