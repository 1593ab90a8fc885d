/**
 * The TLS policy of the sites (issue "TLS policy bundle"): AUTH TLS, implicit FTPS, protected
 * data connections with session reuse, certificates with BouncyCastle. The bundle is part of
 * the build so that the room exists; its services arrive with that issue, and no run descriptor
 * includes it before then.
 */
package ftp.tls.internal;
