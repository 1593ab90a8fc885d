package ftp.core.internal.protocol;

import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFactory;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolEncoder;

/** Codec of the control connection: command lines in, {@code Reply} values out. */
public final class ControlCodecFactory implements ProtocolCodecFactory {

    /** Longest command line accepted, in bytes (a long path still fits). */
    public static final int MAX_LINE_LENGTH = 4096;

    private final ReplyEncoder encoder = new ReplyEncoder();

    @Override
    public ProtocolEncoder getEncoder(IoSession session) {
        return encoder;
    }

    @Override
    public ProtocolDecoder getDecoder(IoSession session) {
        // A decoder keeps its partial line in the session; one instance per session keeps that simple.
        return new CommandLineDecoder(MAX_LINE_LENGTH);
    }
}
