package ftp.features.internal;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * SYST (RFC 959 section 4.1.3): {@code 215 UNIX Type: L8}, which tells clients such as Commons
 * Net to parse LIST output as {@code ls -l}. Site toggle: {@code feature.syst}.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "SYST", feature = "syst", login = false)
public final class SystCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        session.reply(215, "UNIX Type: L8");
    }

    @Override
    public String help() {
        return "SYST";
    }
}
