package dl.kernel.magic;

import dl.kernel.CellError;
import dl.kernel.CellResult;
import java.util.Locale;

/** {@code %%time}: runs the rest of the cell, then prints its wall-clock time (also when it fails). */
final class TimeMagic implements CellMagic {

    @Override
    public String name() {
        return "time";
    }

    @Override
    public String usage() {
        return "%%time";
    }

    @Override
    public String help() {
        return "(first line of a cell) run the cell, then print its wall time";
    }

    @Override
    public CellResult run(String args, String body, int bodyFirstLine, MagicContext ctx) throws CellError {
        if (!args.isBlank()) {
            throw CellError.usage("time: %%time takes no arguments, got '" + args + "'");
        }
        long start = System.nanoTime();
        try {
            return ctx.magics().runLines(body, ctx.cellLabel(), bodyFirstLine, ctx);
        } finally {
            System.out.println("Wall time: " + format(System.nanoTime() - start));
        }
    }

    /** 0.85 ms, 12.3 ms, 1.23 s, 2 min 3.4 s. */
    static String format(long nanos) {
        double ms = nanos / 1e6;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        double s = ms / 1000;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.2f s", s);
        }
        long min = (long) (s / 60);
        return String.format(Locale.ROOT, "%d min %.1f s", min, s - 60 * min);
    }
}
