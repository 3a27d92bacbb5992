/**
 * Bitmessage for ordinary mail programs: received messages and broadcasts as RFC 5322 files in
 * a Maildir ({@link dev.bmtool.mail.maildir.MaildirDelivery}), and RFC 5322 input read for
 * {@code bmtool sendmail} ({@link dev.bmtool.mail.maildir.MailParser}). Addresses appear as
 * {@code BM-...@bitmessage}.
 */
package dev.bmtool.mail.maildir;
