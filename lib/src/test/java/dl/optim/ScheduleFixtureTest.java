package dl.optim;

import dl.metrics.Goal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.Fixture;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Learning-rate schedules against PyTorch 1.13 (fixtures_optim.py): the lr of every group after
 * construction and after each step, stepping as PyTorch does, and the closed form lrAt(epoch).
 */
class ScheduleFixtureTest {

    /** An SGD optimizer with one group per base learning rate of the fixture. */
    static Optimizer optimizer(Fixture f) {
        INDArray first = f.array("base_lrs");
        List<Tensor> params = new ArrayList<>();
        for (int i = 0; i < first.length(); i++) {
            params.add(new Tensor(org.nd4j.linalg.factory.Nd4j.zeros(DataType.DOUBLE, 2), true));
        }
        SGD opt = new SGD(List.of(params.get(0)), first.getDouble(0));
        for (int i = 1; i < params.size(); i++) {
            opt.addParamGroup(List.of(params.get(i))).setLr(first.getDouble(i));
        }
        return opt;
    }

    static void checkRow(String what, double[] actual, INDArray lrs, int row) {
        for (int g = 0; g < actual.length; g++) {
            Compare.close(what + " group " + g + " after " + row + " steps", actual[g], lrs.getDouble(row, g), DataType.DOUBLE);
        }
    }

    /** Steps the schedule as the fixture did and compares every lr; then the closed form. */
    static void check(String name, Function<Optimizer, LRScheduler> make, boolean closedForm) {
        Fixture f = Fixture.load("optim/schedule_" + name + ".json");
        INDArray lrs = f.array("lrs");
        Optimizer opt = optimizer(f);
        LRScheduler s = make.apply(opt);
        checkRow(name, s.lastLrs(), lrs, 0);
        for (int row = 1; row < lrs.rows(); row++) {
            opt.step();
            s.step();
            checkRow(name, s.lastLrs(), lrs, row);
            checkRow(name + " (optimizer)", opt.lrs(), lrs, row);
        }
        assertEquals(lrs.rows() - 1, s.lastEpoch());
        if (closedForm) {
            for (int e = 0; e < lrs.rows(); e++) {
                for (int g = 0; g < lrs.columns(); g++) {
                    Compare.close(name + " lrAt(" + e + ") group " + g, s.lrAt(g, e), lrs.getDouble(e, g), DataType.DOUBLE);
                }
            }
        }
    }

    @Test
    void stepLR() {
        check("step_lr", o -> new StepLR(o, 7, 0.5), true);
    }

    @Test
    void exponentialLR() {
        check("exponential_lr", o -> new ExponentialLR(o, 0.9), true);
    }

    @Test
    void cosineAnnealingLRPastTMax() {
        check("cosine_annealing_lr", o -> new CosineAnnealingLR(o, 10, 0.001), true);
    }

    @Test
    void cosineAnnealingLRTwoGroups() {
        check("cosine_annealing_lr_two_groups", o -> new CosineAnnealingLR(o, 12), true);
    }

    @Test
    void linearLR() {
        check("linear_lr", o -> new LinearLR(o, 0.25, 1.0, 8), true);
    }

    @Test
    void warmupThenCosineAsPyTorchSequentialLR() {
        check("warmup_cosine", o -> SequentialLR.warmupThen(o, 5, 0.1, x -> new CosineAnnealingLR(x, 25, 1e-4)), true);
    }

    @Test
    void lambdaLRWarmup() {
        check("lambda_warmup", o -> new LambdaLR(o, e -> Math.min(1.0, (e + 1) / 5.0) * Math.pow(0.95, Math.max(0, e - 4))),
                true);
    }

    static void checkPlateau(String name, Function<Optimizer, ReduceLROnPlateau> make) {
        Fixture f = Fixture.load("optim/schedule_" + name + ".json");
        INDArray lrs = f.array("lrs");
        INDArray metrics = f.array("metrics");
        Optimizer opt = optimizer(f);
        ReduceLROnPlateau s = make.apply(opt);
        checkRow(name, s.lastLrs(), lrs, 0);
        for (int row = 1; row < lrs.rows(); row++) {
            s.step(metrics.getDouble(row - 1));
            checkRow(name, s.lastLrs(), lrs, row);
            checkRow(name + " (optimizer)", opt.lrs(), lrs, row);
        }
    }

    @Test
    void reduceOnPlateauDefaults() {
        checkPlateau("plateau_default", ReduceLROnPlateau::new);
    }

    @Test
    void reduceOnPlateauWithCooldownAndMinLr() {
        checkPlateau("plateau_custom", o -> new ReduceLROnPlateau(o).factor(0.5).patience(2)
                .relativeThreshold(0.01).cooldown(2).minLr(0.02));
    }

    @Test
    void reduceOnPlateauMaxModeAbsoluteThresholdPerGroupMinLr() {
        checkPlateau("plateau_max_abs", o -> new ReduceLROnPlateau(o).mode(Goal.MAX).factor(0.2).patience(1)
                .absoluteThreshold(0.005).minLrs(0.005, 0.001));
    }
}
