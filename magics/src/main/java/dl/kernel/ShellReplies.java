package dl.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * Shell replies whose content jjava-jupyter 1.0-a6 gets wrong, sent as plain JSON maps: its
 * {@code kernel_info_reply}, {@code shutdown_reply} and {@code interrupt_reply} lack the
 * {@code status} the message spec requires, its history entries serialize as objects instead of
 * tuples, and its {@code execute_reply} has no {@code payload} (the pager).
 */
final class ShellReplies {

    private ShellReplies() {}

    /** Sends {@code content} as the reply of type {@code type} to the request in {@code env}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void reply(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> content) {
        env.reply(new Message(env.getContext(), type, content));
    }

    /** A content map that starts with {@code status: ok}. */
    static Map<String, Object> ok() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        return content;
    }

    /** {@code execute_reply} content of a cell that ran, with its pager payloads (may be empty). */
    static Map<String, Object> executeOk(int count, List<Map<String, Object>> payload) {
        Map<String, Object> content = ok();
        content.put("execution_count", count);
        content.put("user_expressions", Map.of());
        content.put("payload", payload);
        return content;
    }

    /** One pager payload: Jupyter shows {@code text} in its pager (IPython's {@code ?name}). */
    static Map<String, Object> pagerPayload(String text) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("source", "page");
        page.put("data", Map.of("text/plain", text));
        page.put("start", 0);
        return page;
    }
}
