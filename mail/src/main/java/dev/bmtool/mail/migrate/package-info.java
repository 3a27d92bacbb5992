/**
 * Bringing a user's data over from PyBitmessage: identities and settings from its keys.dat,
 * inbox, sent folder, address book, subscriptions and black/whitelist from its messages.dat.
 */
package dev.bmtool.mail.migrate;
