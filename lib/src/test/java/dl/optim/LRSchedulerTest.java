package dl.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Behaviour of the schedules beyond the PyTorch fixtures: arguments, groups, pure lrAt. */
class LRSchedulerTest {

    static SGD optimizer(double lr) {
        return new SGD(List.of(new Tensor(Nd4j.zeros(2), true)), lr);
    }

    @Test
    void lrAtIsAPureFunctionForPlots() {
        SGD opt = optimizer(0.1);
        CosineAnnealingLR s = new CosineAnnealingLR(opt, 10);
        // η_min + (η₀ − η_min)(1 + cos(π·e/T))/2 by hand: e = 5 → 0.05, e = 10 → 0
        assertEquals(0.05, s.lrAt(5), 1e-15);
        assertEquals(0.0, s.lrAt(10), 1e-15);
        assertEquals(0.1, opt.lr(), "lrAt does not touch the optimizer");
        assertEquals(0, s.lastEpoch());
        StepLR step = new StepLR(optimizer(1.0), 3, 0.5);
        assertArrayEquals(new double[] {1, 1, 1, 0.5, 0.5, 0.5, 0.25},
                java.util.stream.IntStream.range(0, 7).mapToDouble(step::lrAt).toArray(), 1e-15);
    }

    @Test
    void aScheduleMovesEveryGroupFromItsOwnBase() {
        SGD opt = optimizer(0.1);
        opt.addParamGroup(List.of(new Tensor(Nd4j.zeros(2), true))).setLr(1.0);
        ExponentialLR s = new ExponentialLR(opt, 0.5);
        s.step();
        s.step();
        assertArrayEquals(new double[] {0.025, 0.25}, s.lastLrs(), 1e-15);
        assertThrows(IllegalStateException.class, s::lastLr);
        assertEquals(0.25, s.lrAt(1, 2), 1e-15);
    }

    @Test
    void badArgumentsAreRefusedWithTheirNames() {
        SGD opt = optimizer(0.1);
        assertEquals("StepLR: stepSize must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new StepLR(opt, 0)).getMessage());
        assertEquals("CosineAnnealingLR: tMax must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingLR(opt, 0)).getMessage());
        assertEquals("ReduceLROnPlateau: factor must be in (0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau(opt).factor(1.0)).getMessage());
        assertEquals("ReduceLROnPlateau: threshold must be >= 0, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau(opt).absoluteThreshold(-0.1)).getMessage());
        assertEquals("SequentialLR: 2 schedules need 1 milestones, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new SequentialLR(opt, List.of(new StepLR(opt, 2), new ExponentialLR(opt, 0.9)))).getMessage());
    }

    @Test
    void aGroupAddedAfterTheScheduleIsReportedClearly() {
        SGD opt = optimizer(0.1);
        StepLR s = new StepLR(opt, 2);
        opt.addParamGroup(List.of(new Tensor(Nd4j.zeros(2), true)));
        assertEquals("StepLR: the optimizer has 2 parameter groups but had 1 when this schedule was created;"
                + " hint: add all groups first, then create the schedule",
                assertThrows(IllegalStateException.class, s::step).getMessage());
    }

    @Test
    void reduceOnPlateauCutsAfterPatienceBadEpochs() {
        SGD opt = optimizer(1.0);
        ReduceLROnPlateau s = new ReduceLROnPlateau(opt).patience(2).factor(0.5);
        double[] losses = {1.0, 0.9, 0.9, 0.9, 0.9, 0.95, 0.8};
        double[] lrs = {1, 1, 1, 1, 0.5, 0.5, 0.5};
        for (int i = 0; i < losses.length; i++) {
            s.step(losses[i]);
            assertEquals(lrs[i], s.lastLr(), "after epoch " + (i + 1));
        }
        assertEquals(0.8, s.best());
    }
}
