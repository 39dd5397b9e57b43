package dl.vision;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Overlap of binary masks (or per class of label maps), from the pixel counts TP, FP, FN:
 * Dice = 2TP / (2TP + FP + FN) (= F1), Jaccard J = TP / (TP + FP + FN) (= IoU), linked by
 * 1/J + 1 = 2/Dice, i.e. Dice = 2J / (1 + J). TP = 6, FP = 2, FN = 2 give Dice 0.75, J 0.6.
 * Pixel accuracy (1/n) Σ [y_i = a_i].
 */
public final class MaskMetrics {

    private MaskMetrics() {}

    public static double dice(long tp, long fp, long fn) {
        long d = 2 * tp + fp + fn;
        return d == 0 ? 1 : 2.0 * tp / d;
    }

    public static double jaccard(long tp, long fp, long fn) {
        long d = tp + fp + fn;
        return d == 0 ? 1 : (double) tp / d;
    }

    /** Dice from Jaccard: 2J / (1 + J). */
    public static double diceFromJaccard(double j) {
        return 2 * j / (1 + j);
    }

    /** Jaccard from Dice: D / (2 − D). */
    public static double jaccardFromDice(double d) {
        return d / (2 - d);
    }

    /** Dice of two 0/1 masks of the same shape (prediction, truth). */
    public static double dice(INDArray predicted, INDArray truth) {
        long[] c = counts(predicted, truth);
        return dice(c[0], c[1], c[2]);
    }

    /** Jaccard (IoU) of two 0/1 masks of the same shape. */
    public static double jaccard(INDArray predicted, INDArray truth) {
        long[] c = counts(predicted, truth);
        return jaccard(c[0], c[1], c[2]);
    }

    /** Per-class Jaccard J_k = Σ[y=k][a=k] / Σ max([y=k],[a=k]) of two label maps. */
    public static double jaccard(INDArray predictedLabels, INDArray trueLabels, int k) {
        return jaccard(predictedLabels.eq(k).castTo(DataType.DOUBLE), trueLabels.eq(k).castTo(DataType.DOUBLE));
    }

    /** Fraction of pixels whose labels agree. */
    public static double pixelAccuracy(INDArray predictedLabels, INDArray trueLabels) {
        checkShapes(predictedLabels, trueLabels);
        return predictedLabels.castTo(DataType.DOUBLE).eq(trueLabels.castTo(DataType.DOUBLE)).castTo(DataType.DOUBLE)
                .meanNumber().doubleValue();
    }

    /** {TP, FP, FN} of two 0/1 masks. */
    public static long[] counts(INDArray predicted, INDArray truth) {
        checkShapes(predicted, truth);
        INDArray p = predicted.castTo(DataType.DOUBLE).gt(0.5).castTo(DataType.DOUBLE);
        INDArray t = truth.castTo(DataType.DOUBLE).gt(0.5).castTo(DataType.DOUBLE);
        long tp = Math.round(p.mul(t).sumNumber().doubleValue());
        long fp = Math.round(p.sumNumber().doubleValue()) - tp;
        long fn = Math.round(t.sumNumber().doubleValue()) - tp;
        return new long[] {tp, fp, fn};
    }

    private static void checkShapes(INDArray a, INDArray b) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("MaskMetrics: the masks have shapes " + java.util.Arrays.toString(a.shape())
                    + " and " + java.util.Arrays.toString(b.shape()) + "; expected equal shapes");
        }
    }
}
