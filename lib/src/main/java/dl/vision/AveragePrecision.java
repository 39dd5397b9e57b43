package dl.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Precision, recall and average precision of a ranked list of detections (VOC style).
 * Walking down the ranking, precision_k = TP_k / k and recall_k = TP_k / (number of ground-truth
 * objects). AP (all-points interpolation, VOC 2010+) is the area under the precision envelope
 * p_interp(r) = max_{r' ≥ r} p(r'); the raw AP sums precision_k · Δrecall_k at each hit.
 * For hits [1,0,1,1,0] and 4 objects: P = [1, .5, .667, .75, .6], R = [.25, .25, .5, .75, .75],
 * AP = 0.625 interpolated, 0.604167 raw. mAP is the mean of the per-class APs.
 */
public final class AveragePrecision {

    private AveragePrecision() {}

    /** Precision after each rank of {@code hits} (true = a true positive). */
    public static double[] precision(boolean[] hits) {
        double[] p = new double[hits.length];
        int tp = 0;
        for (int k = 0; k < hits.length; k++) {
            tp += hits[k] ? 1 : 0;
            p[k] = tp / (double) (k + 1);
        }
        return p;
    }

    /** Recall after each rank, against {@code groundTruth} objects. */
    public static double[] recall(boolean[] hits, int groundTruth) {
        checkGroundTruth(hits, groundTruth);
        double[] r = new double[hits.length];
        int tp = 0;
        for (int k = 0; k < hits.length; k++) {
            tp += hits[k] ? 1 : 0;
            r[k] = tp / (double) groundTruth;
        }
        return r;
    }

    /** AP with VOC's all-points interpolation (area under the monotone precision envelope). */
    public static double interpolated(boolean[] hits, int groundTruth) {
        double[] p = precision(hits);
        double[] r = recall(hits, groundTruth);
        double[] envelope = p.clone();
        for (int k = envelope.length - 2; k >= 0; k--) {
            envelope[k] = Math.max(envelope[k], envelope[k + 1]);
        }
        double ap = 0;
        double prevRecall = 0;
        for (int k = 0; k < hits.length; k++) {
            if (r[k] > prevRecall) {
                ap += (r[k] - prevRecall) * envelope[k];
                prevRecall = r[k];
            }
        }
        return ap;
    }

    /** AP without interpolation: Σ precision_k · Δrecall_k over the hits. */
    public static double raw(boolean[] hits, int groundTruth) {
        double[] p = precision(hits);
        checkGroundTruth(hits, groundTruth);
        double ap = 0;
        for (int k = 0; k < hits.length; k++) {
            if (hits[k]) {
                ap += p[k] / groundTruth;
            }
        }
        return ap;
    }

    /** The mean of per-class APs. */
    public static double mean(double... perClassAp) {
        if (perClassAp.length == 0) {
            throw new IllegalArgumentException("AveragePrecision.mean: no classes given");
        }
        double s = 0;
        for (double a : perClassAp) {
            s += a;
        }
        return s / perClassAp.length;
    }

    /**
     * Marks each detection of one class as a hit or a false positive: in score order, a detection
     * is a hit when its IoU with a not yet matched ground-truth box is at least {@code iouThreshold}
     * (the best such box is matched); duplicates of a matched object are false positives.
     * Returns the hits in score order.
     */
    public static boolean[] match(List<Detection> detections, List<Box> groundTruth, double iouThreshold) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble((Detection d) -> -d.score()));
        boolean[] used = new boolean[groundTruth.size()];
        boolean[] hits = new boolean[sorted.size()];
        for (int k = 0; k < sorted.size(); k++) {
            int best = -1;
            double bestIou = iouThreshold;
            for (int g = 0; g < groundTruth.size(); g++) {
                double iou = sorted.get(k).box().iou(groundTruth.get(g));
                if (!used[g] && iou >= bestIou) {
                    best = g;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                used[best] = true;
                hits[k] = true;
            }
        }
        return hits;
    }

    private static void checkGroundTruth(boolean[] hits, int groundTruth) {
        int tp = 0;
        for (boolean h : hits) {
            tp += h ? 1 : 0;
        }
        if (groundTruth <= 0 || tp > groundTruth) {
            throw new IllegalArgumentException("AveragePrecision: expected groundTruth >= number of hits (" + tp
                    + ") and > 0, got " + groundTruth);
        }
    }
}
