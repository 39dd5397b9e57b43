package dl.seq2seq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Course;
import dl.optim.Adam;
import dl.rnn.RnnTesting;
import dl.rnn.State;
import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Truncated BPTT: the gradient stops at the chunk boundary, the state does not; and it learns. */
class LanguageModelTest {

    /** 0 1 0 2 0 3 0 1 ...: after a 0 the next token depends on the one before the 0. */
    static INDArray pattern(int n, int len) {
        INDArray s = Nd4j.create(DataType.DOUBLE, n, len);
        for (int b = 0; b < n; b++) {
            for (int t = 0; t < len; t++) {
                int p = (t + b) % 6;
                s.putScalar(b, t, p % 2 == 0 ? 0 : 1 + p / 2);
            }
        }
        return s;
    }

    @Test
    void detachedStateStopsTheGradientButKeepsTheValues() {
        Course.seed(8);
        LanguageModel lm = new LanguageModel(4, 3, 5, 1);
        lm.toDouble();
        INDArray s = pattern(2, 9);
        Tensor x1 = new Tensor(s.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4)).dup());
        Tensor x2 = new Tensor(s.get(NDArrayIndex.all(), NDArrayIndex.interval(4, 8)).dup());
        Tensor y2 = new Tensor(s.get(NDArrayIndex.all(), NDArrayIndex.interval(5, 9)).dup());
        // full BPTT: chunk 2's loss through chunk 1's state
        State s1 = lm.forward(x1, null).state();
        lm.zeroGrad();
        lm.loss(x2, y2, s1).loss().backward();
        INDArray fullGrad = lm.lstm().namedParameters().get("weight_hh_l0").grad().dup();
        // truncated: the same loss value, from the detached state
        State s1b = lm.forward(x1, null).state();
        lm.zeroGrad();
        LanguageModel.ChunkLoss truncated = lm.loss(x2, y2, s1b.detach());
        truncated.loss().backward();
        INDArray truncGrad = lm.lstm().namedParameters().get("weight_hh_l0").grad().dup();
        // reference: chunk 2 alone from a constant state with those values
        lm.zeroGrad();
        State constant = new State(new Tensor(s1.h().data().dup()), new Tensor(s1.c().data().dup()));
        double lossConst = lm.loss(x2, y2, constant).loss().item();
        lm.loss(x2, y2, constant).loss().backward();
        INDArray constGrad = lm.lstm().namedParameters().get("weight_hh_l0").grad().dup();
        assertTrue(Math.abs(lossConst - truncated.loss().item()) < 1e-14, "detach keeps the forward values");
        RnnTesting.close("truncated gradient = gradient from a constant state", truncGrad, constGrad, 1e-14);
        assertTrue(fullGrad.sub(truncGrad).amaxNumber().doubleValue() > 1e-6,
                "full BPTT also sends chunk 2's gradient through chunk 1 (differs from the truncated one)");
    }

    @Test
    void learnsAPatternThatNeedsTheCarriedState() {
        Course.seed(10);
        LanguageModel lm = new LanguageModel(4, 8, 24, 1);
        Tensor stream = new Tensor(pattern(6, 33).castTo(DataType.FLOAT));
        Adam opt = new Adam(lm.parameters(), 0.02);
        double loss = Double.NaN;
        for (int epoch = 1; epoch <= 80; epoch++) {
            loss = lm.trainTruncated(stream, 4, opt, 1.0);
            if (epoch % 20 == 0) {
                System.out.printf("truncated BPTT (k = 4): epoch %d mean loss %.4f%n", epoch, loss);
            }
            if (loss < 0.02) {
                break;
            }
        }
        // the chunks start mid-pattern, so a low loss needs the state carried across chunks
        assertTrue(loss < 0.1, "mean loss " + loss);
        try (var g = Tensor.noGrad()) {
            // the same chunks evaluated from a zero state each time: the first step of a chunk after a 0 is a guess
            double reset = 0;
            int chunks = 0;
            for (int s = 0; s + 1 < 33; s += 4) {
                int e = Math.min(s + 4, 32);
                Tensor x = new Tensor(stream.data().get(NDArrayIndex.all(), NDArrayIndex.interval(s, e)).dup());
                Tensor y = new Tensor(stream.data().get(NDArrayIndex.all(), NDArrayIndex.interval(s + 1, e + 1)).dup());
                reset += lm.loss(x, y, null).loss().item();
                chunks++;
            }
            reset /= chunks;
            System.out.printf("loss with the state carried %.4f, reset at every chunk %.4f%n", loss, reset);
            assertTrue(reset > 2 * loss + 0.05, "resetting the state must hurt: " + reset + " vs " + loss);
        }
    }
}
