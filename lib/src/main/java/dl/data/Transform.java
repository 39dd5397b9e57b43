package dl.data;

import dl.Course;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A per-example transform x -> x' (an augmentation or a preprocessing step). Random transforms
 * draw their parameters from the {@code rng} they are given, so a loader with a seed repeats.
 */
@FunctionalInterface
public interface Transform {

    /** Transforms one example's features; must not change {@code x} itself. */
    INDArray apply(INDArray x, java.util.Random rng);

    /** Applies the transform with the course's shared generator ({@link Course#rng()}). */
    default INDArray apply(INDArray x) {
        return apply(x, Course.rng());
    }

    /** This transform, then {@code next}. */
    default Transform andThen(Transform next) {
        return compose(this, next);
    }

    /** The transforms in order, as one. */
    static Transform compose(Transform... steps) {
        if (java.util.Arrays.stream(steps).allMatch(t -> t instanceof ImageTransform)) {
            // keep the chain on Java arrays: one copy in, one copy out
            return (ImageTransform) (image, rng) -> {
                Planes out = image;
                for (Transform t : steps) {
                    out = ((ImageTransform) t).applyPlanes(out, rng);
                }
                return out;
            };
        }
        return (x, rng) -> {
            INDArray out = x;
            for (Transform t : steps) {
                out = t.apply(out, rng);
            }
            return out;
        };
    }

    /** The identity (a no-op). */
    static Transform identity() {
        return (x, rng) -> x;
    }
}
