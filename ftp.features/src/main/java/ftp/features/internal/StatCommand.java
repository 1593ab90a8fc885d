package ftp.features.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ftp.core.api.DataConnections;
import ftp.core.api.ListedFile;
import ftp.core.api.LongListing;
import ftp.core.api.Permission;
import ftp.core.api.Reply;
import ftp.core.api.TransferType;
import ftp.core.api.VirtualFile;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * STAT (RFC 959 section 4.1.3). Without an argument: a {@code 211} block with the session's
 * state, including the progress of a transfer under way (STAT is answered during transfers).
 * With a path: its {@code ls -l} listing over the control connection in a {@code 213} block.
 * Site toggle: {@code feature.stat}.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "STAT", feature = "stat", duringTransfer = true)
public final class StatCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        if (request.hasArgument()) {
            session.reply(listing(session, request.argument().trim()));
        } else {
            session.reply(Reply.block(211, "FTP server status:", status(session), "End of status"));
        }
    }

    private static List<String> status(FtpSession session) {
        List<String> lines = new ArrayList<>();
        lines.add("Connected to " + session.remoteAddress().getAddress().getHostAddress());
        lines.add(session.user().map(u -> "Logged in as " + u.name()).orElse("Not logged in"));
        lines.add("TYPE: " + TransferType.of(session).label() + "; STRUcture: File; transfer MODE: Stream");
        lines.add("Control connection: " + (session.protocol().isProtected()
                ? "TLS (" + session.protocol().configName().toUpperCase(java.util.Locale.ROOT) + ")" : "plain"));
        DataConnections data = session.data();
        if (data.transferring()) {
            lines.add("Data connection: transfer in progress, " + data.bytesTransferred() + " bytes transferred");
        } else {
            lines.add("Data connection: " + (data.prepared() ? "prepared" : "none")
                    + (data.extendedPassiveOnly() ? " (EPSV ALL)" : ""));
        }
        return lines;
    }

    private static Reply listing(FtpSession session, String argument) throws IOException {
        session.require(Permission.LIST);
        VirtualFile target = session.files().existing(argument);
        Instant now = Instant.now();
        List<String> lines = new ArrayList<>();
        if (Files.isDirectory(target.file())) {
            // the attributes the listing read, not a second stat per entry
            for (ListedFile entry : session.files().list(target)) {
                lines.add(LongListing.line(entry.attributes(), entry.name(), now));
            }
        } else {
            try {
                lines.add(LongListing.line(target.file(), target.name(), now));
            } catch (IOException vanished) {
                // deleted meanwhile: not shown
            }
        }
        return Reply.block(213, "Status of " + target.path() + ":", lines, "End of status");
    }

    @Override
    public String help() {
        return "STAT [ <sp> pathname ]";
    }
}
