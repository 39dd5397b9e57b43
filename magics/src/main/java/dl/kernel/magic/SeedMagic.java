package dl.kernel.magic;

import dl.Course;
import dl.kernel.CellError;

/** {@code %seed N}: reseeds every random source of the library ({@code Course.seed(N)}). */
final class SeedMagic implements LineMagic {

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public String usage() {
        return "%seed N";
    }

    @Override
    public String help() {
        return "reseed all library randomness (Course.seed(N)); the kernel starts with seed " + Course.DEFAULT_SEED;
    }

    @Override
    public void run(String args, MagicContext ctx) throws CellError {
        String text = args.strip();
        long seed;
        try {
            seed = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw CellError.usage("seed: expected one integer, as in %seed 42, got '" + text + "'");
        }
        // On the cell thread: Nd4j's generator belongs to the thread that uses it.
        ctx.onCellThread(() -> {
            Course.seed(seed);
            return null;
        });
        System.out.println("seed: " + seed);
    }
}
