package ftp.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A control connection that reads and writes raw bytes, for assertions on the wire format. */
public final class RawControl implements AutoCloseable {

    private static final Pattern PASV = Pattern.compile("227 .*\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)");

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public RawControl(int port) throws IOException {
        this(port, InetAddress.getLoopbackAddress());
    }

    /** Connects from a chosen local address (127.0.0.2 is another loopback host). */
    public RawControl(int port, InetAddress from) throws IOException {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), from);
    }

    /** Connects to a chosen server address ([::1] for IPv6) from a chosen local address. */
    public RawControl(InetSocketAddress server, InetAddress from) throws IOException {
        socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(server, 5000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends one byte as TCP urgent data (MSG_OOB), as ftplib's abort() and RFC 959's Synch do. */
    public void sendUrgent(int b) throws IOException {
        out.flush();
        socket.sendUrgentData(b);
    }

    public void send(String line) throws IOException {
        sendBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a command and returns its complete reply, CRLFs included. */
    public String command(String line) throws IOException {
        send(line);
        return reply();
    }

    /** Reads one complete (possibly multi-line) reply. */
    public String reply() throws IOException {
        StringBuilder reply = new StringBuilder();
        String first = line();
        reply.append(first);
        if (first.length() > 3 && first.charAt(3) == '-') {
            String end = first.substring(0, 3) + " ";
            String next;
            do {
                next = line();
                reply.append(next);
            } while (!next.startsWith(end));
        }
        return reply.toString();
    }

    /** Reads one line, CRLF included (a line of a multi-line reply, for example). */
    public String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed after: " + bytes.toString(StandardCharsets.UTF_8));
            }
            bytes.write(b);
            if (previous == '\r' && b == '\n') {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            previous = b;
        }
    }

    /** Logs in as the test user. */
    public RawControl login() throws IOException {
        return login(TestSite.USER, TestSite.PASSWORD);
    }

    /** Reads the banner and logs in. @throws IOException unless the server answers 230 */
    public RawControl login(String user, String password) throws IOException {
        reply(); // banner
        command("USER " + user);
        String reply = command("PASS " + password);
        if (!reply.startsWith("230")) {
            throw new IOException("login failed: " + reply);
        }
        return this;
    }

    /** Sends PASV and returns the announced address and port. */
    public InetSocketAddress pasv() throws IOException {
        String reply = command("PASV");
        Matcher m = PASV.matcher(reply.trim());
        if (!m.matches()) {
            throw new IOException("not a 227 reply: " + reply);
        }
        return new InetSocketAddress(m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4),
                Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6)));
    }

    /**
     * Runs a download command ({@code RETR f}, {@code LIST}) on a passive data connection and
     * returns what arrived; fails unless the replies are 150 and 226.
     */
    public byte[] download(String command) throws IOException {
        InetSocketAddress data = pasv();
        send(command);
        byte[] bytes;
        try (Socket socket = new Socket(data.getAddress(), data.getPort())) {
            expect("150", reply());
            bytes = socket.getInputStream().readAllBytes();
        }
        expect("226", reply());
        return bytes;
    }

    /**
     * Runs an upload command ({@code STOR f}) on a passive data connection, sends {@code bytes}
     * (a server that stops reading early is no error here) and returns the final reply; fails
     * unless the first reply is 150.
     */
    public String upload(String command, byte[] bytes) throws IOException {
        InetSocketAddress data = pasv();
        send(command);
        try (Socket socket = new Socket(data.getAddress(), data.getPort())) {
            expect("150", reply());
            try {
                socket.getOutputStream().write(bytes);
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server closed the data connection: its reply says why
            }
        }
        return reply();
    }

    private static void expect(String code, String reply) throws IOException {
        if (!reply.startsWith(code)) {
            throw new IOException("not a " + code + " reply: " + reply);
        }
    }

    /**
     * Starts {@code RETR file} in TYPE I on a passive data connection with a tiny receive buffer,
     * so the transfer stays under way while the test does not read; returns once 150 arrived.
     */
    public Socket slowDownload(String file) throws IOException {
        command("TYPE I");
        InetSocketAddress data = pasv();
        send("RETR " + file);
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(data);
        String opening = reply();
        if (!opening.startsWith("150")) {
            socket.close();
            throw new IOException("not a 150 reply: " + opening);
        }
        return socket;
    }

    /** Whether the server closed the connection (reads until EOF or timeout). */
    public boolean closedByServer() {
        try {
            while (in.read() >= 0) {
                // drain
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** After {@code 234}: runs the client side of the TLS handshake; later commands go protected. */
    public void upgrade(javax.net.ssl.SSLContext context) throws IOException {
        InetSocketAddress server = (InetSocketAddress) socket.getRemoteSocketAddress();
        javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket(socket,
                server.getAddress().getHostAddress(), server.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        socket = tls;
        in = tls.getInputStream();
        out = tls.getOutputStream();
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
