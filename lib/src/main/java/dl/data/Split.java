package dl.data;

import java.util.Arrays;

/** A train/validation split of one dataset; both parts are views of its rows. */
public record Split(Dataset train, Dataset validation) {

    static Split of(Dataset data, int[] trainRows, int[] validationRows) {
        int[] t = trainRows.clone();
        int[] v = validationRows.clone();
        Arrays.sort(t);
        Arrays.sort(v);
        return new Split(data.subset(t), data.subset(v));
    }

    /** round(fraction * n), checked so that both parts are non-empty. */
    static int trainCount(String where, double fraction, int n) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(where + ": train fraction must be strictly between 0 and 1, got "
                    + fraction);
        }
        int nTrain = (int) Math.round(fraction * n);
        if (nTrain < 1 || nTrain >= n) {
            throw new IllegalArgumentException(where + "(" + fraction + "): " + n + " examples give "
                    + nTrain + " train and " + (n - nTrain) + " validation examples; both parts need at least one");
        }
        return nTrain;
    }

    @Override
    public String toString() {
        return "Split(train " + train.size() + ", validation " + validation.size() + ")";
    }
}
