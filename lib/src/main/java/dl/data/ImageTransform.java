package dl.data;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link Transform} that works on Java-side {@link Planes}; the augmentations implement it so a
 * loader (and a composition of them) can run per example without Nd4j allocations.
 */
interface ImageTransform extends Transform {

    Planes applyPlanes(Planes image, Random rng);

    @Override
    default INDArray apply(INDArray x, Random rng) {
        return applyPlanes(Planes.of("transform", x), rng).toArray();
    }
}
