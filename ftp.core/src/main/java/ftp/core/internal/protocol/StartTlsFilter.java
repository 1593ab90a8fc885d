package ftp.core.internal.protocol;

import javax.net.ssl.SSLContext;

import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.filter.ssl.SslFilter;

/**
 * MINA's SslFilter, able to let one write pass in the clear: AUTH TLS installs the filter first
 * and then writes its 234 reply unencrypted, so the client's ClientHello, sent as soon as it reads
 * 234, always meets the filter. (Installing the filter after the reply was written left a window
 * in which the ClientHello reached the command decoder; MINA 2.2 has no DISABLE_ENCRYPTION_ONCE.)
 */
final class StartTlsFilter extends SslFilter {

    /** When present, the next write goes out in the clear and the attribute is removed. */
    static final AttributeKey CLEAR_ONCE = new AttributeKey(StartTlsFilter.class, "clearOnce");

    StartTlsFilter(SSLContext context, boolean autoStart) {
        super(context, autoStart);
    }

    @Override
    public void filterWrite(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        if (session.removeAttribute(CLEAR_ONCE) != null) {
            next.filterWrite(session, request);
        } else {
            super.filterWrite(next, session, request);
        }
    }
}
