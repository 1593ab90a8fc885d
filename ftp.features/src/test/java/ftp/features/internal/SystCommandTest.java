package ftp.features.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ftp.core.api.FtpRequest;
import ftp.core.api.FtpSession;
import ftp.core.api.Reply;

class SystCommandTest {

    @Test
    void answersUnixTypeL8() {
        List<Reply> replies = new ArrayList<>();
        FtpSession session = (FtpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { FtpSession.class }, (proxy, method, args) -> {
                    if (method.getName().equals("reply") && args.length == 1) {
                        replies.add((Reply) args[0]);
                        return null;
                    }
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        new SystCommand().execute(new FtpRequest("SYST", ""), session);
        assertEquals(List.of(Reply.of(215, "UNIX Type: L8")), replies);
        assertEquals("215 UNIX Type: L8\r\n", replies.get(0).toWire());
    }
}
