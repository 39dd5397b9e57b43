package dl.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Test-time augmentation: the prediction for a batch is the mean of the model's class
 * probabilities over several views of it, p(x) = (1/V) sum_v model(view_v(x)). Views act on a
 * whole batch [B, C, H, W] (or [B, H, W]) at once.
 *
 * <pre>{@code
 * INDArray probs = TestTimeAugmentation.flips().predict(batch -> softmax(model(batch)), images);
 * }</pre>
 */
public final class TestTimeAugmentation {

    private final List<UnaryOperator<INDArray>> views;

    private TestTimeAugmentation(List<UnaryOperator<INDArray>> views) {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("TestTimeAugmentation: needs at least one view");
        }
        this.views = List.copyOf(views);
    }

    /** Your own views (include {@code x -> x} to keep the original). */
    @SafeVarargs
    public static TestTimeAugmentation of(UnaryOperator<INDArray>... views) {
        return new TestTimeAugmentation(Arrays.asList(views));
    }

    /** The original and its mirror image. */
    public static TestTimeAugmentation flips() {
        return of(x -> x, ImageOps::flipHorizontal);
    }

    /**
     * The original, its mirror, and the four corner crops of the image padded by {@code padding}
     * (shifts by (+-padding, +-padding)), six views in all.
     */
    public static TestTimeAugmentation flipsAndCrops(int padding) {
        if (padding < 1) {
            throw new IllegalArgumentException("TestTimeAugmentation.flipsAndCrops: padding must be >= 1, got " + padding);
        }
        List<UnaryOperator<INDArray>> v = new ArrayList<>(List.of(x -> x, ImageOps::flipHorizontal));
        for (int dy : new int[] {-padding, padding}) {
            for (int dx : new int[] {-padding, padding}) {
                v.add(x -> ImageOps.shift(x, dy, dx));
            }
        }
        return new TestTimeAugmentation(v);
    }

    /** Number of views averaged. */
    public int size() {
        return views.size();
    }

    /** Mean of {@code model} over the views of {@code batch}; every view must give the same shape. */
    public INDArray predict(Function<INDArray, INDArray> model, INDArray batch) {
        INDArray sum = null;
        for (int v = 0; v < views.size(); v++) {
            INDArray out = model.apply(views.get(v).apply(batch));
            if (out.rank() == 0 || out.size(0) != batch.size(0)) {
                throw new IllegalStateException("TestTimeAugmentation: the model returned shape "
                        + Arrays.toString(out.shape()) + " for a batch of " + batch.size(0) + "; expected [B, classes]");
            }
            if (sum == null) {
                sum = out.dup();
            } else if (!Arrays.equals(sum.shape(), out.shape())) {
                throw new IllegalStateException("TestTimeAugmentation: view " + v + " gave shape "
                        + Arrays.toString(out.shape()) + ", view 0 gave " + Arrays.toString(sum.shape()));
            } else {
                sum.addi(out);
            }
        }
        return sum.divi(views.size());
    }
}
