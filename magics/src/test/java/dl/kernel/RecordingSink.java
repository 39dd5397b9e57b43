package dl.kernel;

import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** Collects a cell's output as Jupyter would receive it. */
class RecordingSink implements CellOutput.Sink {

    record Shown(DisplayData data, boolean update) {}

    final List<Object> events = new ArrayList<>();

    @Override
    public synchronized void text(CellOutput.Stream stream, String text) {
        events.add(stream.jupyterName + ":" + text);
    }

    @Override
    public synchronized void display(DisplayData data, boolean update) {
        events.add(new Shown(data, update));
    }

    @Override
    public synchronized void clear(boolean wait) {
        events.add(wait ? "clear_output(wait)" : "clear_output");
    }

    /** Text events with neighbours of the same stream joined (how they were chunked does not matter). */
    synchronized List<String> mergedText() {
        List<String> out = new ArrayList<>();
        for (Object e : events) {
            if (!(e instanceof String s)) {
                continue;
            }
            String stream = s.substring(0, s.indexOf(':') + 1);
            if (!out.isEmpty() && out.get(out.size() - 1).startsWith(stream)) {
                out.set(out.size() - 1, out.get(out.size() - 1) + s.substring(stream.length()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    public synchronized String stdout() {
        StringBuilder sb = new StringBuilder();
        for (Object e : events) {
            if (e instanceof String s && s.startsWith("stdout:")) {
                sb.append(s.substring("stdout:".length()));
            }
        }
        return sb.toString();
    }

    synchronized String stderr() {
        StringBuilder sb = new StringBuilder();
        for (Object e : events) {
            if (e instanceof String s && s.startsWith("stderr:")) {
                sb.append(s.substring("stderr:".length()));
            }
        }
        return sb.toString();
    }

    synchronized List<Shown> displays() {
        List<Shown> out = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof Shown s) {
                out.add(s);
            }
        }
        return out;
    }
}
