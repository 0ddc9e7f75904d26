package dev.preflight.email.internal;

import java.util.List;

/**
 * Where a test message was found in the mailbox.
 *
 * @param folder the folder's full name, e.g. {@code INBOX} or {@code [Gmail]/Spam}
 * @param spam whether that folder holds spam
 * @param uid the message's IMAP UID in that folder
 * @param authenticationResults its {@code Authentication-Results} header values, topmost first
 */
public record Arrival(String folder, boolean spam, long uid, List<String> authenticationResults) {
}
