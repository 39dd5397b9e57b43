package dl.data;

import java.util.List;

/** The rows {@code indices} of a base dataset, in that order; no data is copied. */
final class SubsetDataset implements Dataset {

    private final Dataset base;
    private final int[] indices;

    private SubsetDataset(Dataset base, int[] indices) {
        this.base = base;
        this.indices = indices;
    }

    static Dataset of(Dataset base, int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("subset: no indices given; a dataset needs at least one example");
        }
        int[] own = indices.clone();
        for (int i : own) {
            Dataset.checkIndex("subset", i, base.size());
        }
        if (base instanceof SubsetDataset s) {
            // a subset of a subset points straight at the first base
            int[] mapped = new int[own.length];
            for (int i = 0; i < own.length; i++) {
                mapped[i] = s.indices[own[i]];
            }
            return new SubsetDataset(s.base, mapped);
        }
        return new SubsetDataset(base, own);
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public Example get(int index) {
        return base.get(indices[Dataset.checkIndex("subset.get", index, indices.length)]);
    }

    @Override
    public Batch batch(int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("subset.batch: no indices given; a batch needs at least one example");
        }
        int[] mapped = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            mapped[i] = indices[Dataset.checkIndex("subset.batch", rows[i], indices.length)];
        }
        return base.batch(mapped);
    }

    @Override
    public int[] labels() {
        int[] all = base.labels();
        int[] out = new int[indices.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = all[indices[i]];
        }
        return out;
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    @Override
    public String toString() {
        return "Subset(" + indices.length + " of " + base + ")";
    }
}
