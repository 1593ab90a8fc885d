package ftp.core.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;

import ftp.core.api.Reply;
import ftp.core.internal.protocol.CommandRegistry;
import ftp.core.internal.protocol.RegisteredCommand;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/** HELP (RFC 959 section 4.1.3): the verbs enabled on the site, or one verb's syntax. */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "HELP", login = false)
public final class HelpCommand implements FtpCommand {

    private static final int PER_LINE = 8;

    private final CommandRegistry commands;

    @Activate
    public HelpCommand(@Reference CommandRegistry commands) {
        this.commands = commands;
    }

    @Override
    public void execute(FtpRequest request, FtpSession session) {
        if (request.hasArgument()) {
            String verb = request.argument().trim().toUpperCase(Locale.ROOT);
            commands.enabled(verb, session.settings()).ifPresentOrElse(
                    command -> session.reply(214, "Syntax: " + syntax(verb, command)),
                    () -> session.reply(502, "Unknown command " + verb));
            return;
        }
        List<String> verbs = new ArrayList<>(commands.enabledVerbs(session.settings()).keySet());
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < verbs.size(); i += PER_LINE) {
            rows.add(String.join(" ", verbs.subList(i, Math.min(verbs.size(), i + PER_LINE))));
        }
        session.reply(Reply.block(214, "The following commands are recognized:", rows, "Help OK"));
    }

    private static String syntax(String verb, RegisteredCommand command) {
        String help = command.command().help();
        return help.isEmpty() ? verb : help;
    }

    @Override
    public String help() {
        return "HELP [ <sp> command ]";
    }
}
