package ftp.example.xcrc.internal;

import java.io.IOException;
import java.util.List;
import java.util.zip.CRC32;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * XCRC, an {@link FtpCommand}: the CRC-32 of a file, for a client to check a transfer.
 *
 * <p>No RFC defines XCRC. It is GlobalSCAPE's proprietary verb, specified for other servers to
 * copy in the "File Integrity Checking" page of its CuteFTP Server, Secure Server and EFT Server
 * manuals, and answered by Serv-U, WS_FTP Server, Gene6, RaidenFTPD and others of that era;
 * clients such as CuteFTP, SmartFTP and FTP Voyager use it. The convention this class follows:
 * <ul>
 * <li>{@code XCRC <path>} or {@code XCRC "<path>"}: the whole file; {@code XCRC "<path>" <end>} and
 * {@code XCRC "<path>" <start> <end>}: the bytes from {@code start} (default 0) up to, not
 * including, {@code end} (see {@link FileRange});</li>
 * <li>the answer is {@code 250 <crc>}: the standard CRC-32 (the one of zip and Ethernet) as eight
 * lowercase hexadecimal digits, leading zeros kept;</li>
 * <li>{@code 550} for a missing file, a directory, no read permission or a range outside the
 * file; {@code 501} without an argument or with malformed offsets.</li>
 * </ul>
 * Site toggle: {@code feature.xcrc}, shared with {@link Xsha256Command}.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "XCRC", feature = "xcrc", heavy = true)
public final class XcrcCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        CRC32 crc = new CRC32();
        FileRange.of(request, session).read(crc::update);
        session.reply(250, String.format("%08x", crc.getValue()));
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("XCRC");
    }

    @Override
    public String help() {
        return "XCRC <sp> pathname | XCRC <sp> \"pathname\" [ <sp> [ start <sp> ] end ]";
    }
}
