package dl.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.Fixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** tf-idf against hand-worked numbers and against scikit-learn (fixtures/text/tfidf.json). */
class TfIdfTest {

    @Test
    void courseFormulaOnTheLectureExample() {
        // tf = 2, df = 1 of N = 3 documents: 2 ln 3 = 2.197225; a token in every document scores 0
        List<List<String>> docs = List.of(List.of("rare", "rare", "common"), List.of("common", "x"), List.of("common", "y"));
        TfIdf t = TfIdf.fit(docs, Vocabulary.of(docs), TfIdf.Idf.COURSE, TfIdf.Norm.NONE);
        double[] row = t.transform(docs)[0];
        List<String> names = t.featureNames();
        assertEquals(2 * Math.log(3), row[names.indexOf("rare")], 1e-12);
        assertEquals(2.197225, row[names.indexOf("rare")], 1e-6);
        assertEquals(0.0, row[names.indexOf("common")], 0.0);
    }

    @Test
    void smoothIdfAndL2ByHand() {
        // N = 2; "a" in both: idf = ln(3/3) + 1 = 1; "b" in one: idf = ln(3/2) + 1
        List<List<String>> docs = List.of(List.of("a", "b", "b"), List.of("a"));
        TfIdf t = TfIdf.fit(docs, Vocabulary.of(docs));
        assertEquals(List.of("a", "b"), t.featureNames());
        double ib = Math.log(1.5) + 1;
        assertArrayEquals(new double[] {1, ib}, t.idf(), 1e-15);
        double len = Math.sqrt(1 + 4 * ib * ib);
        assertArrayEquals(new double[] {1 / len, 2 * ib / len}, t.transform(docs)[0], 1e-15);
        assertArrayEquals(new double[] {1, 0}, t.transform(docs)[1], 1e-15);
        assertArrayEquals(new double[] {0, 0}, t.transform(List.of(List.of("zzz")))[0], 0.0);
    }

    @Test
    void matchesScikitLearn() {
        Fixture f = Fixture.load("text/tfidf.json");
        List<List<String>> train = docs(f.string("train"));
        List<List<String>> test = docs(f.string("test"));
        Vocabulary v = Vocabulary.of(train);
        List<String> skNames = List.of(f.string("features").split(" "));
        assertEquals(skNames.size(), v.size() - v.specialCount());
        check(f, "smooth_l2", TfIdf.fit(train, v), train, test, skNames);
        check(f, "plain_l2", TfIdf.fit(train, v, TfIdf.Idf.PLAIN, TfIdf.Norm.L2), train, test, skNames);
        check(f, "smooth_none", TfIdf.fit(train, v, TfIdf.Idf.SMOOTH, TfIdf.Norm.NONE), train, test, skNames);
        BagOfWords bag = BagOfWords.of(v);
        assertMatrix(f.array("counts_train"), bag.counts(train), bag.featureNames(), skNames, "counts train");
        assertMatrix(f.array("counts_test"), bag.counts(test), bag.featureNames(), skNames, "counts test");
    }

    @Test
    void unseenTokenIsRejectedWhenIdfWouldBeInfinite() {
        List<List<String>> docs = List.of(List.of("a"));
        Vocabulary v = Vocabulary.of(List.of(List.of("a", "b")));
        var e = assertThrows(IllegalArgumentException.class, () -> TfIdf.fit(docs, v, TfIdf.Idf.COURSE, TfIdf.Norm.NONE));
        assertEquals(true, e.getMessage().contains("'b'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TfIdf.fit(List.of(), v));
    }

    @Test
    void tableAndTensorHaveTheSameValues() {
        List<List<String>> docs = List.of(List.of("a", "b", "b"), List.of("a"));
        TfIdf t = TfIdf.fit(docs, Vocabulary.of(docs));
        var table = t.table(docs);
        var tensor = t.tensor(docs);
        assertEquals(table.doubleColumn("b").get(0), tensor.data().getDouble(0, 1), 1e-7);
    }

    private static void check(Fixture f, String variant, TfIdf t, List<List<String>> train, List<List<String>> test,
            List<String> skNames) {
        INDArray idf = f.array(variant + "_idf");
        double[] ours = t.idf();
        for (int j = 0; j < skNames.size(); j++) {
            assertEquals(idf.getDouble(j), ours[t.featureNames().indexOf(skNames.get(j))], 1e-12, variant + " idf " + skNames.get(j));
        }
        assertMatrix(f.array(variant + "_train"), t.transform(train), t.featureNames(), skNames, variant + " train");
        assertMatrix(f.array(variant + "_test"), t.transform(test), t.featureNames(), skNames, variant + " test");
    }

    private static void assertMatrix(INDArray expected, double[][] actual, List<String> ourNames, List<String> skNames,
            String what) {
        assertEquals(expected.size(0), actual.length, what + " rows");
        for (int i = 0; i < actual.length; i++) {
            for (int j = 0; j < skNames.size(); j++) {
                assertEquals(expected.getDouble(i, j), actual[i][ourNames.indexOf(skNames.get(j))], 1e-12,
                        what + " [" + i + ", " + skNames.get(j) + "]");
            }
        }
    }

    private static List<List<String>> docs(String joined) {
        List<List<String>> out = new ArrayList<>();
        for (String d : joined.split("\\|")) {
            out.add(Arrays.asList(d.split(" ")));
        }
        return out;
    }
}
