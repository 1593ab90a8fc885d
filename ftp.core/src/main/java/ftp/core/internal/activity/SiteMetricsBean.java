package ftp.core.internal.activity;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.Supplier;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ftp.core.api.SiteMetrics;

/** A running site's counters in the platform MBean server, from registration until {@link #unregister}. */
public final class SiteMetricsBean implements SiteMetricsMXBean {

    private static final Logger LOG = LoggerFactory.getLogger(SiteMetricsBean.class);

    private final Supplier<SiteMetrics> metrics;
    private final ObjectName name;
    private boolean registered;

    private SiteMetricsBean(Supplier<SiteMetrics> metrics, ObjectName name) {
        this.metrics = metrics;
        this.name = name;
    }

    /** The name of a site's MBean. */
    public static ObjectName name(String site) throws JMException {
        return new ObjectName("ftp.server:type=Site,name=" + ObjectName.quote(site));
    }

    /** Registers the site's MBean; a failure (a name taken) is logged, and the site runs on. */
    public static SiteMetricsBean register(String site, Supplier<SiteMetrics> metrics) {
        SiteMetricsBean bean = null;
        try {
            bean = new SiteMetricsBean(metrics, name(site));
            ManagementFactory.getPlatformMBeanServer().registerMBean(bean, bean.name);
            bean.registered = true;
        } catch (JMException e) {
            LOG.warn("Site {}: metrics not registered over JMX: {}", site, e.toString());
        }
        return bean;
    }

    public void unregister() {
        if (!registered) {
            return;
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            LOG.debug("{} already unregistered", name, e);
        }
        registered = false;
    }

    @Override
    public int getSessions() {
        return metrics.get().sessions();
    }

    @Override
    public long getLoginsSucceeded() {
        return metrics.get().loginsSucceeded();
    }

    @Override
    public long getLoginsFailed() {
        return metrics.get().loginsFailed();
    }

    @Override
    public long getLoginsBanned() {
        return metrics.get().loginsBanned();
    }

    @Override
    public long getUploads() {
        return metrics.get().uploads();
    }

    @Override
    public long getDownloads() {
        return metrics.get().downloads();
    }

    @Override
    public long getBytesUploaded() {
        return metrics.get().bytesUploaded();
    }

    @Override
    public long getBytesDownloaded() {
        return metrics.get().bytesDownloaded();
    }

    @Override
    public long getTransferFailures() {
        return metrics.get().transferFailures();
    }

    @Override
    public Map<String, Long> getTlsSessions() {
        return metrics.get().tlsSessions();
    }
}
