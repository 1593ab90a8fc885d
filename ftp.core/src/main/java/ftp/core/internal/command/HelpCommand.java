package ftp.core.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import ftp.core.api.CommandRegistration;
import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;
import ftp.core.api.Reply;

/** HELP (RFC 959 section 4.1.3): the verbs enabled on the site, or one verb's syntax. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "HELP", login = false)
public final class HelpCommand implements FtpCommand {

    private static final int PER_LINE = 8;

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        if (request.hasArgument()) {
            String verb = request.argument().trim().toUpperCase(Locale.ROOT);
            Optional.ofNullable(session.commands().get(verb)).ifPresentOrElse(
                    command -> session.reply(214, "Syntax: " + syntax(verb, command)),
                    () -> session.reply(502, "Unknown command " + verb));
            return;
        }
        List<String> verbs = new ArrayList<>(session.commands().keySet());
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < verbs.size(); i += PER_LINE) {
            rows.add(String.join(" ", verbs.subList(i, Math.min(verbs.size(), i + PER_LINE))));
        }
        session.reply(Reply.block(214, "The following commands are recognized:", rows, "Help OK"));
    }

    private static String syntax(String verb, CommandRegistration command) {
        String help = command.command().help();
        return help.isEmpty() ? verb : help;
    }

    @Override
    public String help() {
        return "HELP [ <sp> command ]";
    }
}
