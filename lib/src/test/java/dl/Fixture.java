package dl;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reference values written by PyTorch (lib/src/test/python/*.py, see fixture_io.py) and read
 * by the Java tests from the test resources under fixtures/.
 */
public final class Fixture {

    private final String path;
    private final JsonObject json;

    private Fixture(String path, JsonObject json) {
        this.path = path;
        this.json = json;
    }

    /** Loads fixtures/{@code relativePath} from the test classpath. */
    public static Fixture load(String relativePath) {
        String resource = "/fixtures/" + relativePath;
        try (InputStream in = Fixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + resource + " not found; regenerate it with "
                        + "/usr/bin/python3 lib/src/test/python/<generator>.py");
            }
            return new Fixture(resource, JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read fixture " + resource, e);
        }
    }

    public boolean has(String key) {
        return json.has(key);
    }

    /** An array entry as fp64 (convert with castTo for fp32 comparisons). */
    public INDArray array(String key) {
        JsonObject o = entry(key).getAsJsonObject();
        var shapeJson = o.getAsJsonArray("shape");
        long[] shape = new long[shapeJson.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.get(i).getAsLong();
        }
        var dataJson = o.getAsJsonArray("data");
        double[] data = new double[dataJson.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = dataJson.get(i).getAsDouble();
        }
        return shape.length == 0 ? Nd4j.scalar(DataType.DOUBLE, data[0]) : Nd4j.create(data, shape, DataType.DOUBLE);
    }

    /** A number entry (or a one-element array). */
    public double scalar(String key) {
        JsonElement e = entry(key);
        return e.isJsonPrimitive() ? e.getAsDouble() : array(key).getDouble(0);
    }

    public String string(String key) {
        return entry(key).getAsString();
    }

    private JsonElement entry(String key) {
        if (!json.has(key)) {
            throw new IllegalArgumentException("fixture " + path + " has no entry '" + key + "'; it has " + json.keySet());
        }
        return json.get(key);
    }
}
