package dl.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The detection and segmentation utilities on the hand-worked cases of TOPICS.md chapter 13. */
class DetectionTest {

    @Test
    void iouOfTheCourseBoxes() {
        assertEquals(1.0 / 7, new Box(0, 0, 2, 2).iou(new Box(1, 1, 3, 3)), 1e-12);
        assertEquals(1.0 / 3, new Box(0, 0, 4, 4).iou(new Box(2, 0, 6, 4)), 1e-12);
        assertEquals(0.5, new Box(0, 0, 10, 10).iou(new Box(0, 0, 10, 5)), 1e-12);
        assertEquals(0.0, new Box(0, 0, 1, 1).iou(new Box(2, 2, 3, 3)), 0);
        assertEquals(1.0, new Box(1, 2, 3, 4).iou(new Box(1, 2, 3, 4)), 0);
        assertThrows(IllegalArgumentException.class, () -> new Box(2, 0, 1, 1));
    }

    @Test
    void nmsKeepsAAndC() {
        Box a = new Box(0, 0, 10, 10);
        Box b = new Box(1, 1, 11, 11);
        Box c = new Box(20, 20, 30, 30);
        Box d = new Box(0, 0, 10, 9);
        assertEquals(81.0 / 119, a.iou(b), 1e-12);   // 0.680672
        assertEquals(0.9, a.iou(d), 1e-12);
        assertEquals(List.of(0, 2), Nms.keep(List.of(a, b, c, d), new double[] {0.9, 0.8, 0.7, 0.6}, 0.5));
        // per class: B survives when it is another class
        var kept = Nms.perClass(List.of(new Detection(a, 0, 0.9), new Detection(b, 1, 0.8), new Detection(d, 0, 0.6)), 0.5);
        assertEquals(2, kept.size());
        assertEquals(1, kept.get(1).label());
    }

    @Test
    void precisionRecallAndAveragePrecision() {
        boolean[] hits = {true, false, true, true, false};
        assertArrayEquals(new double[] {1, 0.5, 2.0 / 3, 0.75, 0.6}, AveragePrecision.precision(hits), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.25, 0.5, 0.75, 0.75}, AveragePrecision.recall(hits, 4), 1e-12);
        assertEquals(0.625, AveragePrecision.interpolated(hits, 4), 1e-12);
        assertEquals(0.604167, AveragePrecision.raw(hits, 4), 1e-6);
        assertEquals(0.5625, AveragePrecision.mean(0.625, 0.5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> AveragePrecision.recall(hits, 2));
    }

    @Test
    void matchingDetectionsToGroundTruth() {
        List<Box> truth = List.of(new Box(0, 0, 10, 10), new Box(20, 20, 30, 30));
        List<Detection> dets = List.of(
                new Detection(new Box(0, 0, 10, 9), 0, 0.9),    // IoU 0.9 with truth 0: hit
                new Detection(new Box(1, 0, 10, 10), 0, 0.8),   // duplicate of truth 0: false positive
                new Detection(new Box(40, 40, 50, 50), 0, 0.7), // nothing there
                new Detection(new Box(21, 20, 30, 30), 0, 0.6)); // IoU 0.9 with truth 1: hit
        assertArrayEquals(new boolean[] {true, false, false, true}, AveragePrecision.match(dets, truth, 0.5));
    }

    @Test
    void diceAndJaccardAndTheirIdentity() {
        assertEquals(0.75, MaskMetrics.dice(6, 2, 2), 1e-12);
        assertEquals(0.6, MaskMetrics.jaccard(6, 2, 2), 1e-12);
        assertEquals(2 / 0.75, 1 / 0.6 + 1, 1e-12);
        assertEquals(0.019802, MaskMetrics.diceFromJaccard(0.01), 1e-6);
        assertEquals(0.6, MaskMetrics.jaccardFromDice(0.75), 1e-12);
        INDArray pred = Nd4j.createFromArray(new double[][] {{1, 1, 0}, {0, 1, 1}});
        INDArray truth = Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}});
        assertArrayEquals(new long[] {2, 2, 0}, MaskMetrics.counts(pred, truth));
        assertEquals(2.0 / 3, MaskMetrics.dice(pred, truth), 1e-12);
        assertEquals(0.5, MaskMetrics.jaccard(pred, truth), 1e-12);
        // accuracy + error = 1
        assertEquals(4.0 / 6, MaskMetrics.pixelAccuracy(pred, truth), 1e-12);
    }

    @Test
    void rasterizedJaccardEqualsBoxIou() {
        INDArray a = Nd4j.zeros(12, 12);
        INDArray b = Nd4j.zeros(12, 12);
        a.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4)).assign(1);
        b.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4), org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 6)).assign(1);
        assertEquals(new Box(0, 0, 4, 4).iou(new Box(2, 0, 6, 4)), MaskMetrics.jaccard(a, b), 1e-12);
        INDArray labels = Nd4j.createFromArray(new double[][] {{0, 1, 2}, {2, 1, 0}});
        INDArray predicted = Nd4j.createFromArray(new double[][] {{0, 1, 1}, {2, 2, 0}});
        assertEquals(1.0 / 3, MaskMetrics.jaccard(predicted, labels, 1), 1e-12); // class 1: 1 common of 3 in the union
    }

    @Test
    void anchorsNinePerPosition() {
        List<Box> anchors = Anchors.fasterRcnn(40, 60, 16);
        assertEquals(21_600, anchors.size());
        Box first = anchors.get(0);
        assertEquals(8, first.centerX(), 1e-12);
        assertEquals(128 * 128, first.area(), 1e-6);
        assertEquals(0.5, first.width() / first.height(), 1e-12);
        assertEquals(512 * 512, anchors.get(8).area(), 1e-6);
        assertEquals(2.0, anchors.get(8).width() / anchors.get(8).height(), 1e-12);
        // the next position moves by the stride
        assertEquals(24, anchors.get(9).centerX(), 1e-12);
        // RPN outputs per position: 9 anchors x (2 scores + 4 offsets)
        assertEquals(54, 9 * (2 + 4));
    }

    @Test
    void yoloEncodeDecodeRoundTrip() {
        assertEquals(1_225, new YoloGrid(7, 20, 448, 448).outputs());
        assertEquals(1_470, 7 * 7 * (5 * 2 + 20));
        YoloGrid grid = new YoloGrid(4, 3, 100, 80);
        Box car = new Box(10, 10, 40, 30);     // centre (25, 20): cell column 1, row 1
        Box dog = new Box(60, 50, 100, 80);    // centre (80, 65): cell column 3, row 3
        INDArray t = grid.encode(List.of(car, dog), new int[] {2, 0});
        assertEquals(4 * 4 * 8, t.length());
        assertEquals(1.0, t.getDouble(1, 1, 4), 0);
        assertEquals(0.0, t.getDouble(1, 1, 0), 1e-12);          // 25/100·4 = 1.0 → offset 0 in column 1
        assertEquals(0.0, t.getDouble(1, 1, 1), 1e-12);          // 20/80·4 = 1.0
        assertEquals(0.3, t.getDouble(1, 1, 2), 1e-12);
        assertEquals(0.25, t.getDouble(1, 1, 3), 1e-12);
        assertEquals(1.0, t.getDouble(1, 1, 5 + 2), 0);
        assertEquals(2.0, t.sum(0, 1).getDouble(4), 0);
        List<Detection> back = grid.decode(t, 0.5);
        assertEquals(2, back.size());
        assertEquals(2, back.get(0).label());
        assertEquals(1.0, back.get(0).box().iou(car), 1e-12);
        assertEquals(1.0, back.get(1).box().iou(dog), 1e-12);
    }
}
