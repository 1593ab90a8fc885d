package ftp.features.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ftp.core.api.FtpCommand;
import ftp.core.api.SiteSubcommand;
import ftp.core.api.SiteSubcommandService;
import ftp.core.internal.TestSite;

/** A {@link TestSite} with every command of this bundle registered, as DS registers them. */
final class FeatureSite {

    /** Keep-alive interval of HASH in tests: short, so that a test sees 213- lines quickly. */
    static final Duration KEEP_ALIVE = Duration.ofMillis(50);

    private FeatureSite() {
    }

    static TestSite start(Path dir, Map<String, Object> config) throws Exception {
        TestSite site = TestSite.start(dir, config);
        SiteCommand siteCommand = new SiteCommand();
        for (SiteSubcommand subcommand : List.of(new ChmodSubcommand(), new UtimeSubcommand())) {
            siteCommand.addSubcommand(subcommand, properties(subcommand));
        }
        for (FtpCommand command : List.of(new PortCommand(), new EprtCommand(), new HashCommand(KEEP_ALIVE),
                new RangCommand(), new CombCommand(), new StatCommand(), new SystCommand(), siteCommand,
                new MlstCommand(), new MlsdCommand(), new MfmtCommand())) {
            site.register(command);
        }
        return site;
    }

    static Map<String, Object> properties(SiteSubcommand subcommand) {
        SiteSubcommandService service = subcommand.getClass().getAnnotation(SiteSubcommandService.class);
        return Map.of(SiteSubcommand.NAME, service.command(), SiteSubcommand.FEATURE, service.feature());
    }
}
