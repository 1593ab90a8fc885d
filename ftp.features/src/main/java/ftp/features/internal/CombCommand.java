package ftp.features.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.AtomicWrite;
import ftp.core.api.Permission;
import ftp.core.api.ReplyException;
import ftp.core.api.VirtualFile;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * COMB (GlobalSCAPE EFT, also SFTPGo): {@code COMB <target> <part1> … <partN>}, names in double
 * quotes when they hold spaces, resolved against the working directory. The parts are appended
 * to the target (created when missing) in a replacement written beside it and moved over it only
 * when complete, so on failure the target is exactly as before; the parts are deleted only after
 * that. Needs write (new target) or append (existing target) on the target, read and delete on
 * the parts. Site toggle: {@code feature.comb}.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "COMB", feature = "comb", heavy = true)
public final class CombCommand implements FtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(CombCommand.class);

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        List<String> names = names(request.requireArgument());
        if (names.size() < 2) {
            throw new ReplyException(501, "COMB needs a target and at least one part");
        }
        VirtualFile target = session.files().resolve(names.get(0));
        boolean exists = Files.exists(target.file());
        if (exists && !Files.isRegularFile(target.file()) || target.isRoot()) {
            throw new ReplyException(553, target.path() + ": not a file");
        }
        session.require(exists ? Permission.APPEND : Permission.WRITE);
        session.require(Permission.READ);
        session.require(Permission.DELETE);
        List<VirtualFile> parts = new ArrayList<>();
        for (String name : names.subList(1, names.size())) {
            VirtualFile part = session.files().resolve(name);
            if (!Files.isRegularFile(part.file())) {
                throw new ReplyException(550, part.path() + ": No such file");
            }
            if (part.path().equals(target.path()) || parts.stream().anyMatch(p -> p.path().equals(part.path()))) {
                throw new ReplyException(553, part.path() + ": named twice");
            }
            parts.add(part);
        }
        long size = combine(session, target, exists, parts);
        List<String> kept = new ArrayList<>();
        for (VirtualFile part : parts) {
            try {
                session.files().delete(part);
            } catch (IOException e) {
                LOG.warn("Site {}: COMB could not delete part {}", session.settings().name(), part.path(), e);
                kept.add(part.path());
            }
        }
        session.reply(250, "COMB successful: " + target.path() + " is " + size + " bytes"
                + (kept.isEmpty() ? "" : "; parts not deleted: " + String.join(", ", kept)));
    }

    private static long combine(FtpSession session, VirtualFile target, boolean exists, List<VirtualFile> parts)
            throws IOException {
        try (AtomicWrite out = session.files().replace(target)) {
            FileChannel channel = out.channel();
            long position = 0;
            List<VirtualFile> sources = new ArrayList<>();
            if (exists) {
                sources.add(target);
            }
            sources.addAll(parts);
            for (VirtualFile source : sources) {
                try (FileChannel in = session.files().open(source, java.util.Set.of(StandardOpenOption.READ))) {
                    long size = in.size();
                    for (long done = 0; done < size;) {
                        done += in.transferTo(done, size - done, channel.position(position + done));
                    }
                    position += size;
                }
            }
            out.commit();
            return position;
        }
    }

    /** Splits the argument into names; a name in double quotes may hold spaces. */
    static List<String> names(String argument) throws ReplyException {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < argument.length()) {
            char c = argument.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                int close = argument.indexOf('"', i + 1);
                if (close < 0) {
                    throw new ReplyException(501, "Unterminated quote in COMB arguments");
                }
                names.add(argument.substring(i + 1, close));
                i = close + 1;
            } else {
                int space = argument.indexOf(' ', i);
                int end = space < 0 ? argument.length() : space;
                names.add(argument.substring(i, end));
                i = end;
            }
        }
        return names;
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("COMB");
    }

    @Override
    public String help() {
        return "COMB <sp> target <sp> part1 [ <sp> part2 … ]";
    }
}
