package dev.bmtool.cli.mail;

import dev.bmtool.core.message.MessageEncoding;

/** {@code --encoding} of send and broadcast: the message encodings we can write. */
enum TextEncoding {
    simple(MessageEncoding.SIMPLE),
    extended(MessageEncoding.EXTENDED);

    final long value;

    TextEncoding(long value) {
        this.value = value;
    }
}
