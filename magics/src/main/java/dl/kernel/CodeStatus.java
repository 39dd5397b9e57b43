package dl.kernel;

/**
 * Whether a piece of code is ready to run, as Jupyter's {@code is_complete_request} asks: a
 * console runs COMPLETE code on Enter, waits for more lines after INCOMPLETE code and reports
 * INVALID code at once. An enum, so a misspelt status does not compile (a string "incomplet"
 * would fall through to the default branch silently).
 */
public enum CodeStatus {
    COMPLETE,
    INCOMPLETE,
    INVALID
}
