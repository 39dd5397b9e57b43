package dl.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Whole-stream gzip decompression that treats a short or damaged stream as an error. */
final class Gzip {

    private Gzip() {}

    /** Decompresses a complete gzip stream; a truncated or corrupt stream is an error, not a short result. */
    static byte[] decompress(byte[] gz, String source) {
        if (gz.length < 2 || (gz[0] & 0xFF) != 0x1F || (gz[1] & 0xFF) != 0x8B) {
            throw new DataFileException(source + ": not gzip-compressed (starts with " + hex(gz, 0, 2)
                    + ", expected 1f 8b)");
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16)) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new DataFileException(source + ": the gzip stream ends early (file truncated)", e);
        } catch (ZipException e) {
            throw new DataFileException(source + ": corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataFileException(source + ": cannot decompress: " + e.getMessage(), e);
        }
    }

    private static String hex(byte[] b, int from, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < Math.min(b.length, from + n); i++) {
            s.append(i > from ? " " : "").append(String.format("%02x", b[i] & 0xFF));
        }
        return s.length() == 0 ? "(nothing)" : s.toString();
    }
}
