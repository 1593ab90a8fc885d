package ftp.itest;

import javax.inject.Inject;

import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.ConfigurationAdmin;

import ftp.core.api.SiteAdministration;

/**
 * What every integration test class shares: the framework of {@link FtpOptions}, the services it
 * drives, and {@link Sites}. Subclasses add {@code @RunWith(PaxExam.class)}.
 */
public abstract class FtpIT {

    @Inject
    protected ConfigurationAdmin configurations;

    @Inject
    protected SiteAdministration administration;

    protected Sites sites;

    @Configuration
    public Option[] config() {
        return FtpOptions.base();
    }

    @Before
    public void createSites() {
        sites = new Sites(configurations, administration);
    }
}
