package dl.rnn;

import static dl.rnn.TimeMajor.at;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A whole LSTM direction as one autograd op, forward and backward through time written by hand.
 *
 * <p>Forward, gates in PyTorch's order i, f, g, o:
 * <pre>
 *   a_t = x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh      (all steps' x W_ihᵀ in one gemm first)
 *   i, f, o = σ(a_i), σ(a_f), σ(a_o);  g = tanh(a_g)
 *   c_t = f c_{t−1} + i g;   h_t = o tanh(c_t)
 * </pre>
 * Backward, per step from the last: with dh and dc arriving at step t,
 * <pre>
 *   do = dh tanh c;  dc += dh o (1 − tanh² c);  di = dc g;  dg = dc i;  df = dc c_{t−1};  dc_{t−1} = dc f
 *   da = [di i(1−i), df f(1−f), dg (1−g²), do o(1−o)];   dh_{t−1} = da W_hh
 * </pre>
 * and after the loop dW_hh = Σ_t da_tᵀ h_{t−1} and dW_ih = Σ_t da_tᵀ x_t, each one gemm over all steps.
 *
 * <p>Per step the work is one gemm, one sigmoid over all four gate blocks (tanh a = 2σ(2a) − 1, so
 * the g rows of the weights are doubled once per call), one tanh, and plain Java loops over the
 * [N, H] values copied to the heap ({@link Heap}); the backward step is one Java loop and one gemm.
 * The elementwise values are kept in double precision (rounded to the layer's type for the gemms).
 *
 * <p>The op's value packs its three results: [N, T + 2, H] = the outputs h_1..h_T, then the final
 * h and the final c; {@link LSTMCell#run} slices them apart.
 */
final class LstmKernel {

    private LstmKernel() {}

    static Tensor run(Tensor x, Tensor h0, Tensor c0, Tensor wih, Tensor whh, Tensor bih, Tensor bhh,
            INDArray mask, boolean reverse) {
        INDArray xT = TimeMajor.fromBatchFirst(x.data());
        int steps = (int) xT.size(0);
        int n = (int) xT.size(1);
        int hid = (int) whh.size(1);
        int g4 = 4 * hid;
        int nh = n * hid;
        DataType type = xT.dataType();
        // g rows doubled: σ(2a) over the whole gate block gives (tanh a + 1) / 2 for g
        INDArray wihS = wih.data().dup('c');
        INDArray whhS = whh.data().dup('c');
        INDArray bS = bih.data().add(bhh.data());
        wihS.get(NDArrayIndex.interval(2 * hid, 3 * hid), NDArrayIndex.all()).muli(2);
        whhS.get(NDArrayIndex.interval(2 * hid, 3 * hid), NDArrayIndex.all()).muli(2);
        bS.get(NDArrayIndex.interval(2 * hid, 3 * hid)).muli(2);
        INDArray gx = TimeMajor.project(xT, wihS, bS); // [T, N, 4H]
        double[][] acts = new double[steps][];   // activated gates i, f, g, o per step
        double[][] tanhC = new double[steps][];
        double[] hPrevAll = new double[steps * nh];
        double[] cPrevAll = new double[steps * nh];
        double[] m = mask == null ? null : Heap.of(mask);
        double[] h = Heap.of(h0.data());
        double[] c = Heap.of(c0.data());
        double[] packed = new double[n * (steps + 2) * hid];
        INDArray hCur = Heap.array(h, type, n, hid);
        INDArray cScratch = Nd4j.create(DataType.DOUBLE, new long[] {n, hid}, 'c');
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            INDArray a = at(gx, t);
            Nd4j.gemm(hCur, whhS, a, false, true, 1.0, 1.0);
            Transforms.sigmoid(a, false);
            double[] av = Heap.of(a);
            System.arraycopy(h, 0, hPrevAll, t * nh, nh);
            System.arraycopy(c, 0, cPrevAll, t * nh, nh);
            for (int b = 0; b < n; b++) {
                boolean real = m == null || m[t * n + b] != 0;
                int ab = b * g4;
                for (int j = 0; j < hid; j++) {
                    double gg = 2 * av[ab + 2 * hid + j] - 1;
                    av[ab + 2 * hid + j] = gg;
                    if (real) {
                        int s = b * hid + j;
                        c[s] = av[ab + hid + j] * c[s] + av[ab + j] * gg;
                    }
                }
            }
            Heap.write(cScratch, c);
            Transforms.tanh(cScratch, false);
            double[] tc = Heap.of(cScratch);
            for (int b = 0; b < n; b++) {
                boolean real = m == null || m[t * n + b] != 0;
                int ab = b * g4;
                int ob = (b * (steps + 2) + t) * hid;
                for (int j = 0; j < hid; j++) {
                    if (real) {
                        double hNew = av[ab + 3 * hid + j] * tc[b * hid + j];
                        h[b * hid + j] = hNew;
                        packed[ob + j] = hNew;
                    }
                }
            }
            acts[t] = av;
            tanhC[t] = tc;
            Heap.write(hCur, h);
        }
        for (int b = 0; b < n; b++) {
            System.arraycopy(h, b * hid, packed, (b * (steps + 2) + steps) * hid, hid);
            System.arraycopy(c, b * hid, packed, (b * (steps + 2) + steps + 1) * hid, hid);
        }
        INDArray value = Heap.array(packed, type, n, steps + 2, hid);
        return Tensor.op("lstm", value, g -> backward(g, xT, acts, tanhC, hPrevAll, cPrevAll, m, reverse,
                x, h0, c0, wih, whh, bih, bhh), x, h0, c0, wih, whh, bih, bhh);
    }

    private static INDArray[] backward(INDArray gOut, INDArray xT, double[][] acts, double[][] tanhC, double[] hPrevAll,
            double[] cPrevAll, double[] m, boolean reverse, Tensor x, Tensor h0, Tensor c0, Tensor wih, Tensor whh,
            Tensor bih, Tensor bhh) {
        int steps = acts.length;
        int n = (int) xT.size(1);
        int hid = (int) whh.size(1);
        int g4 = 4 * hid;
        DataType type = xT.dataType();
        INDArray w = whh.data();
        double[] g = Heap.of(gOut);
        double[] dh = new double[n * hid];
        double[] dc = new double[n * hid];
        for (int b = 0; b < n; b++) {
            System.arraycopy(g, (b * (steps + 2) + steps) * hid, dh, b * hid, hid);
            System.arraycopy(g, (b * (steps + 2) + steps + 1) * hid, dc, b * hid, hid);
        }
        INDArray dA = Nd4j.create(type, steps, n, g4);
        double[] da = new double[n * g4];
        INDArray dhArr = Nd4j.create(type, new long[] {n, hid}, 'c');
        for (int k = steps - 1; k >= 0; k--) {
            int t = reverse ? steps - 1 - k : k;
            double[] av = acts[t];
            double[] tc = tanhC[t];
            java.util.Arrays.fill(da, 0);
            for (int b = 0; b < n; b++) {
                if (m != null && m[t * n + b] == 0) {
                    continue; // padded step: h and c pass through unchanged, da = 0
                }
                int ab = b * g4;
                int ob = (b * (steps + 2) + t) * hid;
                for (int j = 0; j < hid; j++) {
                    int s = b * hid + j;
                    double dH = dh[s] + g[ob + j];
                    double i = av[ab + j];
                    double f = av[ab + hid + j];
                    double gg = av[ab + 2 * hid + j];
                    double o = av[ab + 3 * hid + j];
                    double tch = tc[s];
                    double dC = dc[s] + dH * o * (1 - tch * tch);
                    da[ab + j] = dC * gg * i * (1 - i);
                    da[ab + hid + j] = dC * cPrevAll[t * n * hid + s] * f * (1 - f);
                    da[ab + 2 * hid + j] = dC * i * (1 - gg * gg);
                    da[ab + 3 * hid + j] = dH * tch * o * (1 - o);
                    dc[s] = dC * f;
                    dh[s] = 0;
                }
            }
            INDArray daT = at(dA, t);
            Heap.write(daT, da);
            Heap.write(dhArr, dh);
            Nd4j.gemm(daT, w, dhArr, false, false, 1.0, 1.0);
            Heap.read(dhArr, dh);
        }
        INDArray[] proj = TimeMajor.projectBackward(dA, xT, wih.data(), x.requiresGrad(), wih.requiresGrad(), bih.requiresGrad());
        INDArray dWhh = null;
        if (whh.requiresGrad()) {
            dWhh = Nd4j.create(w.dataType(), w.shape());
            INDArray hp = Heap.array(hPrevAll, type, (long) steps * n, hid);
            Nd4j.gemm(TimeMajor.rows(dA), hp, dWhh, true, false, 1.0, 0.0);
        }
        INDArray dbhh = bhh.requiresGrad() ? TimeMajor.rows(dA).sum(0) : null;
        return new INDArray[] {proj[0], h0.requiresGrad() ? Heap.array(dh, type, n, hid) : null,
                c0.requiresGrad() ? Heap.array(dc, type, n, hid) : null, proj[1], dWhh, proj[2], dbhh};
    }
}
