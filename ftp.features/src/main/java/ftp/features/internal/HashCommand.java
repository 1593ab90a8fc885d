package ftp.features.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ftp.core.api.Permission;
import ftp.core.api.ReplyException;
import ftp.core.api.SessionKey;
import ftp.core.api.TransferRange;
import ftp.core.api.VirtualFile;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * HASH (draft-bryan-ftpext-hash-02): {@code HASH <path>} answers
 * {@code 213 <algorithm> <start>-<end> <lowercase hex> <path>} over the bytes a TYPE I download
 * would deliver, or over the RANG range sent just before. Ranges print inclusive ends as the
 * draft does: a whole file of n bytes is {@code 0-(n-1)}; an empty file prints {@code 0-0}.
 * {@code OPTS HASH [name]} shows or selects the algorithm (REIN resets it). At most
 * {@code limits.maxConcurrentHashes} run per site ({@code 450} beyond); a range larger than
 * {@code limits.maxHashSize} gets {@code 556}; long computations send {@code 213-} keep-alive
 * lines. Site toggle: {@code feature.hash}.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "HASH", feature = "hash", heavy = true)
public final class HashCommand implements FtpCommand {

    static final SessionKey<HashAlgorithm> SELECTED = SessionKey.of("hash.algorithm", HashAlgorithm.class);
    private static final SessionKey<Semaphore> RUNNING = SessionKey.of("hash.running", Semaphore.class);
    private static final int BUFFER = 256 << 10;

    private final long keepAliveNanos;

    public HashCommand() {
        this(Duration.ofSeconds(5));
    }

    /** @param keepAlive how often a long computation sends a {@code 213-} line */
    HashCommand(Duration keepAlive) {
        this.keepAliveNanos = keepAlive.toNanos();
    }

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        String path = request.requireArgument();
        if (session.user().filter(u -> u.can(Permission.READ)).isEmpty()) {
            throw new ReplyException(552, "Permission denied");
        }
        VirtualFile file = session.files().resolve(path);
        if (Files.isDirectory(file.file())) {
            throw new ReplyException(553, file.path() + ": is a directory");
        }
        if (!Files.isRegularFile(file.file())) {
            throw new ReplyException(550, file.path() + ": No such file");
        }
        long size = Files.size(file.file());
        TransferRange range = session.get(TransferRange.KEY).orElse(new TransferRange(0, Math.max(0, size - 1)));
        if (range.start() > 0 && range.start() >= size) {
            throw new ReplyException(501, "RANG start " + range.start() + " is beyond the end of the file");
        }
        long end = size == 0 ? 0 : Math.min(range.end(), size - 1);
        long length = size == 0 ? 0 : end - range.start() + 1;
        long limit = session.settings().limits().maxHashSize();
        if (limit > 0 && length > limit) {
            throw new ReplyException(556, "HASH of " + length + " bytes refused: this site hashes at most " + limit);
        }
        Semaphore running = session.siteState(RUNNING,
                () -> new Semaphore(session.settings().limits().maxConcurrentHashes()));
        if (!running.tryAcquire()) {
            throw new ReplyException(450, "Too many HASH computations under way; try again later");
        }
        try {
            HashAlgorithm algorithm = selected(session);
            String hex = digest(session, file, algorithm, range.start(), length);
            session.reply(213, algorithm.ianaName() + " " + range.start() + "-" + end + " " + hex + " " + path);
        } finally {
            running.release();
        }
    }

    private String digest(FtpSession session, VirtualFile file, HashAlgorithm algorithm, long start, long length)
            throws IOException {
        HashAlgorithm.Digest digest = algorithm.start();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long lastKeepAlive = System.nanoTime();
        try (FileChannel channel = session.files().open(file, java.util.Set.of(StandardOpenOption.READ))) {
            long position = start;
            long left = length;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(BUFFER, left));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    break; // the file shrank meanwhile: hash what is there
                }
                digest.update(buffer.array(), 0, n);
                position += n;
                left -= n;
                if (System.nanoTime() - lastKeepAlive >= keepAliveNanos) {
                    session.replyContinued(213, "Computing " + algorithm.ianaName() + ": " + (position - start) + " of "
                            + length + " bytes");
                    lastKeepAlive = System.nanoTime();
                }
            }
        }
        return digest.hex();
    }

    private static HashAlgorithm selected(FtpSession session) {
        return session.get(SELECTED).orElse(HashAlgorithm.DEFAULT);
    }

    @Override
    public void options(String options, FtpSession session) throws IOException {
        if (options.isBlank()) {
            session.reply(200, selected(session).ianaName());
            return;
        }
        HashAlgorithm algorithm = HashAlgorithm.named(options)
                .orElseThrow(() -> new ReplyException(501, "Unknown algorithm " + options.trim() + "; the selection is unchanged"));
        session.set(SELECTED, algorithm);
        session.reply(200, algorithm.ianaName());
    }

    @Override
    public List<String> features(FtpSession session) {
        HashAlgorithm current = selected(session);
        return List.of("HASH " + Stream.of(HashAlgorithm.values())
                .map(a -> a.ianaName() + (a == current ? "*" : "") + ";").collect(Collectors.joining()));
    }

    @Override
    public String help() {
        return "HASH <sp> pathname";
    }
}
