package dl.rnn;

import static dl.rnn.TimeMajor.at;
import static dl.rnn.TimeMajor.cols;

import dl.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A whole GRU direction as one autograd op (PyTorch's formulation, gates r, z, n):
 * <pre>
 *   gi = x_t W_ihᵀ + b_ih,   gh = h_{t−1} W_hhᵀ + b_hh
 *   r = σ(gi_r + gh_r),  z = σ(gi_z + gh_z),  n = tanh(gi_n + r gh_n)
 *   h_t = (1 − z) n + z h_{t−1}
 * </pre>
 * Backward per step: dn = dh (1 − z), dz = dh (h_{t−1} − n), da_n = dn (1 − n²),
 * dr = da_n gh_n; then dgi = [dr r(1−r), dz z(1−z), da_n], dgh = [same r and z parts, da_n r],
 * dh_{t−1} = dh z + dgh W_hh. Weight gradients are one gemm each over all steps.
 * Value: [N, T + 1, H], the outputs then the final h.
 */
final class GruKernel {

    private GruKernel() {}

    static Tensor run(Tensor x, Tensor h0, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, INDArray mask, boolean reverse) {
        INDArray xT = TimeMajor.fromBatchFirst(x.data());
        int steps = (int) xT.size(0);
        long n = xT.size(1);
        long hid = whh.size(1);
        INDArray w = whh.data();
        INDArray gi = TimeMajor.project(xT, wih.data(), bih.data());
        var type = gi.dataType();
        INDArray gates = Nd4j.create(type, steps, n, 3 * hid);   // r, z, n after their activations
        INDArray ghN = Nd4j.create(type, steps, n, hid);          // h W_hnᵀ + b_hn
        INDArray hPrevAll = Nd4j.create(type, steps, n, hid);
        INDArray packed = Nd4j.create(type, n, steps + 1, hid);
        INDArray gh = Nd4j.create(type, n, 3 * hid);
        INDArray h = h0.data();
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            at(hPrevAll, t).assign(h);
            gh.assign(0).addiRowVector(bhh.data());
            Nd4j.gemm(h, w, gh, false, true, 1.0, 1.0);
            INDArray a = at(gates, t);
            INDArray git = at(gi, t);
            cols(a, 0, 2 * hid).assign(cols(git, 0, 2 * hid).add(cols(gh, 0, 2 * hid)));
            Transforms.sigmoid(cols(a, 0, 2 * hid), false);
            at(ghN, t).assign(cols(gh, 2 * hid, 3 * hid));
            INDArray nn = cols(a, 2 * hid, 3 * hid);
            nn.assign(cols(gh, 2 * hid, 3 * hid).mul(cols(a, 0, hid)).addi(cols(git, 2 * hid, 3 * hid)));
            Transforms.tanh(nn, false);
            INDArray z = cols(a, hid, 2 * hid);
            INDArray hNew = h.sub(nn).muli(z).addi(nn);  // n + z (h − n)
            INDArray m = TimeMajor.maskAt(mask, t, hNew);
            if (m != null) {
                Packed.put(packed, t, hNew.mulColumnVector(m));
                hNew.subi(h).muliColumnVector(m).addi(h);
            } else {
                Packed.put(packed, t, hNew);
            }
            h = hNew;
        }
        Packed.put(packed, steps, h);
        return Tensor.op("gru", packed, g -> backward(g, xT, gates, ghN, hPrevAll, mask, reverse, x, h0, wih, whh, bih, bhh),
                x, h0, wih, whh, bih, bhh);
    }

    private static INDArray[] backward(INDArray g, INDArray xT, INDArray gates, INDArray ghN, INDArray hPrevAll,
            INDArray mask, boolean reverse, Tensor x, Tensor h0, Tensor wih, Tensor whh, Tensor bih, Tensor bhh) {
        int steps = (int) gates.size(0);
        long hid = whh.size(1);
        INDArray w = whh.data();
        INDArray dGi = Nd4j.create(gates.dataType(), gates.shape());
        INDArray dGh = Nd4j.create(gates.dataType(), gates.shape());
        INDArray dh = Packed.get(g, steps).dup();
        for (int k = steps - 1; k >= 0; k--) {
            int t = reverse ? steps - 1 - k : k;
            INDArray a = at(gates, t);
            INDArray r = cols(a, 0, hid);
            INDArray z = cols(a, hid, 2 * hid);
            INDArray nn = cols(a, 2 * hid, 3 * hid);
            INDArray hPrev = at(hPrevAll, t);
            INDArray m = TimeMajor.maskAt(mask, t, dh);
            INDArray dOut = Packed.get(g, t);
            INDArray dH = m == null ? dh.addi(dOut) : dh.addi(dOut.mulColumnVector(m));
            INDArray pass = null;
            if (m != null) {
                pass = dH.mulColumnVector(m.rsub(1.0));
                dH = dH.mulColumnVector(m);
            }
            INDArray dAn = dH.mul(z.rsub(1.0)).muli(nn.mul(nn).rsubi(1.0));
            INDArray dr = dAn.mul(at(ghN, t)).muli(r).muli(r.rsub(1.0));
            INDArray dz = dH.mul(hPrev.sub(nn)).muli(z).muli(z.rsub(1.0));
            INDArray dgi = at(dGi, t);
            INDArray dgh = at(dGh, t);
            cols(dgi, 0, hid).assign(dr);
            cols(dgi, hid, 2 * hid).assign(dz);
            cols(dgi, 2 * hid, 3 * hid).assign(dAn);
            cols(dgh, 0, hid).assign(dr);
            cols(dgh, hid, 2 * hid).assign(dz);
            cols(dgh, 2 * hid, 3 * hid).assign(dAn.muli(r));
            INDArray dhPrev = dH.mul(z);
            Nd4j.gemm(dgh, w, dhPrev, false, false, 1.0, 1.0);
            if (pass != null) {
                dhPrev.addi(pass);
            }
            dh = dhPrev;
        }
        INDArray[] proj = TimeMajor.projectBackward(dGi, xT, wih.data(), x.requiresGrad(), wih.requiresGrad(), bih.requiresGrad());
        INDArray dWhh = null;
        if (whh.requiresGrad()) {
            dWhh = Nd4j.create(w.dataType(), w.shape());
            Nd4j.gemm(TimeMajor.rows(dGh), TimeMajor.rows(hPrevAll), dWhh, true, false, 1.0, 0.0);
        }
        INDArray dbhh = bhh.requiresGrad() ? TimeMajor.rows(dGh).sum(0) : null;
        return new INDArray[] {proj[0], h0.requiresGrad() ? dh : null, proj[1], dWhh, proj[2], dbhh};
    }
}
