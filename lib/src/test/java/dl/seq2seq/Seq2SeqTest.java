package dl.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.Course;
import dl.data.ArrayDataset;
import dl.data.SequenceTasks;
import dl.optim.Adam;
import dl.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Seq2seq: the teacher-forcing format, scheduled sampling, and learning to reverse sequences. */
class Seq2SeqTest {

    @Test
    void teacherForcingShiftsTheTargetAndAppendsEos() {
        Seq2Seq m = new Seq2Seq(4, 4, 3, 5, false);
        Tensor[] pair = m.teacherForcingPair(Tensor.of(new double[][] {{2, 0, 3}}));
        assertArrayEquals(new double[] {4, 2, 0, 3}, pair[0].toDoubleArray()); // BOS = 4
        assertArrayEquals(new double[] {2, 0, 3, 5}, pair[1].toDoubleArray()); // EOS = 5
    }

    @Test
    void scheduledSamplingLossEqualsTeacherForcingAtRatioOneAndTrainsBelowIt() {
        Course.seed(4);
        Seq2Seq m = new Seq2Seq(5, 5, 4, 6, true);
        m.toDouble();
        m.eval();
        ArrayDataset d = SequenceTasks.copy(6, 4, 5, 1);
        Tensor src = new Tensor(d.x().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE));
        Tensor tgt = new Tensor(d.y().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE));
        double full = m.loss(src, tgt).item();
        // all-teacher step by step equals the one-pass loss (0.999999: the step loop with every step forced)
        double stepwise = m.loss(src, tgt, 0.9999999999, new Random(1) {
            @Override
            public double nextDouble() {
                return 0;
            }
        }).item();
        assertEquals(full, stepwise, 1e-12);
        Tensor l = m.loss(src, tgt, 0.5, new Random(2));
        l.backward();
        assertTrue(m.parameters().stream().allMatch(p -> p.grad() != null), "every parameter gets a gradient");
    }

    /**
     * Reversing 5 tokens of 8 with a GRU encoder-decoder and attention: teacher forcing, Adam,
     * greedy decoding of 300 held-out sequences must be exactly right for at least 90% of them.
     */
    @Test
    void learnsToReverseSequences() {
        Course.seed(12);
        ArrayDataset train = SequenceTasks.reverse(4000, 5, 8, 100);
        ArrayDataset test = SequenceTasks.reverse(300, 5, 8, 200);
        Seq2Seq model = new Seq2Seq(8, 8, 16, 64, true);
        Adam opt = new Adam(model.parameters(), 0.01);
        Random rng = new Random(3);
        long start = System.nanoTime();
        double acc = 0;
        int batch = 64;
        for (int step = 1; step <= 600; step++) {
            int[] rows = rng.ints(batch, 0, 4000).toArray();
            Tensor x = new Tensor(Nd4j.pullRows(train.x(), 1, rows));
            Tensor y = new Tensor(Nd4j.pullRows(train.y(), 1, rows));
            opt.zeroGrad();
            Tensor loss = model.loss(x, y);
            loss.backward();
            opt.step();
            if (step % 100 == 0) {
                acc = model.exactMatch(new Tensor(test.x()), new Tensor(test.y()), 8);
                System.out.printf("reverse: step %d loss %.4f exact match %.3f (%.1f s)%n", step, loss.item(), acc,
                        (System.nanoTime() - start) / 1e9);
                if (acc >= 0.95) {
                    break;
                }
            }
        }
        assertTrue(acc >= 0.9, "exact match on held-out sequences " + acc);
    }
}
