package dl.bench;

import java.util.List;

/**
 * One entry of the benchmark suite: measures something on the course library and returns one
 * or more rows. The PyTorch side has a function of the same name in
 * {@code bench/src/main/python/torch_suite.py}; {@code bench/run} pairs the rows by name.
 *
 * <p>To add a benchmark (LeNet-5, conv, LSTM...): write a class implementing this interface,
 * list it in {@link Suite#BENCHMARKS}, and add the PyTorch function to {@code torch_suite.py}.
 */
public interface Benchmark {

    /** Short id used on the command line ({@code --only mlp,ops}) and to pair with PyTorch's side. */
    String id();

    /** Runs the measurement in this JVM (threads already fixed by {@link Suite}). */
    List<Row> run(Data data) throws Exception;
}
