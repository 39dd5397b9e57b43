package dl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Fixture;
import dl.nn.Conv2d;
import dl.nn.ReLU;
import dl.nn.Sequential;
import dl.tensor.GradCheck;
import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Triplet, Dice, pixel-wise cross-entropy and perceptual losses: course cases, PyTorch fixtures, gradient checks. */
class VisionLossesTest {

    private static Tensor row(double... v) {
        return new Tensor(Nd4j.createFromArray(v).reshape(1, v.length), false);
    }

    @Test
    void tripletLossOfTheCourseCases() {
        TripletLoss loss = new TripletLoss(0.2);
        Tensor a = row(0, 0);
        Tensor p = row(0.3, 0.4);
        assertEquals(0.09, loss.forward(a, p, row(0.6, 0)).item(), 1e-12);
        assertEquals(0.0, loss.forward(a, p, row(1, 0)).item(), 0);
        assertEquals(0.29, loss.forward(a, p, row(0.4, 0)).item(), 1e-12);
        assertEquals(TripletLoss.Kind.SEMI_HARD, loss.kind(0.25, 0.36));
        assertEquals(TripletLoss.Kind.EASY, loss.kind(0.25, 1.0));
        assertEquals(TripletLoss.Kind.HARD, loss.kind(0.25, 0.16));
    }

    @Test
    void tripletLossMatchesPyTorch() {
        Fixture f = Fixture.load("vision/triplet.json");
        Tensor a = new Tensor(f.array("anchor"), true);
        Tensor p = new Tensor(f.array("positive"), true);
        Tensor n = new Tensor(f.array("negative"), true);
        Tensor l = new TripletLoss(f.scalar("margin")).forward(a, p, n);
        assertEquals(f.scalar("loss"), l.item(), 1e-12);
        l.backward();
        assertTrue(a.grad().equalsWithEps(f.array("grad_anchor"), 1e-12));
        assertTrue(p.grad().equalsWithEps(f.array("grad_positive"), 1e-12));
        assertTrue(n.grad().equalsWithEps(f.array("grad_negative"), 1e-12));
    }

    @Test
    void semiHardMiningPicksTheClosestFartherNegative() {
        // identity 0: a=(0,0), p=(0.3,0.4) (d_ap 0.25); identity 1 negatives at d_an 0.16 (hard), 0.36 (semi-hard), 1.0 (easy)
        Tensor e = new Tensor(Nd4j.createFromArray(new double[][] {{0, 0}, {0.3, 0.4}, {0.4, 0}, {0.6, 0}, {1, 0}}), true);
        int[] labels = {0, 0, 1, 1, 1};
        TripletLoss loss = new TripletLoss(0.2);
        Tensor l = loss.semiHard(e, labels);
        // pairs (0,1): semi-hard n=(0.6,0): 0.09. pair (1,0): d_ap 0.25; d to (0.4,0) = 0.17, (0.6,0) = 0.25, (1,0) = 0.65
        // -> closest farther than 0.25 is (1,0) with 0.65: loss max(0, 0.25 − 0.65 + 0.2) = 0.
        // pairs among identity 1 (6 ordered pairs) whose negatives are the identity-0 points
        double[] expected = semiHardByHand(e.data(), labels, 0.2);
        assertEquals(expected[0], l.item(), 1e-12);
        assertEquals(8, (int) expected[1]);
        // gradient with the mined triplets fixed (random points: no distance ties that would switch the choice)
        Tensor leaf = new Tensor(Nd4j.rand(DataType.DOUBLE, 6, 3), true);
        int[] ids = {0, 0, 1, 1, 2, 2};
        GradCheck.Result r = GradCheck.run(in -> loss.semiHard(in.get(0), ids), leaf);
        assertTrue(r.passes(1e-6), "semi-hard triplet gradient: " + r);
    }

    /** The mining rule written out with plain loops: {mean loss, number of pairs}. */
    private static double[] semiHardByHand(INDArray e, int[] labels, double margin) {
        int n = labels.length;
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < n; p++) {
                if (a == p || labels[a] != labels[p]) {
                    continue;
                }
                double dap = sq(e, a, p);
                double best = Double.NaN;
                double far = -1;
                for (int q = 0; q < n; q++) {
                    if (labels[q] == labels[a]) {
                        continue;
                    }
                    double d = sq(e, a, q);
                    if (d > dap && (Double.isNaN(best) || d < best)) {
                        best = d;
                    }
                    far = Math.max(far, d);
                }
                double dan = Double.isNaN(best) ? far : best;
                sum += Math.max(0, dap - dan + margin);
                pairs++;
            }
        }
        return new double[] {sum / pairs, pairs};
    }

    private static double sq(INDArray e, int i, int j) {
        double s = 0;
        for (int k = 0; k < e.size(1); k++) {
            double d = e.getDouble(i, k) - e.getDouble(j, k);
            s += d * d;
        }
        return s;
    }

    @Test
    void diceLossIsOneMinusDiceOnHardMasksAndMatchesPyTorch() {
        Tensor p = new Tensor(Nd4j.createFromArray(new double[] {1, 1, 0, 0, 1, 1}).reshape(1, 2, 3), false);
        Tensor t = new Tensor(Nd4j.createFromArray(new double[] {1, 0, 0, 0, 1, 0}).reshape(1, 2, 3), false);
        // TP 2, FP 2, FN 0: Dice 4/6
        assertEquals(1 - 4.0 / 6, new DiceLoss(0).forward(p, t).item(), 1e-12);
        Fixture f = Fixture.load("vision/dice.json");
        Tensor probs = new Tensor(f.array("probabilities"), true);
        Tensor l = new DiceLoss().forward(probs, new Tensor(f.array("target"), false));
        assertEquals(f.scalar("loss"), l.item(), 1e-12);
        l.backward();
        assertTrue(probs.grad().equalsWithEps(f.array("grad_probabilities"), 1e-12));
    }

    @Test
    void pixelCrossEntropyMatchesPyTorch() {
        Fixture f = Fixture.load("vision/pixel_ce.json");
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Tensor z = new Tensor(f.array("logits").castTo(t), true);
            Tensor labels = new Tensor(f.array("labels").castTo(DataType.INT), false);
            Tensor l = new PixelCrossEntropy().forward(z, labels);
            assertEquals(f.scalar("loss"), l.item(), t == DataType.DOUBLE ? 1e-12 : 1e-5);
            l.backward();
            assertTrue(z.grad().castTo(DataType.DOUBLE).equalsWithEps(f.array("grad_logits"), t == DataType.DOUBLE ? 1e-12 : 1e-6));
        }
    }

    @Test
    void perceptualLossComparesFeaturesOfAFrozenNetwork() {
        var features = new Sequential(new Conv2d(1, 3, 3).padding(1), new ReLU(), new Conv2d(3, 2, 3));
        features.toDouble();
        PerceptualLoss loss = new PerceptualLoss(features, "1", "2");
        Tensor target = new Tensor(Nd4j.rand(DataType.DOUBLE, 1, 1, 6, 5), false);
        Tensor x = new Tensor(Nd4j.rand(DataType.DOUBLE, 1, 1, 6, 5), true);
        assertEquals(0.0, loss.forward(target, target).item(), 0);
        GradCheck.Result r = GradCheck.run(in -> loss.forward(in.get(0), target), x);
        assertTrue(r.passes(1e-6), "perceptual loss gradient: " + r);
        for (var p : features.parameters()) {
            assertNull(p.grad(), "frozen network parameters get no gradient");
        }
        // by hand: mean of squared differences of each chosen layer's output
        Tensor a1 = features.get(1).forward(features.get(0).forward(x.detach()));
        Tensor b1 = features.get(1).forward(features.get(0).forward(target));
        Tensor a2 = features.get(2).forward(a1);
        Tensor b2 = features.get(2).forward(b1);
        double expected = a1.sub(b1).square().mean().item() + a2.sub(b2).square().mean().item();
        assertEquals(expected, loss.forward(x, target).item(), 1e-12);
    }
}
