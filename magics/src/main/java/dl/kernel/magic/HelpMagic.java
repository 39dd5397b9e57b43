package dl.kernel.magic;

import dl.kernel.CellError;

/** {@code %help}: one line per magic. */
final class HelpMagic implements LineMagic {

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "%help";
    }

    @Override
    public String help() {
        return "list the magics";
    }

    @Override
    public void run(String args, MagicContext ctx) throws CellError {
        Magics magics = ctx.magics();
        int width = 0;
        for (LineMagic m : magics.lineMagics().values()) {
            width = Math.max(width, m.usage().length());
        }
        for (CellMagic m : magics.cellMagics().values()) {
            width = Math.max(width, m.usage().length());
        }
        StringBuilder out = new StringBuilder("Magics of the course kernel:\n");
        for (LineMagic m : magics.lineMagics().values()) {
            out.append(String.format("  %-" + width + "s  %s%n", m.usage(), m.help()));
        }
        for (CellMagic m : magics.cellMagics().values()) {
            out.append(String.format("  %-" + width + "s  %s%n", m.usage(), m.help()));
        }
        out.append("?name or name? alone in a cell shows the Javadoc of name (as Shift-Tab does); "
                + "clearOutput() clears the cell's output.\n");
        out.append("Every notebook starts with the dl.* packages, java.util.*, Nd4j, XChart and tablesaw imported,\n")
                .append("check(...) and display(...) available, and seed ").append(dl.Course.DEFAULT_SEED).append(".\n");
        System.out.print(out);
    }
}
