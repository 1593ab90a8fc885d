package ftp.features.internal;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpSession;
import ftp.core.api.Permission;
import ftp.core.api.ReplyException;
import ftp.core.api.SiteSubcommand;
import ftp.core.api.SiteSubcommandService;
import ftp.core.api.VirtualFile;

/**
 * {@code SITE UTIME}, in both forms clients send: {@code SITE UTIME YYYYMMDDHHMMSS <path>} (sets
 * the modification time) and ProFTPD's {@code SITE UTIME <path> <atime> <mtime> <ctime> UTC}
 * (sets access and modification time; the creation time cannot be set). Times are UTC.
 */
@Component(service = SiteSubcommand.class)
@SiteSubcommandService(command = "UTIME")
public final class UtimeSubcommand implements SiteSubcommand {

    @Override
    public void execute(String argument, FtpSession session) throws IOException {
        String trimmed = argument.trim();
        List<String> words = List.of(trimmed.split(" +"));
        String path;
        Instant access = null;
        Instant modify;
        if (words.size() >= 5 && "UTC".equalsIgnoreCase(words.get(words.size() - 1))) {
            int timesAt = trimmed.length();
            for (int i = 0; i < 4; i++) {
                timesAt = trimmed.lastIndexOf(' ', timesAt - 1);
            }
            path = trimmed.substring(0, timesAt).trim();
            access = TimeVal.parse(words.get(words.size() - 4));
            modify = TimeVal.parse(words.get(words.size() - 3));
        } else if (words.size() >= 2) {
            modify = TimeVal.parse(words.get(0));
            path = trimmed.substring(trimmed.indexOf(' ') + 1).trim();
        } else {
            throw new ReplyException(501, "SITE UTIME needs YYYYMMDDHHMMSS and a path");
        }
        session.require(Permission.WRITE);
        VirtualFile file = session.files().existing(path);
        session.files().setTimes(file, FileTime.from(modify), access == null ? null : FileTime.from(access));
        session.reply(200, "SITE UTIME command successful");
    }

    @Override
    public String help() {
        return "UTIME <sp> YYYYMMDDHHMMSS <sp> pathname";
    }
}
