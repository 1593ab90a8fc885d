package ftp.features.internal;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;
import ftp.core.api.ReplyException;
import ftp.core.api.TransferRange;

/**
 * RANG (draft-bryan-ftp-range-08): {@code RANG <start> <end>} sets the inclusive octet range of
 * the RETR, STOR or HASH that follows ({@code 350}); {@code RANG 1 0} clears it. A start beyond
 * the end, or anything but two decimal numbers, is {@code 501} and clears the range too (section
 * 3). Whether the range fits the file is for the transfer command to say. FEAT announces
 * {@code RANG STREAM}. Site toggle: {@code feature.hash}, with HASH, which the range was made for.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "RANG", feature = "hash")
public final class RangCommand implements FtpCommand {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,18})\\s+(\\d{1,18})");

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        String argument = request.requireArgument();
        session.set(TransferRange.KEY, null); // a RANG that sets no range resets it, valid or not
        Matcher matcher = SYNTAX.matcher(argument.trim());
        if (!matcher.matches()) {
            throw new ReplyException(501, "RANG needs two octet offsets of at most 18 digits: RANG <start> <end>");
        }
        long start = Long.parseLong(matcher.group(1));
        long end = Long.parseLong(matcher.group(2));
        if (start == 1 && end == 0) {
            session.reply(350, "Restarting at 0. End of range reset");
            return;
        }
        if (end < start) {
            throw new ReplyException(501, "RANG needs start <= end; the range is reset to the whole file");
        }
        session.set(TransferRange.KEY, new TransferRange(start, end));
        session.reply(350, "Restarting at " + start + ". End byte range at " + end + ".");
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("RANG STREAM");
    }

    @Override
    public String help() {
        return "RANG <sp> start <sp> end";
    }
}
