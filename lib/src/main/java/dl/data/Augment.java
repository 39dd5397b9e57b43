package dl.data;


/**
 * Random augmentations as {@link Transform}s for a {@link DataLoader}: each draws its parameters
 * from the generator it is given, then calls the matching {@link ImageOps} operation on the
 * example ([H, W] or [C, H, W]). They run on Java arrays, so a loader applies a whole chain of
 * them to an example without allocating Nd4j arrays.
 *
 * <pre>{@code
 * Transform aug = Transform.compose(Augment.randomCrop(28, 2), Augment.flipHorizontal(0.5),
 *                                   Augment.rotation(10), Augment.brightness(0.1));
 * loader.transform(aug);
 * }</pre>
 */
public final class Augment {

    private Augment() {}

    /** Pad by {@code padding} zeros, then take a random size x size window. */
    public static Transform randomCrop(int size, int padding) {
        if (size < 1 || padding < 0) {
            throw new IllegalArgumentException("Augment.randomCrop: expected size >= 1 and padding >= 0, got size "
                    + size + ", padding " + padding);
        }
        return (ImageTransform) (x, rng) -> {
            Planes padded = padding == 0 ? x : ImageOps.pad(x, padding);
            int h = padded.h();
            int w = padded.w();
            if (size > h || size > w) {
                throw new IllegalArgumentException("Augment.randomCrop: a " + size + "x" + size + " crop does not fit"
                        + " in the padded " + h + "x" + w + " image");
            }
            return ImageOps.crop(padded, rng.nextInt(h - size + 1), rng.nextInt(w - size + 1), size, size);
        };
    }

    /** Mirror left-right with probability p. */
    public static Transform flipHorizontal(double p) {
        requireProbability("flipHorizontal", p);
        return (ImageTransform) (x, rng) -> rng.nextDouble() < p ? ImageOps.flipHorizontal(x) : x;
    }

    /** Mirror top-bottom with probability p. */
    public static Transform flipVertical(double p) {
        requireProbability("flipVertical", p);
        return (ImageTransform) (x, rng) -> rng.nextDouble() < p ? ImageOps.flipVertical(x) : x;
    }

    /** Rotate by an angle uniform in [-maxDegrees, maxDegrees]. */
    public static Transform rotation(double maxDegrees) {
        requireNonNegative("rotation", "maxDegrees", maxDegrees);
        return (ImageTransform) (x, rng) -> ImageOps.rotate(x, (2 * rng.nextDouble() - 1) * maxDegrees);
    }

    /** Shift by whole pixels dy, dx each uniform in -maxPixels..maxPixels. */
    public static Transform shift(int maxPixels) {
        requireNonNegative("shift", "maxPixels", maxPixels);
        return (ImageTransform) (x, rng) -> ImageOps.shift(x, rng.nextInt(2 * maxPixels + 1) - maxPixels,
                rng.nextInt(2 * maxPixels + 1) - maxPixels);
    }

    /** Add a brightness offset uniform in [-maxDelta, maxDelta] (clamped to [0, 1]). */
    public static Transform brightness(double maxDelta) {
        requireNonNegative("brightness", "maxDelta", maxDelta);
        return (ImageTransform) (x, rng) -> ImageOps.adjustBrightness(x, (2 * rng.nextDouble() - 1) * maxDelta);
    }

    /** Scale the contrast by a factor uniform in [lower, upper]. */
    public static Transform contrast(double lower, double upper) {
        if (!(lower >= 0 && upper >= lower)) {
            throw new IllegalArgumentException("Augment.contrast: expected 0 <= lower <= upper, got [" + lower + ", "
                    + upper + "]");
        }
        return (ImageTransform) (x, rng) -> ImageOps.adjustContrast(x, lower + (upper - lower) * rng.nextDouble());
    }

    /** Add N(0, sigma^2) noise to every pixel. */
    public static Transform gaussianNoise(double sigma) {
        requireNonNegative("gaussianNoise", "sigma", sigma);
        return (ImageTransform) (x, rng) -> ImageOps.addGaussianNoise(x, sigma, rng);
    }

    /** Zero a size x size square at a uniformly random centre. */
    public static Transform cutout(int size) {
        requireNonNegative("cutout", "size", size);
        return (ImageTransform) (x, rng) -> ImageOps.cutout(x, rng.nextInt(x.h()), rng.nextInt(x.w()), size);
    }

    /** (x - mean) / std, the usual input normalization (not random). */
    public static Transform normalize(double mean, double std) {
        if (!(std > 0)) {
            throw new IllegalArgumentException("Augment.normalize: std must be > 0, got " + std);
        }
        return (ImageTransform) (x, rng) -> {
            float[] out = new float[x.data().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) ((x.data()[i] - mean) / std);
            }
            return x.with(out, x.h(), x.w());
        };
    }

    private static void requireProbability(String op, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Augment." + op + ": probability must be in [0, 1], got " + p);
        }
    }

    private static void requireNonNegative(String op, String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("Augment." + op + ": " + name + " must be a finite number >= 0, got " + v);
        }
    }
}
