package ftp.core.internal.command;

import ftp.core.api.FtpSession;

/** The representation type of transfers (RFC 959 section 3.1.1). */
enum TransferType {
    ASCII("ASCII"), BINARY("BINARY");

    private final String label;

    TransferType(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static TransferType of(FtpSession session) {
        return session.get(CoreKeys.TYPE).orElse(ASCII);
    }
}
