package ftp.core.internal.protocol;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.CommandRegistration;
import ftp.core.api.FtpRequest;
import ftp.core.api.Reply;
import ftp.core.api.ReplyException;
import ftp.core.internal.fs.FileErrors;

/**
 * Runs a session's command lines in order. The rules live here and nowhere else: an unknown or
 * disabled verb gets 502, a verb that needs a login gets 530 before one, and while a transfer
 * (or a password check) runs only the verbs registered as {@code duringTransfer} (ABOR, STAT,
 * QUIT) run at once; the others wait for it to end; a {@code heavy} verb needs one of the site's permits.
 */
final class CommandDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);
    /** A letter, then letters or digits (XSHA256, XCRC32), at most 16 in all; ASCII only. */
    private static final Pattern VERB = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,15}");
    /**
     * Consecutive lines that are no command of this site (500 or 502) after which the session
     * ends with 421: no client needs twenty in a row, a fuzzer or a confused peer sends thousands.
     */
    static final int MAX_UNRECOGNISED = 20;

    private final ControlSession session;
    private final CommandRegistry commands;
    private final Executor serial;
    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<FtpRequest> waiting = new ArrayDeque<>();
    /** Only touched by the session's serial tasks. */
    private int unrecognised;

    CommandDispatcher(ControlSession session, CommandRegistry commands, Executor serial) {
        this.session = session;
        this.commands = commands;
        this.serial = serial;
    }

    /** Called on the network thread for every line. */
    void received(String line) {
        serial.execute(() -> handle(line));
    }

    /** Commands parked until the running transfer ends. */
    int waitingCount() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** A transfer or a password check is under way: further commands wait for its reply. */
    private boolean busy() {
        return session.data().transferring() || session.checkingLogin();
    }

    /** Called when a transfer or a password check has sent its reply: runs the commands that waited for it. */
    void resume() {
        serial.execute(this::runWaiting);
    }

    /** Splits a command line into verb and argument; empty when the verb is not a verb. */
    static Optional<FtpRequest> parse(String line) {
        String trimmed = line.stripLeading();
        int space = trimmed.indexOf(' ');
        String verb = space < 0 ? trimmed : trimmed.substring(0, space);
        // Checked before upper-casing: "lıst" must not become LIST.
        if (!VERB.matcher(verb).matches()) {
            return Optional.empty();
        }
        return Optional.of(new FtpRequest(verb.toUpperCase(Locale.ROOT), space < 0 ? "" : trimmed.substring(space + 1)));
    }

    private void handle(String line) {
        Optional<FtpRequest> parsed = parse(line);
        if (parsed.isEmpty()) {
            unrecognised(Reply.of(500, "Syntax error, command unrecognized"));
            return;
        }
        FtpRequest request = parsed.get();
        Optional<CommandRegistration> command = enabled(request.verb());
        boolean immediate = command.map(CommandRegistration::duringTransfer).orElse(false);
        lock.lock();
        try {
            if (!immediate && (busy() || !waiting.isEmpty())) {
                waiting.add(request);
                return;
            }
        } finally {
            lock.unlock();
        }
        execute(request, command);
    }

    private void runWaiting() {
        while (true) {
            FtpRequest next;
            lock.lock();
            try {
                if (busy()) {
                    return;
                }
                next = waiting.poll();
            } finally {
                lock.unlock();
            }
            if (next == null) {
                return;
            }
            execute(next, enabled(next.verb()));
        }
    }

    /**
     * A command that reads or copies whole files runs only with one of the site's
     * {@code limits.maxHeavyCommands} permits; without one it gets 450 at once, never a queue,
     * so a handful of such requests cannot take the command pool from every other session.
     */
    private void executeHeavy(FtpRequest request, CommandRegistration command) throws IOException {
        Semaphore permits = session.heavyWork();
        if (!permits.tryAcquire()) {
            session.reply(450, "Too many commands that read whole files are running on this site; try again later");
            return;
        }
        try {
            command.command().execute(request, session);
        } finally {
            permits.release();
        }
    }

    /** Answers a line that is no command here; the last one allowed ends the session. */
    private void unrecognised(Reply reply) {
        if (++unrecognised < MAX_UNRECOGNISED) {
            session.reply(reply);
            return;
        }
        LOG.info("Site {}: {} sent {} unrecognised commands in a row; closing", session.settings().name(),
                session.remoteAddress(), unrecognised);
        session.close(Reply.of(421, "Too many unrecognised commands; closing control connection"));
    }

    private Optional<CommandRegistration> enabled(String verb) {
        return commands.enabled(verb, session.settings());
    }

    private void execute(FtpRequest request, Optional<CommandRegistration> command) {
        LOG.debug("Site {} {}: {}", session.settings().name(), session.remoteAddress(), request);
        try {
            if (command.isEmpty()) {
                unrecognised(Reply.of(502, "Command not implemented: " + request.verb()));
                return;
            }
            unrecognised = 0;
            if (command.get().login() && session.user().isEmpty()) {
                session.reply(530, "Please log in with USER and PASS first");
            } else if (command.get().heavy()) {
                executeHeavy(request, command.get());
            } else {
                command.get().command().execute(request, session);
            }
        } catch (ReplyException e) {
            session.reply(e.reply());
        } catch (IOException e) {
            // The message holds the native path: it goes to the operator's log, never to the client.
            LOG.warn("Site {}: session {} user {}: {} failed: {}", session.settings().name(), session.remoteAddress(),
                    session.userName(), request, e.toString());
            session.reply(FileErrors.reply(e));
        } catch (RuntimeException e) {
            LOG.error("Site {}: {} failed", session.settings().name(), request, e);
            session.reply(451, "Requested action aborted: local error in processing");
        } finally {
            session.expireAfter(request.verb());
        }
    }
}
