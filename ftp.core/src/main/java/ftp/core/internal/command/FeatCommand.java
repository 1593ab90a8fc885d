package ftp.core.internal.command;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.CommandRegistration;
import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;
import ftp.core.api.Reply;

/**
 * FEAT (RFC 2389 section 3): the lines of every command that is deployed and enabled on the
 * session's site, computed on each request, so it tells the truth when bundles come and go.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "FEAT", login = false)
public final class FeatCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        Set<FtpCommand> seen = new LinkedHashSet<>();
        Set<String> lines = new TreeSet<>();
        for (CommandRegistration command : session.commands().values()) {
            if (seen.add(command.command())) {
                lines.addAll(command.command().features(session));
            }
        }
        session.reply(Reply.block(211, "Features:", java.util.List.copyOf(lines), "End"));
    }

    @Override
    public String help() {
        return "FEAT";
    }
}
