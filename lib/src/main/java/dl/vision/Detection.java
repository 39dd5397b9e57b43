package dl.vision;

/** A predicted box with its class and confidence score. */
public record Detection(Box box, int label, double score) {}
