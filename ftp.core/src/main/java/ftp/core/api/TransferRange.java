package ftp.core.api;

/**
 * An octet range set with RANG (draft-bryan-ftp-range-08): inclusive offsets from the start of
 * the file, for the transfer or HASH that follows. The core's RETR and STOR honour it; the
 * optional RANG command sets it. Like REST's offset it survives PASV, EPSV, PORT and EPRT, and
 * any other command ends it, so REST and RANG replace each other (the draft: RANG must be the
 * last command before the transfer it shapes).
 *
 * @param start first octet
 * @param end last octet, inclusive; at least {@code start}
 */
public record TransferRange(long start, long end) {

    /** The range for the next transfer command. */
    public static final SessionKey<TransferRange> KEY = SessionKey.untilNextCommand("rang", TransferRange.class,
            "RANG", "PASV", "EPSV", "PORT", "EPRT");

    public TransferRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a range needs 0 <= start <= end, not " + start + "-" + end);
        }
    }

    /** The number of octets in the range; {@link Long#MAX_VALUE} when that does not fit. */
    public long length() {
        long length = end - start + 1;
        return length <= 0 ? Long.MAX_VALUE : length;
    }

    /** How many octets of a file of {@code size} octets the range covers (none when it starts beyond the end). */
    public long lengthWithin(long size) {
        return start >= size ? 0 : Math.min(end, size - 1) - start + 1;
    }
}
