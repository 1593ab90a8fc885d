package ftp.example.xcrc.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * XSHA256, an {@link FtpCommand}: the SHA-256 (FIPS 180-4) of a file, as
 * {@code 250 <64 lowercase hexadecimal digits>}.
 *
 * <p>No RFC defines it either: it belongs to the XMD5/XSHA1/XSHA256/XSHA512 family some servers
 * added beside XCRC, and here takes the arguments, replies and errors of {@link XcrcCommand} (see
 * {@link FileRange}). Site toggle: {@code feature.xcrc}, so that one switch turns off every
 * checksum verb of this bundle.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "XSHA256", feature = "xcrc", heavy = true)
public final class Xsha256Command implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        MessageDigest sha256 = sha256();
        FileRange.of(request, session).read(sha256::update);
        session.reply(250, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's javadoc).
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("XSHA256");
    }

    @Override
    public String help() {
        return "XSHA256 <sp> pathname | XSHA256 <sp> \"pathname\" [ <sp> [ start <sp> ] end ]";
    }
}
