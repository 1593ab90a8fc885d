package ftp.features.internal;

import ftp.core.api.SessionKey;

/**
 * A byte range set with RANG (draft-bryan-ftp-range): inclusive offsets, used by the next HASH.
 *
 * @param start first byte
 * @param end last byte (inclusive)
 */
record HashRange(long start, long end) {

    /** Set by RANG, kept only for the command right after it. */
    static final SessionKey<HashRange> KEY = SessionKey.untilNextCommand("rang", HashRange.class, "RANG");
}
