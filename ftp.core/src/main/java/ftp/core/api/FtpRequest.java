package ftp.core.api;

/**
 * One command line from the client.
 *
 * @param verb the verb, upper case
 * @param argument everything after the first space, exactly as sent (may be empty; path names
 *        may contain spaces)
 */
public record FtpRequest(String verb, String argument) {

    public FtpRequest {
        if (verb == null || argument == null) {
            throw new IllegalArgumentException("verb and argument must not be null");
        }
    }

    /** Whether an argument was sent. */
    public boolean hasArgument() {
        return !argument.isEmpty();
    }

    /** The argument. @throws ReplyException {@code 501} when none was sent */
    public String requireArgument() throws ReplyException {
        if (argument.isBlank()) {
            throw new ReplyException(501, "Syntax error: " + verb + " needs an argument");
        }
        return argument;
    }

    @Override
    public String toString() {
        // PASS arguments never reach a log through this method.
        return "PASS".equals(verb) ? "PASS ****" : argument.isEmpty() ? verb : verb + " " + argument;
    }
}
