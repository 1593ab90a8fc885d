package ftp.features.internal;

import ftp.core.api.ReplyException;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * RANG (draft-bryan-ftp-range section 3): {@code RANG <start> <end>}, inclusive byte offsets for
 * the HASH that follows ({@code 350}); {@code RANG 1 0} clears the range. RETR and STOR do not
 * honour RANG, so FEAT does not announce {@code RANG STREAM}. Site toggle: {@code feature.hash}.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "RANG", feature = "hash")
public final class RangCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws java.io.IOException {
        String[] parts = request.requireArgument().trim().split("\\s+");
        long start;
        long end;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            start = Long.parseLong(parts[0]);
            end = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw new ReplyException(501, "RANG needs two byte offsets: <start> <end>");
        }
        if (start == 1 && end == 0) {
            session.set(HashRange.KEY, null);
            session.reply(350, "Restarting at 0. End of range reset");
            return;
        }
        if (start < 0 || end < start) {
            throw new ReplyException(501, "RANG needs 0 <= start <= end");
        }
        session.set(HashRange.KEY, new HashRange(start, end));
        session.reply(350, "Restarting at " + start + ". Ending at " + end + ".");
    }

    @Override
    public String help() {
        return "RANG <sp> start <sp> end";
    }
}
