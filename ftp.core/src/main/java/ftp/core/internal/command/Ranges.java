package ftp.core.internal.command;

import java.util.Optional;

import ftp.core.api.FtpSession;
import ftp.core.api.ReplyException;
import ftp.core.api.TransferRange;
import ftp.core.api.TransferType;

/** How the transfer commands read the RANG range (draft-bryan-ftp-range-08 sections 4.3 and 5). */
final class Ranges {

    private Ranges() {
    }

    /**
     * The range RANG set for this transfer, if any. Ranges count octets of the stored file, so
     * they need TYPE I: in TYPE A the transfer is refused with {@code 551}, as the draft's
     * section 5 asks.
     */
    static Optional<TransferRange> of(FtpSession session) throws ReplyException {
        Optional<TransferRange> range = session.get(TransferRange.KEY);
        if (range.isPresent() && TransferType.of(session) != TransferType.BINARY) {
            throw new ReplyException(551, "RANG needs TYPE I; send TYPE I, then RANG again");
        }
        return range;
    }

    /** For the commands the draft leaves undefined with a range (APPE, STOU): {@code 504}. */
    static void refuse(FtpSession session, String verb) throws ReplyException {
        if (session.get(TransferRange.KEY).isPresent()) {
            throw new ReplyException(504, verb + " does not take a RANG range; use STOR, or send RANG 1 0 first");
        }
    }
}
