package dl.data;

/** One fortune-cookie text, with its language (ISO 639-1 code) and category (its file's name). */
public record Fortune(String language, String category, String text) {

    @Override
    public String toString() {
        return "[" + language + "/" + category + "] " + text;
    }
}
