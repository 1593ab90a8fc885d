package ftp.core.internal.activity;

import java.util.Map;

/**
 * A site's counters over JMX ({@code ftp.server:type=Site,name="<site>"}): what jconsole and
 * Karaf's JMX tools read. The same numbers as {@code ftp.core.api.SiteMetrics}.
 */
public interface SiteMetricsMXBean {

    int getSessions();

    long getLoginsSucceeded();

    long getLoginsFailed();

    long getLoginsBanned();

    long getUploads();

    long getDownloads();

    long getBytesUploaded();

    long getBytesDownloaded();

    long getTransferFailures();

    Map<String, Long> getTlsSessions();
}
