package dl.kernel.magic;

import dl.kernel.CellError;

/** A {@code %name args} line in a cell. */
public interface LineMagic {

    String name();

    /** Usage, e.g. "%seed N". */
    String usage();

    /** One line: what it does. */
    String help();

    void run(String args, MagicContext ctx) throws CellError;
}
