package ftp.core.internal.activity;

import java.io.Closeable;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Optional;

import ftp.core.api.SiteSettings;
import ftp.core.api.TransferRecord;

/**
 * What a running site records of what its sessions did: file transfers go to its transfer log
 * ({@code transfer.log}). One per site instance; closed when the site stops.
 */
public final class SiteActivity implements Closeable {

    private final Optional<TransferLog> transferLog;

    private SiteActivity(Optional<TransferLog> transferLog) {
        this.transferLog = transferLog;
    }

    /** Nothing recorded: for sites in tests. */
    public static SiteActivity none() {
        return new SiteActivity(Optional.empty());
    }

    /**
     * Opens what the settings name.
     *
     * @throws IOException naming the file that cannot be opened
     */
    public static SiteActivity open(SiteSettings settings) throws IOException {
        Optional<java.nio.file.Path> log = settings.transfers().log();
        if (log.isEmpty()) {
            return none();
        }
        try {
            return new SiteActivity(Optional.of(new TransferLog(log.get(), ZoneId.systemDefault())));
        } catch (IOException e) {
            throw new IOException("transfer.log: cannot open " + log.get() + ": " + e, e);
        }
    }

    /** A file transfer ended. */
    public void transferred(TransferRecord transfer) {
        transferLog.ifPresent(log -> log.write(transfer));
    }

    @Override
    public void close() throws IOException {
        if (transferLog.isPresent()) {
            transferLog.get().close();
        }
    }
}
