package ftp.core.api;

import java.io.IOException;

/**
 * Thrown by a command (or by the file-system view) to answer with a specific reply; the
 * dispatcher sends {@link #reply()} and nothing else.
 */
public class ReplyException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    public ReplyException(int code, String text) {
        this(Reply.of(code, text));
    }

    public ReplyException(Reply reply) {
        super(reply.toString());
        this.reply = reply;
    }

    public Reply reply() {
        return reply;
    }
}
