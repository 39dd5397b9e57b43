package dl.rnn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Course;
import dl.loss.CrossEntropyLoss;
import dl.nn.Embedding;
import dl.nn.Linear;
import dl.optim.Adam;
import dl.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An LSTM learns to copy: it reads 4 random tokens (of 6), a separator, then must write the 4
 * tokens back while reading blanks, so it has to hold them in its state.
 */
class LstmLearnsTest {

    static final int LEN = 4;
    static final int VOCAB = 6;
    static final int SEP = VOCAB;      // input tokens: 0..5, SEP, BLANK
    static final int BLANK = VOCAB + 1;

    @Test
    void lstmLearnsToCopyASequenceFromMemory() {
        Course.seed(13);
        Random rng = new Random(13);
        Embedding emb = new Embedding(VOCAB + 2, 8);
        LSTM lstm = new LSTM(8, 64);
        Linear head = new Linear(64, VOCAB);
        java.util.List<dl.nn.Parameter> params = new java.util.ArrayList<>(emb.parameters());
        params.addAll(lstm.parameters());
        params.addAll(head.parameters());
        Adam opt = new Adam(params, 0.01);
        double acc = 0;
        for (int step = 1; step <= 800; step++) {
            INDArray[] b = batch(64, rng);
            opt.zeroGrad();
            Tensor logits = readOut(emb, lstm, head, b[0]);
            Tensor loss = new CrossEntropyLoss().forward(logits.reshape(64L * LEN, VOCAB), b[1].reshape(64L * LEN).toIntVector());
            loss.backward();
            opt.step();
            if (step % 100 == 0) {
                INDArray[] test = batch(500, new Random(99));
                try (var g = Tensor.noGrad()) {
                    acc = exact(readOut(emb, lstm, head, test[0]).data(), test[1]);
                }
                System.out.printf("LSTM copy: step %d loss %.4f sequences copied exactly %.3f%n", step, loss.item(), acc);
                if (acc >= 0.95) {
                    break;
                }
            }
        }
        assertTrue(acc >= 0.9, "exact copies " + acc);
    }

    /** Logits [N, LEN, VOCAB] at the last LEN positions. */
    private static Tensor readOut(Embedding emb, LSTM lstm, Linear head, INDArray x) {
        Tensor out = lstm.forward(emb.forward(new Tensor(x)));
        return head.forward(out.slice(1, LEN + 1, 2L * LEN + 1));
    }

    /** x: tokens, SEP, LEN blanks; y: the tokens. */
    private static INDArray[] batch(int n, Random rng) {
        INDArray x = Nd4j.create(DataType.FLOAT, n, 2 * LEN + 1);
        INDArray y = Nd4j.create(DataType.FLOAT, n, LEN);
        for (int b = 0; b < n; b++) {
            for (int t = 0; t < LEN; t++) {
                int tok = rng.nextInt(VOCAB);
                x.putScalar(b, t, tok);
                y.putScalar(b, t, tok);
                x.putScalar(b, LEN + 1 + t, BLANK);
            }
            x.putScalar(b, LEN, SEP);
        }
        return new INDArray[] {x, y};
    }

    private static double exact(INDArray logits, INDArray y) {
        INDArray pred = logits.argMax(2);
        int ok = 0;
        for (int b = 0; b < y.size(0); b++) {
            boolean all = true;
            for (int t = 0; t < LEN; t++) {
                all &= pred.getInt(b, t) == y.getInt(b, t);
            }
            ok += all ? 1 : 0;
        }
        return ok / (double) y.size(0);
    }
}
