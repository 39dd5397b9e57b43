package dl.display;

/** A library object that shows itself as HTML in a notebook (model summaries, tables). */
public interface HtmlDisplayable {
    /** A self-contained HTML fragment (no scripts, no external resources). */
    String toHtml();
}
