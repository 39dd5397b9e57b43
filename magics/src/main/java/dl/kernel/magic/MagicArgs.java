package dl.kernel.magic;

import dl.kernel.CellError;
import java.util.ArrayList;
import java.util.List;

/** Splits a magic's argument text into words; "double" or 'single' quotes keep spaces. */
final class MagicArgs {

    private MagicArgs() {}

    static List<String> split(String args) throws CellError {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw CellError.usage("unclosed " + quote + " quote in: " + args);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
