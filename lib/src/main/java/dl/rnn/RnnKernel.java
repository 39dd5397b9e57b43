package dl.rnn;

import static dl.rnn.TimeMajor.at;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A whole vanilla-RNN direction as one autograd op: h_t = act(x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh)
 * with act = tanh (act' = 1 − h²) or ReLU (act' = [h &gt; 0]). Backward per step:
 * da = dh act', dh_{t−1} = da W_hh; dW_hh = Σ_t da_tᵀ h_{t−1} in one gemm.
 * Value: [N, T + 1, H], the outputs then the final h.
 */
final class RnnKernel {

    private RnnKernel() {}

    static Tensor run(Tensor x, Tensor h0, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, boolean relu,
            INDArray mask, boolean reverse) {
        INDArray xT = TimeMajor.fromBatchFirst(x.data());
        int steps = (int) xT.size(0);
        long n = xT.size(1);
        long hid = whh.size(1);
        INDArray w = whh.data();
        INDArray hs = TimeMajor.project(xT, wih.data(), bih.data()); // becomes the candidate h of each step
        INDArray hPrevAll = Nd4j.create(hs.dataType(), steps, n, hid);
        INDArray packed = Nd4j.create(hs.dataType(), n, steps + 1, hid);
        INDArray h = h0.data();
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            at(hPrevAll, t).assign(h);
            INDArray a = at(hs, t);
            a.addiRowVector(bhh.data());
            Nd4j.gemm(h, w, a, false, true, 1.0, 1.0);
            if (relu) {
                Transforms.relu(a, false);
            } else {
                Transforms.tanh(a, false);
            }
            INDArray m = TimeMajor.maskAt(mask, t, a);
            INDArray hNew;
            if (m != null) {
                Packed.put(packed, t, a.mulColumnVector(m));
                hNew = a.sub(h).muliColumnVector(m).addi(h);
            } else {
                Packed.put(packed, t, a);
                hNew = a;
            }
            h = hNew;
        }
        Packed.put(packed, steps, h);
        return Tensor.op(relu ? "rnn_relu" : "rnn_tanh", packed, g -> {
            INDArray dA = Nd4j.create(hs.dataType(), hs.shape());
            INDArray dh = Packed.get(g, steps).dup();
            for (int k = steps - 1; k >= 0; k--) {
                int t = reverse ? steps - 1 - k : k;
                INDArray a = at(hs, t);
                INDArray m = TimeMajor.maskAt(mask, t, dh);
                INDArray dOut = Packed.get(g, t);
                INDArray dH = m == null ? dh.addi(dOut) : dh.addi(dOut.mulColumnVector(m));
                INDArray pass = null;
                if (m != null) {
                    pass = dH.mulColumnVector(m.rsub(1.0));
                    dH = dH.mulColumnVector(m);
                }
                INDArray deriv = relu ? a.gt(0).castTo(a.dataType()) : a.mul(a).rsubi(1.0);
                INDArray da = at(dA, t);
                da.assign(dH.mul(deriv));
                INDArray dhPrev = pass == null ? Nd4j.create(dh.dataType(), dh.shape()) : pass;
                Nd4j.gemm(da, w, dhPrev, false, false, 1.0, pass == null ? 0.0 : 1.0);
                dh = dhPrev;
            }
            INDArray[] proj = TimeMajor.projectBackward(dA, xT, wih.data(), x.requiresGrad(), wih.requiresGrad(), bih.requiresGrad());
            INDArray dWhh = null;
            if (whh.requiresGrad()) {
                dWhh = Nd4j.create(w.dataType(), w.shape());
                Nd4j.gemm(TimeMajor.rows(dA), TimeMajor.rows(hPrevAll), dWhh, true, false, 1.0, 0.0);
            }
            INDArray dbhh = bhh.requiresGrad() ? TimeMajor.rows(dA).sum(0) : null;
            return new INDArray[] {proj[0], h0.requiresGrad() ? dh : null, proj[1], dWhh, proj[2], dbhh};
        }, x, h0, wih, whh, bih, bhh);
    }
}
