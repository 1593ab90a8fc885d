package ftp.features.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import ftp.core.api.Reply;
import ftp.core.api.ReplyException;
import ftp.core.api.SiteSubcommand;
import org.osgi.service.component.annotations.Component;

import ftp.core.api.FtpCommand;
import ftp.core.api.FtpCommandService;
import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;

/**
 * SITE (RFC 959 section 4.1.3): dispatches {@code SITE <name> <argument>} to the
 * {@link SiteSubcommand} services registered now (a whiteboard, so bundles add subcommands at
 * runtime); {@code SITE HELP} lists those enabled on the site. Site toggle: {@code feature.site}.
 */
@Component(service = FtpCommand.class)
@FtpCommandService(command = "SITE", feature = "site")
public final class SiteCommand implements FtpCommand {

    private record Registered(SiteSubcommand subcommand, String name, String feature, int ranking) {
    }

    private final Map<SiteSubcommand, Registered> registered = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSubcommand(SiteSubcommand subcommand, Map<String, Object> properties) {
        Object name = properties.get(SiteSubcommand.NAME);
        Object feature = properties.get(SiteSubcommand.FEATURE);
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        if (name != null) {
            registered.put(subcommand, new Registered(subcommand, name.toString().trim().toUpperCase(Locale.ROOT),
                    feature == null ? "" : feature.toString(), ranking instanceof Integer r ? r : 0));
        }
    }

    void removeSubcommand(SiteSubcommand subcommand) {
        registered.remove(subcommand);
    }

    /** The subcommands enabled on the session's site, by name (the highest ranking wins a name). */
    private Map<String, Registered> enabled(FtpSession session) {
        Map<String, Registered> byName = new TreeMap<>();
        for (Registered entry : registered.values()) {
            if (session.featureEnabled(entry.feature())) {
                byName.merge(entry.name(), entry, (a, b) -> a.ranking() >= b.ranking() ? a : b);
            }
        }
        return byName;
    }

    @Override
    public void execute(FtpRequest request, FtpSession session) throws IOException {
        String argument = request.requireArgument().trim();
        int space = argument.indexOf(' ');
        String name = (space < 0 ? argument : argument.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : argument.substring(space + 1);
        Map<String, Registered> enabled = enabled(session);
        if ("HELP".equals(name)) {
            List<String> lines = new ArrayList<>();
            lines.add("HELP");
            enabled.values().forEach(e -> lines.add(e.subcommand().help().isEmpty() ? e.name() : e.subcommand().help()));
            session.reply(Reply.block(214, "The following SITE commands are recognized:", lines, "Help OK"));
            return;
        }
        Registered subcommand = enabled.get(name);
        if (subcommand == null) {
            // 504, not 502: SITE itself is there (502 would say it is not).
            throw new ReplyException(504, "Unknown SITE command " + name + "; SITE HELP lists them");
        }
        subcommand.subcommand().execute(rest, session);
    }

    @Override
    public String help() {
        return "SITE <sp> command [ <sp> arguments ]";
    }
}
