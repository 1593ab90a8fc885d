/**
 * The "FTP (E/S)" page of the Felix Web Console (issue "web console page"). The bundle is part
 * of the build so that the room exists; the servlet arrives with that issue, and no run
 * descriptor includes it before then.
 */
package ftp.webconsole.internal;
