package dl;

import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Course-wide settings a notebook reads: fast mode (set by the tests with COURSE_FAST=1 to
 * shrink data and epochs) and the one seed behind every random source of the library.
 *
 * <p>Library code that needs randomness draws from {@link #rng()} or from Nd4j's generator,
 * both reset by {@link #seed(long)}, so a notebook that seeds once repeats exactly.
 */
public final class Course {

    /** The seed the kernel uses at start-up, so a notebook is repeatable without a %seed line. */
    public static final long DEFAULT_SEED = 42;

    private static Random rng = new Random(DEFAULT_SEED);
    private static long seed = DEFAULT_SEED;

    private Course() {}

    /** True when COURSE_FAST is set to 1/true/yes (CI and the test command set it). */
    public static boolean fast() {
        String v = System.getenv("COURSE_FAST");
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
    }

    /** {@code fastValue} in fast mode, {@code fullValue} otherwise: {@code int epochs = Course.pick(2, 20);} */
    public static int pick(int fastValue, int fullValue) {
        return fast() ? fastValue : fullValue;
    }

    /** Double variant of {@link #pick(int, int)}. */
    public static double pick(double fastValue, double fullValue) {
        return fast() ? fastValue : fullValue;
    }

    /** Seeds every random source of the library: the shared Java generator and Nd4j's. */
    public static synchronized void seed(long newSeed) {
        seed = newSeed;
        rng = new Random(newSeed);
        Nd4j.getRandom().setSeed(newSeed);
    }

    /** The seed last set by {@link #seed(long)}. */
    public static synchronized long currentSeed() {
        return seed;
    }

    /** The shared Java random generator (shuffles, masks drawn in Java, synthetic data). */
    public static synchronized Random rng() {
        return rng;
    }

    /** One line for the setup notebook: mode and seed. */
    public static String describe() {
        return "fast mode: " + (fast() ? "on (COURSE_FAST=1)" : "off") + ", seed: " + currentSeed();
    }
}
