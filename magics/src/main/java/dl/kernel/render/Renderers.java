package dl.kernel.render;

import dl.display.HtmlDisplayable;
import dl.display.ImageDisplayable;
import java.awt.image.BufferedImage;
import java.lang.reflect.Array;
import java.util.Arrays;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

/**
 * Turns a cell's value (or the argument of {@code display(...)}) into Jupyter display data.
 *
 * <ul>
 *   <li>XChart chart: image/png, plus a one-line text/plain;</li>
 *   <li>tablesaw {@code Table}: an escaped text/html table of the first {@link #TABLE_ROWS} rows, plus text;</li>
 *   <li>{@code INDArray}: a shaped text view with shape and dtype, summarised when large;</li>
 *   <li>{@code BufferedImage} and {@link ImageDisplayable}: image/png;</li>
 *   <li>{@link HtmlDisplayable}: text/html;</li>
 *   <li>anything else: text/plain; Strings as themselves, arrays by their elements, {@code null} as "null".</li>
 * </ul>
 * Every result carries text/plain, the fallback of every front end.
 */
public final class Renderers {

    /** Rows of a table shown before "… N more rows". */
    public static final int TABLE_ROWS = 20;
    /** Array elements shown before "…". */
    static final int ARRAY_ITEMS = 100;

    public DisplayData render(Object value) {
        if (value instanceof DisplayData data) {
            return data;
        }
        DisplayData data = new DisplayData();
        if (value instanceof Chart<?, ?> chart) {
            data.putData("image/png", Png.base64(Png.chartBytes(chart)));
            data.putText(describeChart(chart));
        } else if (value instanceof Table table) {
            data.putHTML(TableView.html(table, TABLE_ROWS));
            data.putText(TableView.text(table, TABLE_ROWS));
        } else if (value instanceof INDArray array) {
            data.putText(NdArrayText.format(array));
        } else if (value instanceof BufferedImage image) {
            data.putData("image/png", Png.base64(Png.imageBytes(image)));
            data.putText("BufferedImage " + image.getWidth() + "x" + image.getHeight());
        } else if (value instanceof ImageDisplayable || value instanceof HtmlDisplayable) {
            if (value instanceof ImageDisplayable shows) {
                data.putData("image/png", Png.base64(Png.imageBytes(shows.toImage())));
            }
            if (value instanceof HtmlDisplayable shows) {
                data.putHTML(shows.toHtml());
            }
            data.putText(String.valueOf(value));
        } else {
            data.putText(text(value));
        }
        return data;
    }

    /** The text/plain form of a plain value. */
    static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            return arrayText(value);
        }
        return value.toString();
    }

    private static String arrayText(Object array) {
        int n = Array.getLength(array);
        if (array instanceof Object[] objects) {
            if (n <= ARRAY_ITEMS) {
                return Arrays.deepToString(objects);
            }
            return Arrays.deepToString(Arrays.copyOf(objects, ARRAY_ITEMS)).replaceAll("]$", "")
                    + ", … (" + n + " elements)]";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(n, ARRAY_ITEMS); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Array.get(array, i));
        }
        if (n > ARRAY_ITEMS) {
            sb.append(", … (").append(n).append(" elements)");
        }
        return sb.append(']').toString();
    }

    private static String describeChart(Chart<?, ?> chart) {
        String title = chart.getTitle();
        return chart.getClass().getSimpleName() + (title == null || title.isEmpty() ? "" : " \"" + title + "\"")
                + " (" + chart.getWidth() + "x" + chart.getHeight() + ")";
    }
}
