package dl.train;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.data.ArrayDataset;
import dl.data.LogicGates;
import dl.data.NoisySine;
import dl.data.Spirals;
import dl.loss.BCEWithLogitsLoss;
import dl.loss.CrossEntropyLoss;
import dl.loss.MSELoss;
import dl.nn.Linear;
import dl.nn.ReLU;
import dl.nn.Sequential;
import dl.nn.Tanh;
import dl.optim.Adam;
import dl.optim.SGD;
import dl.optim.StepLR;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class TrainerTest {

    @BeforeEach
    void seed() {
        Course.seed(1);
    }

    /** Learning test (issue 4): an MLP learns XOR to 100%. */
    @Test
    void mlpLearnsXor() {
        ArrayDataset xor = LogicGates.xor();
        var model = new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 1));
        History h = Trainer.of(model, new BCEWithLogitsLoss(), new Adam(model.parameters(), 0.05))
                .epochs(300).metrics(Metric.binaryAccuracy(0.0)).progress(false)
                .fit(xor.loader(4));
        assertEquals(1.0, h.last("acc"), 1e-12, h.toString());
        assertTrue(h.last("loss") < 0.05, h.toString());
    }

    /** Learning test (issue 4): two spirals to more than 95%. */
    @Test
    void mlpLearnsTwoSpirals() {
        ArrayDataset spirals = Spirals.of(200, 2, 1.5, 0.05, 3);
        var model = new Sequential(new Linear(2, 64), new ReLU(), new Linear(64, 64), new ReLU(), new Linear(64, 2));
        var trainer = Trainer.of(model, new CrossEntropyLoss(), new Adam(model.parameters(), 0.01))
                .epochs(150).metrics(Metric.accuracy()).progress(false);
        trainer.fit(spirals.loader(32).shuffle(5));
        double acc = trainer.evaluate(spirals.loader(400)).get("acc");
        assertTrue(acc > 0.95, "spiral accuracy " + acc);
    }

    /** Learning test (issue 4): sin(x) on [-π, π] to MSE < 1e-3. */
    @Test
    void mlpFitsSine() {
        ArrayDataset sine = NoisySine.of(256, -Math.PI, Math.PI, 0.0, 2);
        var model = new Sequential(new Linear(1, 32), new Tanh(), new Linear(32, 1));
        var trainer = Trainer.of(model, new MSELoss(), new Adam(model.parameters(), 0.01)).epochs(400).progress(false);
        trainer.fit(sine.loader(64).shuffle(7));
        double mse = trainer.evaluate(sine.loader(256)).get("loss");
        assertTrue(mse < 1e-3, "sine MSE " + mse);
    }

    @Test
    void historyHasOneRowPerEpochWithValidationLrAndTime() {
        ArrayDataset xor = LogicGates.xor();
        var model = new Sequential(new Linear(2, 4), new Tanh(), new Linear(4, 1));
        var opt = new SGD(model.parameters(), 0.5);
        History h = Trainer.of(model, new BCEWithLogitsLoss(), opt).epochs(6)
                .validation(xor.loader(4)).schedule(new StepLR(opt, 2, 0.5)).progress(false)
                .fit(xor.loader(2));
        assertEquals(6, h.epochs());
        assertEquals(java.util.List.of("epoch", "loss", "val_loss", "lr", "seconds"), h.columnNames());
        assertArrayEquals(new double[] {0.5, 0.5, 0.25, 0.25, 0.125, 0.125}, h.doubles("lr"), 1e-12);
        assertEquals(6, h.table().rowCount());
        assertTrue(h.toHtml().contains("<th>val_loss</th>"));
        assertNotNull(h.plot().toImage());
    }

    @Test
    void divergingLossStopsWithEpochAndStep() {
        var x = Nd4j.linspace(-1, 1, 64, DataType.FLOAT).reshape(64, 1);
        var data = ArrayDataset.of(x, x.mul(100).reshape(64));
        var model = new Sequential(new Linear(1, 16), new ReLU(), new Linear(16, 1));
        var e = assertThrows(TrainingDiverged.class, () -> Trainer.of(model, new MSELoss(),
                new SGD(model.parameters(), 10.0)).epochs(50).divergenceFactor(Double.POSITIVE_INFINITY)
                .progress(false).fit(data.loader(16)));   // only the non-finite check (the growth check stops earlier)
        assertTrue(e.getMessage().matches("(?s).*the loss became (NaN|Infinity) at epoch \\d+, step \\d+ of 4.*"),
                e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*mean loss of the epoch's earlier steps (n/a|[0-9.e+]+)\\).*"), e.getMessage());
    }

    @Test
    void earlyStoppingCheckpointAndRestoreBest(@TempDir Path dir) {
        ArrayDataset sine = NoisySine.of(64, -3, 3, 0.3, 4);
        var model = new Sequential(new Linear(1, 64), new ReLU(), new Linear(64, 1));
        Path file = dir.resolve("best.npz");
        History h = Trainer.of(model, new MSELoss(), new Adam(model.parameters(), 0.5)).epochs(200)
                .validation(NoisySine.of(64, -3, 3, 0.3, 9).loader(64)).earlyStopping(Monitor.VAL_LOSS, 3)
                .checkpoint(file).restoreBest().progress(false).fit(sine.loader(8).shuffle(1));
        assertTrue(h.epochs() < 200, "expected an early stop, trained " + h.epochs());
        assertTrue(Files.exists(file));
        double best = h.min("val_loss");
        var trainer = Trainer.of(model, new MSELoss(), new Adam(model.parameters()));
        assertEquals(best, trainer.evaluate(NoisySine.of(64, -3, 3, 0.3, 9).loader(64)).get("loss"), 1e-5);
        var reloaded = new Sequential(new Linear(1, 64), new ReLU(), new Linear(64, 1)).load(file);
        assertEquals(best, Trainer.evaluate(reloaded, new MSELoss(), NoisySine.of(64, -3, 3, 0.3, 9).loader(64))
                .get("loss"), 1e-5);
    }

    @Test
    void sameSeedSameHistory() {
        double[] first = run();
        double[] second = run();
        assertArrayEquals(first, second, 0.0);
    }

    private static double[] run() {
        Course.seed(11);
        ArrayDataset spirals = Spirals.of(50, 2, 1, 0.1, 3);
        var model = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 2));
        return Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1)).epochs(3).seed(5)
                .progress(false).fit(spirals.loader(10).shuffle(true)).doubles("loss");
    }

    @Test
    void groupsWithDifferentLearningRatesAreRecordedPerGroup() {
        var model = new Sequential(new Linear(2, 4), new Tanh(), new Linear(4, 1));
        var opt = new SGD(model.get(0).parameters(), 0.1);
        opt.addParamGroup(model.get(2).parameters()).setLr(0.01);
        var h = Trainer.of(model, new BCEWithLogitsLoss(), opt).epochs(2).progress(false)
                .fit(LogicGates.xor().loader(4));
        assertArrayEquals(new double[] {0.1, 0.1}, h.doubles("lr_group0"), 1e-12);
        assertArrayEquals(new double[] {0.01, 0.01}, h.doubles("lr_group1"), 1e-12);
    }

    /**
     * "err" has no "loss" in its name, so the old rule (names with "loss" go down, others up)
     * kept the epoch with the highest error. The monitor now states the direction: restoreBest
     * brings back the epoch with the lowest val_err, found here in the history by hand.
     */
    @Test
    void restoreBestFollowsTheStatedDirectionNotTheName() {
        ArrayDataset spirals = Spirals.of(60, 2, 1.5, 0.1, 3);
        Metric err = Metric.of("err", dl.metrics.Goal.MIN, (out, y) -> 1 - dl.metrics.Accuracy.of(out, y));
        var model = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 2));
        var trainer = Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.5)).epochs(12)
                .validation(spirals.loader(120)).metrics(err).monitor(Monitor.validation(err)).restoreBest().progress(false);
        History h = trainer.fit(spirals.loader(10).shuffle(2));
        double lowest = h.min("val_err");
        assertTrue(h.max("val_err") > lowest, "the run must have epochs that differ: " + h);
        assertEquals(lowest, trainer.evaluate(spirals.loader(120)).get("err"), 1e-6);
    }

    @Test
    void monitorDirectionMustAgreeWithTheMetricAndThePlateauSchedule() {
        var model = new Sequential(new Linear(2, 2));
        var data = LogicGates.xor().loader(4);
        var opt = new SGD(model.parameters(), 0.1);
        var wrongWay = assertThrows(IllegalStateException.class, () -> Trainer.of(model, new CrossEntropyLoss(), opt)
                .validation(data).metrics(Metric.accuracy()).earlyStopping(Monitor.min("val_acc"), 2).progress(false).fit(data));
        assertTrue(wrongWay.getMessage().contains("the metric 'acc' improves the other way (MAX)"), wrongWay.getMessage());
        var plateau = assertThrows(IllegalStateException.class, () -> Trainer.of(model, new CrossEntropyLoss(), opt)
                .validation(data).metrics(Metric.accuracy()).monitor(Monitor.validation(Metric.accuracy()))
                .schedule(new dl.optim.ReduceLROnPlateau(opt)).progress(false).fit(data));
        assertTrue(plateau.getMessage().contains("in mode MIN but it is stepped with val_acc (higher is better);"
                + " hint: .mode(Goal.MAX)"), plateau.getMessage());
    }

    @Test
    void badSettingsAreRejectedClearly() {
        var model = new Sequential(new Linear(2, 1));
        var t = Trainer.of(model, new MSELoss(), new SGD(model.parameters(), 0.1));
        assertThrows(IllegalArgumentException.class, () -> t.epochs(0));
        assertThrows(IllegalArgumentException.class, () -> t.earlyStopping(Monitor.VAL_LOSS, 0));
        var e = assertThrows(IllegalStateException.class, () -> t.epochs(1).earlyStopping(Monitor.VAL_LOSS, 2)
                .progress(false).fit(LogicGates.xor().loader(4)));
        assertTrue(e.getMessage().contains("add .validation(loader)"), e.getMessage());
    }
}
