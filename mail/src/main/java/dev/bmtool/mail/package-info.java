/**
 * Person-to-person messaging on top of the node (protocol brief 11-13): the mail store
 * (pubkey cache, inbox, sent folder, subscriptions), the {@link dev.bmtool.mail.MailAgent}
 * that sends msgs/broadcasts and matches the node's object stream against our identities, and
 * the {@link dev.bmtool.mail.NodeLink} that reaches a node in-process or via its API.
 */
package dev.bmtool.mail;
