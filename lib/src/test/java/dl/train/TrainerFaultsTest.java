package dl.train;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.data.ArrayDataset;
import dl.data.DataLoader;
import dl.loss.CrossEntropyLoss;
import dl.loss.Losses;
import dl.loss.MSELoss;
import dl.nn.Linear;
import dl.nn.Sequential;
import dl.optim.SGD;
import dl.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Faults during fit() (issue 9 §4): labels, mode after a failure, non-finite and exploding losses. */
class TrainerFaultsTest {

    @BeforeEach
    void seed() {
        Course.seed(3);
    }

    private static ArrayDataset fourPoints(double... labels) {
        return ArrayDataset.of(Nd4j.createFromArray(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
                Nd4j.createFromArray(labels));
    }

    /** 1.7 was truncated to class 1 by the Trainer while the loss rejected it: now both reject it alike. */
    @Test
    void fractionalClassLabelIsRejectedByTrainerAndLossAlike() {
        var model = new Sequential(new Linear(2, 3));
        var viaTrainer = assertThrows(IllegalArgumentException.class, () -> Trainer.of(model, new CrossEntropyLoss(),
                new SGD(model.parameters(), 0.1)).epochs(1).progress(false).fit(fourPoints(0, 1.7, 2, 1).loader(4)));
        assertTrue(viaTrainer.getMessage().contains("label 1.7 at index 1 is not a class id"), viaTrainer.getMessage());

        Tensor logits = Tensor.of(new double[][] {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}, {1, 2, 3}});
        var viaLoss = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, Tensor.of(0, 1.7, 2, 1)));
        assertEquals(viaTrainer.getMessage(), viaLoss.getMessage(), "one rule, one message for both paths");

        // whole-number labels stored as floats still train (the usual dataset layout)
        var h = Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1)).epochs(1).progress(false)
                .fit(fourPoints(0, 1, 2, 1).loader(4));
        assertEquals(1, h.epochs());
    }

    @Test
    void failedFitRestoresTheModesItCameIn() {
        var model = new Sequential(new Linear(2, 3));
        DataLoader bad = fourPoints(0, 1, 7, 1).loader(4);   // class 7 of 3: the loss throws in the first step
        assertTrue(model.isTraining());
        assertThrows(IllegalArgumentException.class, () -> Trainer.of(model, new CrossEntropyLoss(),
                new SGD(model.parameters(), 0.1)).progress(false).fit(bad));
        assertTrue(model.isTraining(), "a model in train mode must not come out of a failed fit in eval mode");

        model.eval();
        assertThrows(IllegalArgumentException.class, () -> Trainer.of(model, new CrossEntropyLoss(),
                new SGD(model.parameters(), 0.1)).progress(false).fit(bad));
        assertFalse(model.isTraining(), "a model in eval mode stays in eval mode");

        // a failure after validation (which switches to eval) in a callback, i.e. an interrupted run
        model.train();
        DataLoader good = fourPoints(0, 1, 2, 1).loader(4);
        assertThrows(IllegalStateException.class, () -> Trainer.of(model, new CrossEntropyLoss(),
                new SGD(model.parameters(), 0.1)).epochs(3).validation(good).progress(false)
                .callback((t, epoch, logs) -> {
                    throw new IllegalStateException("interrupted");
                }).fit(good));
        assertTrue(model.isTraining());
    }

    @Test
    void nanInTheInputsIsNamedAsTheCause() {
        var x = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {-1, 5}, {6, 7}});
        var data = ArrayDataset.of(x, Nd4j.createFromArray(1.0, 2, 3, 4));
        DataLoader logs = data.loader(4).transform((row, rng) -> Transforms.log(row, true));  // log(-1) = NaN
        var model = new Sequential(new Linear(2, 1));
        var e = assertThrows(TrainingDiverged.class, () -> Trainer.of(model, new MSELoss(),
                new SGD(model.parameters(), 0.01)).progress(false).fit(logs));
        assertTrue(e.getMessage().contains("the loss became NaN at epoch 1, step 1 of 1"), e.getMessage());
        assertTrue(e.getMessage().contains("inputs of this batch contain NaN at index [2, 0]"), e.getMessage());
    }

    @Test
    void failedCheckpointKeepsTheRunAndItsHistory(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "a file, not a folder");
        var model = new Sequential(new Linear(2, 3));
        DataLoader data = fourPoints(0, 1, 2, 1).loader(2);
        var err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        History h;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            h = Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1)).epochs(4)
                    .validation(data).checkpoint(notAFolder.resolve("best.npz")).progress(false).fit(data);
        } finally {
            System.setErr(before);
        }
        assertEquals(4, h.epochs(), "every epoch trained and logged");
        String warning = err.toString(StandardCharsets.UTF_8);
        assertTrue(warning.contains("warning: Trainer: the checkpoint of epoch 1 was not saved (save "
                + notAFolder.resolve("best.npz") + ": cannot create the folder " + notAFolder), warning);
        assertEquals(1, warning.lines().filter(l -> l.startsWith("warning:")).count(), "warned once, not every epoch");
    }

    /**
     * y = x fitted by y = w·x + b with full-batch gradient descent at a rate far above 2/λmax: the
     * loss grows geometrically but stays finite for dozens of steps. The first epoch whose loss is
     * above 1000 times the first is computed here by the same iteration in fp64, by hand.
     */
    @Test
    void explodingButFiniteLossStopsAtTheFirstStepAboveTheFactor() {
        double[] xs = {-1, -0.5, 0.5, 1};
        double lr = 3;
        int expectedEpoch = firstEpochAbove(xs, lr, 1e3);
        assertTrue(expectedEpoch > 2 && expectedEpoch < 30, "the hand computation diverges slowly: " + expectedEpoch);

        var x = Nd4j.createFromArray(xs).reshape(4, 1).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        var data = ArrayDataset.of(x, x.dup());
        var model = new Linear(1, 1);
        model.weight().data().assign(0.25);
        model.bias().data().assign(0.5);
        var e = assertThrows(TrainingDiverged.class, () -> Trainer.of(model, new MSELoss(),
                new SGD(model.parameters(), lr)).epochs(100).progress(false).fit(data.loader(4)));
        assertTrue(e.getMessage().contains("the loss exploded"), e.getMessage());
        assertTrue(e.getMessage().contains("at epoch " + expectedEpoch + ", step 1 of 1"), e.getMessage());

        // the same run with the check widened trains on until the factor is reached later
        model.weight().data().assign(0.25);
        model.bias().data().assign(0.5);
        int later = firstEpochAbove(xs, lr, 1e6);
        var wider = assertThrows(TrainingDiverged.class, () -> Trainer.of(model, new MSELoss(),
                new SGD(model.parameters(), lr)).epochs(100).divergenceFactor(1e6).progress(false).fit(data.loader(4)));
        assertTrue(wider.getMessage().contains("at epoch " + later + ","), wider.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Trainer.of(model, new MSELoss(),
                new SGD(model.parameters(), lr)).divergenceFactor(0.5));
    }

    /** Full-batch gradient descent on the mean squared error of w·x + b against y = x, in fp64. */
    private static int firstEpochAbove(double[] xs, double lr, double factor) {
        double w = 0.25, b = 0.5, first = Double.NaN;
        for (int epoch = 1; epoch < 1000; epoch++) {
            double loss = 0, gw = 0, gb = 0;
            for (double x : xs) {
                double r = w * x + b - x;
                loss += r * r / xs.length;
                gw += 2 * r * x / xs.length;
                gb += 2 * r / xs.length;
            }
            if (epoch == 1) {
                first = loss;
            } else if (loss > factor * first) {
                return epoch;
            }
            w -= lr * gw;
            b -= lr * gb;
        }
        return -1;
    }
}
