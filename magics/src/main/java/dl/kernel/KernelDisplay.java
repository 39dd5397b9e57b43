package dl.kernel;

import dl.display.Display;
import dl.kernel.render.Renderers;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The kernel's {@link Display.Sink}: renders what library or notebook code passes to
 * {@code display(...)} / {@code updateDisplay(...)} on the calling thread and queues it for the
 * running cell. Calls between cells (a background thread) are kept for the next cell (see
 * {@link CellOutput#display}).
 */
final class KernelDisplay implements Display.Sink {

    private final Renderers renderers;
    private final CellOutput output;
    private volatile String lastId;

    KernelDisplay(Renderers renderers, CellOutput output) {
        this.renderers = renderers;
        this.output = output;
    }

    @Override
    public void display(String id, Object o) {
        lastId = id;
        output.display(withId(id, o), false);
    }

    /**
     * True when {@code value} is the very id string the last {@code display(...)} returned: a
     * cell ending in {@code display(chart);} shows the chart, not also its id as the cell value.
     */
    boolean isDisplayId(Object value) {
        return value != null && value == lastId;
    }

    @Override
    public void update(String id, Object o) {
        output.display(withId(id, o), true);
    }

    @Override
    public void clear(boolean wait) {
        output.clear(wait);
    }

    private DisplayData withId(String id, Object o) {
        DisplayData data = new DisplayData();
        data.assign(renderers.render(o));
        data.setDisplayId(id);
        return data;
    }
}
