package dl.viz;

import dl.display.ImageDisplayable;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Several panels side by side in rows: XChart charts and pictures together (small multiples,
 * training curves, image / truth / prediction). Each panel keeps its own size; a row is as high
 * as its highest panel. Get a panel back with {@link #panel(int)} to tweak it before showing.
 */
public final class Figure extends Drawing {

    private static final int GAP = 6;
    private static final Font TITLE = Fonts.bold(15f);

    private final List<Object> panels;
    private final int columns;
    private String title;

    Figure(int columns, List<?> panels) {
        String where = "Plot.figure";
        Inputs.positive(where, "columns", columns);
        Inputs.notNull(where, "panels", panels);
        Inputs.nonEmpty(where, "panels", panels.size());
        for (int i = 0; i < panels.size(); i++) {
            Object p = panels.get(i);
            if (!(p instanceof Chart) && !(p instanceof ImageDisplayable) && !(p instanceof BufferedImage)) {
                throw Inputs.error(where, "panel " + i + " must be an XChart chart, a picture (ImageDisplayable)"
                        + " or a BufferedImage, got " + (p == null ? "null" : p.getClass().getName()));
            }
        }
        this.columns = columns;
        this.panels = new ArrayList<>(panels);
    }

    /** A title line above all panels. */
    public Figure title(String title) {
        this.title = title;
        return this;
    }

    /** Panel number i (0-based), typed as the caller needs: {@code XYChart c = fig.panel(0);}. */
    @SuppressWarnings("unchecked")
    public <T> T panel(int i) {
        if (i < 0 || i >= panels.size()) {
            throw Inputs.error("Figure.panel", "index " + i + " out of range, the figure has " + panels.size() + " panels");
        }
        return (T) panels.get(i);
    }

    /** All panels in order (read-only). */
    public List<Object> panels() {
        return Collections.unmodifiableList(panels);
    }

    public int columns() {
        return columns;
    }

    @Override
    public BufferedImage toImage() {
        List<BufferedImage> images = new ArrayList<>(panels.size());
        for (Object p : panels) {
            images.add(render(p));
        }
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        int[] colW = new int[cols];
        int[] rowH = new int[rows];
        for (int i = 0; i < images.size(); i++) {
            colW[i % cols] = Math.max(colW[i % cols], images.get(i).getWidth());
            rowH[i / cols] = Math.max(rowH[i / cols], images.get(i).getHeight());
        }
        int titleH = title != null ? Canvas.lineHeight(TITLE) + 10 : 0;
        int width = sum(colW) + GAP * (cols - 1);
        int height = titleH + sum(rowH) + GAP * (rows - 1);
        Canvas canvas = new Canvas(width, height);
        if (title != null) {
            canvas.centered(title, TITLE, Palette.TEXT, width / 2, 6 + Canvas.ascent(TITLE), width - 20);
        }
        int y = titleH;
        for (int r = 0; r < rows; r++) {
            int x = 0;
            for (int c = 0; c < cols && r * cols + c < images.size(); c++) {
                BufferedImage img = images.get(r * cols + c);
                canvas.g.drawImage(img, x + (colW[c] - img.getWidth()) / 2, y, null);
                x += colW[c] + GAP;
            }
            y += rowH[r] + GAP;
        }
        return canvas.finish();
    }

    static BufferedImage render(Object panel) {
        if (panel instanceof Chart<?, ?> chart) {
            return BitmapEncoder.getBufferedImage(chart);
        }
        if (panel instanceof ImageDisplayable picture) {
            return picture.toImage();
        }
        return (BufferedImage) panel;
    }

    private static int sum(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }

    @Override
    public String toString() {
        return "Figure(" + panels.size() + " panels, " + columns + " columns)";
    }
}
