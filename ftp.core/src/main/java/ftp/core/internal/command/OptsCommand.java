package ftp.core.internal.command;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.CommandRegistration;
import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;
import ftp.core.api.ReplyException;

/**
 * OPTS (RFC 2389 section 4). {@code OPTS UTF8 ON} (RFC 2640) is always granted: names are UTF-8.
 * Other options go to the command they name, if it is enabled.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "OPTS", login = false)
public final class OptsCommand implements FtpCommand {

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        String argument = request.requireArgument().trim();
        int space = argument.indexOf(' ');
        String verb = (space < 0 ? argument : argument.substring(0, space)).toUpperCase(Locale.ROOT);
        String options = space < 0 ? "" : argument.substring(space + 1).trim();
        if ("UTF8".equals(verb) || "UTF-8".equals(verb)) {
            if (!options.isEmpty() && !"ON".equalsIgnoreCase(options)) {
                throw new ReplyException(504, "UTF8 cannot be turned off: names are always UTF-8");
            }
            session.reply(200, "UTF8 mode always on");
            return;
        }
        CommandRegistration command = Optional.ofNullable(session.commands().get(verb))
                .orElseThrow(() -> new ReplyException(501, "No options for unknown command " + verb));
        if (command.login() && session.user().isEmpty()) {
            throw new ReplyException(530, "Please log in with USER and PASS first");
        }
        command.command().options(options, session);
    }

    @Override
    public List<String> features(FtpSession session) {
        return List.of("UTF8");
    }

    @Override
    public String help() {
        return "OPTS <sp> command [ <sp> options ]";
    }
}
