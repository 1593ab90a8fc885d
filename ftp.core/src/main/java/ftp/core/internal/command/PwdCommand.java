package ftp.core.internal.command;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * PWD and XPWD (RFC 959 section 4.1.3 and appendix II: a double quote in the name is doubled).
 * Paths are absolute with {@code /} separators in one tree, so FEAT announces TVFS (RFC 3659 section 6).
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = { "PWD", "XPWD" })
public final class PwdCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        session.reply(257, quote(session.files().workingDirectory()) + " is the current directory");
    }

    static String quote(String path) {
        return '"' + path.replace("\"", "\"\"") + '"';
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("TVFS");
    }

    @Override
    public String help() {
        return "PWD";
    }
}
