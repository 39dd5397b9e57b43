package dl.vision;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * YOLO-style targets on an S×S grid with one box per cell: each cell holds 5 + C values
 * (x, y of the box centre within the cell in [0, 1), w, h relative to the image, objectness, then
 * C class indicators). The cell containing a box's centre is responsible for it. S = 7, C = 20
 * give 7·7·25 = 1,225 outputs (the original predicts B = 2 boxes per cell: 7·7·30 = 1,470).
 */
public final class YoloGrid {

    private final int s;
    private final int classes;
    private final double imageWidth;
    private final double imageHeight;

    public YoloGrid(int gridSize, int classes, double imageWidth, double imageHeight) {
        if (gridSize <= 0 || classes <= 0 || !(imageWidth > 0) || !(imageHeight > 0)) {
            throw new IllegalArgumentException("YoloGrid: expected positive grid size, classes and image size, got S=" + gridSize
                    + ", C=" + classes + ", image " + imageWidth + "x" + imageHeight);
        }
        this.s = gridSize;
        this.classes = classes;
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
    }

    /** Values per cell, 5 + C. */
    public int valuesPerCell() {
        return 5 + classes;
    }

    /** S·S·(5 + C). */
    public long outputs() {
        return (long) s * s * valuesPerCell();
    }

    /** The target [S, S, 5 + C] (row = cell y, column = cell x) of boxes with class labels. */
    public INDArray encode(List<Box> boxes, int[] labels) {
        if (boxes.size() != labels.length) {
            throw new IllegalArgumentException("YoloGrid.encode: " + boxes.size() + " boxes but " + labels.length + " labels");
        }
        INDArray t = Nd4j.zeros(DataType.DOUBLE, s, s, valuesPerCell());
        for (int i = 0; i < labels.length; i++) {
            Box b = boxes.get(i);
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("YoloGrid.encode: label " + labels[i] + " of box " + i + " is outside 0.." + (classes - 1));
            }
            double gx = b.centerX() / imageWidth * s;
            double gy = b.centerY() / imageHeight * s;
            int col = Math.min(s - 1, Math.max(0, (int) Math.floor(gx)));
            int row = Math.min(s - 1, Math.max(0, (int) Math.floor(gy)));
            t.putScalar(new long[] {row, col, 0}, gx - col);
            t.putScalar(new long[] {row, col, 1}, gy - row);
            t.putScalar(new long[] {row, col, 2}, b.width() / imageWidth);
            t.putScalar(new long[] {row, col, 3}, b.height() / imageHeight);
            t.putScalar(new long[] {row, col, 4}, 1);
            t.putScalar(new long[] {row, col, 5 + labels[i]}, 1);
        }
        return t;
    }

    /**
     * Boxes of a prediction or target [S, S, 5 + C] whose objectness·(best class score) reaches
     * {@code threshold}, in image coordinates, with their best class. Apply {@link Nms} afterwards.
     */
    public List<Detection> decode(INDArray grid, double threshold) {
        if (grid.rank() != 3 || grid.size(0) != s || grid.size(1) != s || grid.size(2) != valuesPerCell()) {
            throw new IllegalArgumentException("YoloGrid.decode: expected shape [" + s + ", " + s + ", " + valuesPerCell()
                    + "], got " + java.util.Arrays.toString(grid.shape()));
        }
        List<Detection> out = new ArrayList<>();
        for (int row = 0; row < s; row++) {
            for (int col = 0; col < s; col++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (grid.getDouble(row, col, 5 + c) > grid.getDouble(row, col, 5 + best)) {
                        best = c;
                    }
                }
                double score = grid.getDouble(row, col, 4) * grid.getDouble(row, col, 5 + best);
                if (score >= threshold) {
                    double cx = (col + grid.getDouble(row, col, 0)) / s * imageWidth;
                    double cy = (row + grid.getDouble(row, col, 1)) / s * imageHeight;
                    double w = grid.getDouble(row, col, 2) * imageWidth;
                    double h = grid.getDouble(row, col, 3) * imageHeight;
                    out.add(new Detection(Box.ofCenter(cx, cy, w, h), best, score));
                }
            }
        }
        return out;
    }
}
