/**
 * Person-to-person messaging on top of the node (protocol brief 11-13): the mail store
 * (pubkey cache, inbox, sent folder, subscriptions), the {@link dev.bmtool.mail.Outbox} through
 * which both faces (the CLI and the PyBitmessage API) queue messages, and the
 * {@link dev.bmtool.mail.MailAgent}, a facade over its sending, receiving and timer parts, which
 * sends msgs/broadcasts and matches the node's object stream against our identities. The agent
 * reaches the node only through {@link dev.bmtool.mail.NodeLink}, implemented for a node in this
 * process ({@link dev.bmtool.mail.InProcessNodeLink}) and one behind its control API
 * ({@link dev.bmtool.mail.ApiNodeLink}).
 */
package dev.bmtool.mail;
