package dl.train;

import dl.display.HtmlDisplayable;

/**
 * The progress line of a training run: a bar plus epoch, batch, loss, metric, examples per
 * second and time left. The trainer shows it once and then updates it in place, so a run leaves
 * one compact output (in Jupyter and in an executed notebook alike).
 */
public final class Progress implements HtmlDisplayable {

    private final int epochs;
    private final int batchesPerEpoch;
    private int epoch;
    private int batch;
    private double loss = Double.NaN;
    private String extra = "";
    private double examplesPerSecond;
    private double secondsLeft;
    private String finalMessage;

    Progress(int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    void update(int epoch, int batch, double loss, String extra, double examplesPerSecond, double secondsLeft) {
        this.epoch = epoch;
        this.batch = batch;
        this.loss = loss;
        this.extra = extra;
        this.examplesPerSecond = examplesPerSecond;
        this.secondsLeft = secondsLeft;
    }

    void finish(String message) {
        this.finalMessage = message;
    }

    /** Fraction of all batches done, 0..1. */
    public double fraction() {
        if (finalMessage != null) {
            return 1;
        }
        long total = (long) epochs * batchesPerEpoch;
        // before the first update epoch is 0: clamp so the bar starts empty instead of negative
        return total == 0 ? 0 : Math.max(0, Math.min(1, ((long) (epoch - 1) * batchesPerEpoch + batch) / (double) total));
    }

    @Override
    public String toString() {
        if (finalMessage != null) {
            return finalMessage;
        }
        int width = 24;
        int done = (int) Math.round(fraction() * width);
        return "[" + "#".repeat(done) + ".".repeat(width - done) + "] " + line();
    }

    private String line() {
        return String.format("epoch %d/%d  batch %d/%d  loss %.4f%s  %.0f ex/s  %s left",
                epoch, epochs, batch, batchesPerEpoch, loss, extra, examplesPerSecond, duration(secondsLeft));
    }

    static String duration(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }

    static String numberOrNaN(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.4f", v);
    }

    @Override
    public String toHtml() {
        String text = (finalMessage != null ? finalMessage : line())
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        int percent = (int) Math.round(100 * fraction());
        return "<div style=\"font-family:monospace;font-size:12px\">"
                + "<div style=\"width:320px;height:8px;background:#e5e5e5;border-radius:4px;overflow:hidden\">"
                + "<div style=\"width:" + percent + "%;height:100%;background:#4c72b0\"></div></div>"
                + "<div>" + text + "</div></div>";
    }
}
