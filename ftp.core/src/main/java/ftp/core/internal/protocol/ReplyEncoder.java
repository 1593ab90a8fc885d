package ftp.core.internal.protocol;

import java.nio.charset.StandardCharsets;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolEncoderAdapter;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;

import ftp.core.api.Reply;

/** Writes {@link Reply} values as UTF-8 (RFC 2640). */
final class ReplyEncoder extends ProtocolEncoderAdapter {

    @Override
    public void encode(IoSession session, Object message, ProtocolEncoderOutput out) {
        byte[] bytes = ((Reply) message).toWire().getBytes(StandardCharsets.UTF_8);
        out.write(IoBuffer.wrap(bytes));
    }
}
