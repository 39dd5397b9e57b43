package dl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An image with bounding boxes [x1, y1, x2, y2] in pixels of the original image (x to the right,
 * y down), coloured by class ({@link Palette#color(int)}), each with a tag "class score".
 * Optionally an S×S grid (the YOLO cells). Built by {@link Plot#boxes}; setters return {@code this}.
 */
public final class BoxPicture extends Drawing {

    private static final String WHERE = "Plot.boxes";
    private static final int PAD = 10;
    private static final Font TAG = Fonts.plain(11f);
    private static final Font TITLE = Fonts.bold(13f);
    private static final Color HALO = new Color(0, 0, 0, 140);

    private record Box(double x1, double y1, double x2, double y2, int cls, double score) {}

    private final ImageStack image;
    private final List<Box> boxes = new ArrayList<>();
    private String[] classNames;
    private String title;
    private int gridCells;
    private double scale;

    BoxPicture(ImageStack image) {
        this.image = image;
    }

    /** Adds a box of class {@code cls}. */
    public BoxPicture box(double x1, double y1, double x2, double y2, int cls) {
        return box(x1, y1, x2, y2, cls, Double.NaN);
    }

    /** Adds a box of class {@code cls} with a confidence score shown in its tag. */
    public BoxPicture box(double x1, double y1, double x2, double y2, int cls, double score) {
        checkBox(boxes.size(), new double[] {x1, y1, x2, y2}, cls);
        Inputs.namesCover(WHERE, classNames, new int[] {cls}, "class of box " + boxes.size());
        boxes.add(new Box(x1, y1, x2, y2, cls, score));
        return this;
    }

    /** Adds K boxes (rows [x1, y1, x2, y2]) with their classes. */
    public BoxPicture boxes(double[][] xyxy, int[] classes) {
        return boxes(xyxy, classes, null);
    }

    /** Adds K boxes with classes and scores (scores may be null). */
    public BoxPicture boxes(double[][] xyxy, int[] classes, double[] scores) {
        Inputs.notNull(WHERE, "boxes", xyxy);
        Inputs.notNull(WHERE, "classes", classes);
        Inputs.sameLength(WHERE, "boxes", xyxy.length, "classes", classes.length);
        if (scores != null) {
            Inputs.sameLength(WHERE, "boxes", xyxy.length, "scores", scores.length);
        }
        Inputs.namesCover(WHERE, classNames, classes, "classes");
        for (int i = 0; i < xyxy.length; i++) {
            if (xyxy[i] == null || xyxy[i].length != 4) {
                throw Inputs.error(WHERE, "box " + i + " must be [x1, y1, x2, y2], got "
                        + (xyxy[i] == null ? "null" : xyxy[i].length + " values " + Arrays.toString(xyxy[i])));
            }
            checkBox(boxes.size() + i, xyxy[i], classes[i]);
        }
        for (int i = 0; i < xyxy.length; i++) {
            double[] b = xyxy[i];
            boxes.add(new Box(b[0], b[1], b[2], b[3], classes[i], scores == null ? Double.NaN : scores[i]));
        }
        return this;
    }

    /** Adds boxes given as an INDArray of shape [K, 4] (scores may be null). */
    public BoxPicture boxes(INDArray xyxy, int[] classes, double[] scores) {
        Inputs.notNull(WHERE, "boxes", xyxy);
        if (xyxy.rank() != 2 || xyxy.size(1) != 4) {
            throw Inputs.error(WHERE, "boxes must have shape [K, 4] (rows x1, y1, x2, y2), got " + Inputs.shape(xyxy));
        }
        double[] flat = Inputs.flat(xyxy);
        double[][] rows = new double[(int) xyxy.size(0)][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(flat, 4 * i, 4 * i + 4);
        }
        return boxes(rows, classes, scores);
    }

    /** Names of the classes, indexed by class id. */
    public BoxPicture classNames(String... names) {
        Inputs.notNull(WHERE, "classNames", names);
        int[] ids = boxes.stream().mapToInt(Box::cls).toArray();
        Inputs.namesCover(WHERE, names, ids, "box classes");
        this.classNames = names.clone();
        return this;
    }

    /** Draws an S×S grid over the image (the cells of a YOLO detector). */
    public BoxPicture grid(int cells) {
        this.gridCells = Inputs.positive(WHERE + ".grid", "cells", cells);
        return this;
    }

    /** Zoom factor of the image (default: whole factor up to about 320 px, or down to 640 px). */
    public BoxPicture scale(double scale) {
        this.scale = Inputs.positive(WHERE + ".scale", "scale", scale);
        return this;
    }

    public BoxPicture title(String title) {
        this.title = title;
        return this;
    }

    /** Number of boxes added. */
    public int count() {
        return boxes.size();
    }

    private static void checkBox(int index, double[] b, int cls) {
        for (double v : b) {
            if (!Double.isFinite(v)) {
                throw Inputs.error(WHERE, "box " + index + " has a non-finite coordinate: " + Arrays.toString(b));
            }
        }
        if (!(b[0] < b[2]) || !(b[1] < b[3])) {
            throw Inputs.error(WHERE, "box " + index + " must satisfy x1 < x2 and y1 < y2 (format [x1, y1, x2, y2]), got "
                    + Arrays.toString(b));
        }
        if (cls < 0) {
            throw Inputs.error(WHERE, "box " + index + " has class " + cls + ", expected a class id >= 0");
        }
    }

    /** The zoom used when drawing. */
    double effectiveScale() {
        if (scale > 0) {
            return scale;
        }
        int side = Math.max(image.width, image.height);
        if (side < 320) {
            return Math.ceil(320.0 / side);
        }
        return side > 640 ? 640.0 / side : 1;
    }

    /** Top-left pixel of the image inside the picture. */
    int imageLeft() {
        return PAD;
    }

    int imageTop() {
        return PAD + (title != null ? Canvas.lineHeight(TITLE) + 6 : 0);
    }

    @Override
    public BufferedImage toImage() {
        double s = effectiveScale();
        double[] range = image.autoRange();
        BufferedImage base = image.image(0, range[0], range[1], Colormap.GRAY, s);
        int left = imageLeft();
        int top = imageTop();
        int width = base.getWidth() + 2 * PAD;
        if (title != null) {
            width = Math.max(width, Canvas.width(title, TITLE) + 2 * PAD);
        }
        Canvas canvas = new Canvas(width, top + base.getHeight() + PAD);
        if (title != null) {
            canvas.centered(title, TITLE, Palette.TEXT, width / 2, PAD + Canvas.ascent(TITLE), width - 2 * PAD);
        }
        canvas.g.drawImage(base, left, top, null);
        Shape oldClip = canvas.g.getClip();
        canvas.g.setClip(new Rectangle2D.Double(left, top, base.getWidth(), base.getHeight()));
        if (gridCells > 0) {
            drawGrid(canvas, left, top, base.getWidth(), base.getHeight());
        }
        for (Box b : boxes) {
            Rectangle2D.Double r = new Rectangle2D.Double(left + b.x1() * s, top + b.y1() * s,
                    (b.x2() - b.x1()) * s, (b.y2() - b.y1()) * s);
            // a dark halo keeps the box visible on busy images
            canvas.g.setStroke(new BasicStroke(4.5f));
            canvas.g.setColor(HALO);
            canvas.g.draw(r);
            canvas.g.setStroke(new BasicStroke(2.5f));
            canvas.g.setColor(Palette.color(b.cls()));
            canvas.g.draw(r);
        }
        for (Box b : boxes) {
            drawTag(canvas, b, left + b.x1() * s, top + b.y1() * s, top);
        }
        canvas.g.setClip(oldClip);
        return canvas.finish();
    }

    private void drawGrid(Canvas canvas, int left, int top, int w, int h) {
        canvas.g.setStroke(new BasicStroke(1f));
        canvas.g.setColor(new Color(255, 255, 255, 170));
        for (int k = 1; k < gridCells; k++) {
            int x = left + (int) Math.round(k * (double) w / gridCells);
            int y = top + (int) Math.round(k * (double) h / gridCells);
            canvas.g.drawLine(x, top, x, top + h);
            canvas.g.drawLine(left, y, left + w, y);
        }
    }

    private void drawTag(Canvas canvas, Box b, double x, double y, int imageTop) {
        String text = Inputs.className(classNames, b.cls());
        if (!Double.isNaN(b.score())) {
            text += String.format(Locale.ROOT, " %.2f", b.score());
        }
        int textW = Canvas.width(text, TAG);
        int tagH = Canvas.lineHeight(TAG) + 2;
        int tagX = (int) Math.round(x) - 1;
        int tagY = (int) Math.round(y) - tagH;
        if (tagY < imageTop) {
            tagY = (int) Math.round(y);
        }
        Color color = Palette.color(b.cls());
        canvas.g.setColor(color);
        canvas.g.fillRect(tagX, tagY, textW + 6, tagH);
        canvas.left(text, TAG, Palette.textOn(color), tagX + 3, tagY + 1 + Canvas.ascent(TAG));
    }

    @Override
    public String toString() {
        return "BoxPicture(" + image.width + "x" + image.height + ", " + boxes.size() + " boxes)";
    }
}
