package dl.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Non-maximum suppression: sort by score, keep the best box, drop every remaining box whose IoU
 * with a kept box exceeds the threshold, repeat. On A = [0,0,10,10] 0.9, B = [1,1,11,11] 0.8,
 * C = [20,20,30,30] 0.7, D = [0,0,10,9] 0.6 at 0.5: IoU(A,B) = 0.680672 and IoU(A,D) = 0.9, so
 * A and C stay.
 */
public final class Nms {

    private Nms() {}

    /** Indices of the kept boxes, best score first. */
    public static List<Integer> keep(List<Box> boxes, double[] scores, double iouThreshold) {
        if (boxes.size() != scores.length) {
            throw new IllegalArgumentException("Nms.keep: " + boxes.size() + " boxes but " + scores.length + " scores");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]));
        List<Integer> kept = new ArrayList<>();
        for (int i : order) {
            boolean suppressed = false;
            for (int k : kept) {
                if (boxes.get(i).iou(boxes.get(k)) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(i);
            }
        }
        return kept;
    }

    /** NMS per class: boxes of different classes never suppress each other. Best score first. */
    public static List<Detection> perClass(List<Detection> detections, double iouThreshold) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble((Detection d) -> -d.score()));
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            boolean suppressed = false;
            for (Detection k : kept) {
                if (k.label() == d.label() && d.box().iou(k.box()) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(d);
            }
        }
        return kept;
    }
}
