package ftp.core.internal.data;

import java.net.InetSocketAddress;

import ftp.core.api.Reply;
import ftp.core.api.SiteSettings;

/** What the data connections need from their control session. */
public interface TransferHost {

    SiteSettings settings();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    boolean controlProtected();

    void reply(Reply reply);

    /** Called after the final reply of a transfer was sent. */
    void transferEnded();
}
