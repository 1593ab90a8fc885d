import java.io.File;
import java.util.List;

import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.Md5PasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * Apache FtpServer 1.2.1 peer for bench/compare: one explicit-TLS listener (AUTH TLS) on 127.0.0.1.
 * Args: PORT PASV_LOW PASV_HIGH HOME USER PASSWORD KEYSTORE.p12 KEYSTORE_PASSWORD USERS.properties
 * Users: the stock PropertiesUserManager with its default MD5 password encryptor.
 */
public final class ApacheFtpServerBench {
    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]);
        FtpServerFactory server = new FtpServerFactory();

        ConnectionConfigFactory conn = new ConnectionConfigFactory();
        conn.setMaxLogins(11000);
        conn.setMaxLoginFailures(100000);
        conn.setLoginFailureDelay(0);
        conn.setAnonymousLoginEnabled(false);
        server.setConnectionConfig(conn.createConnectionConfig());

        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(new File(a[6]));
        ssl.setKeystorePassword(a[7]);
        ssl.setKeystoreType("PKCS12");
        ssl.setSslProtocol("TLSv1.3");

        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts(a[1] + "-" + a[2]);
        data.setPassiveAddress("127.0.0.1");

        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        listener.setIdleTimeout(3600);
        listener.setImplicitSsl(false);
        // one SslConfiguration (one SSLContext, one session cache): data connections use the listener's,
        // so they can resume the control connection's TLS session
        listener.setSslConfiguration(ssl.createSslConfiguration());
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        server.addListener("default", listener.createListener());

        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setFile(new File(a[8]));
        users.setPasswordEncryptor(new Md5PasswordEncryptor());
        UserManager um = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(a[4]);
        user.setPassword(a[5]);
        user.setHomeDirectory(a[3]);
        user.setMaxIdleTime(3600);
        user.setAuthorities(List.<Authority>of(new WritePermission(), new ConcurrentLoginPermission(0, 0)));
        um.save(user);
        server.setUserManager(um);

        FtpServer ftp = server.createServer();
        ftp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(ftp::stop));
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
