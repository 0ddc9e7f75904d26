package dev.preflight.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpamFoldersTest {

    @Test
    void aFolderMarkedJunkIsSpamWhateverItsName() {
        assertThat(SpamFolders.isSpam("Courrier indésirable", '/', new String[] {"\\HasNoChildren", "\\Junk"},
                SpamFolders.DEFAULTS)).isTrue();
    }

    @Test
    void knownNamesAreSpamWithOrWithoutAnInboxParent() {
        assertThat(SpamFolders.isSpam("[Gmail]/Spam", '/', new String[0], SpamFolders.DEFAULTS)).isTrue();
        assertThat(SpamFolders.isSpam("INBOX.Junk", '.', new String[0], SpamFolders.DEFAULTS)).isTrue();
        assertThat(SpamFolders.isSpam("junk e-mail", '/', new String[0], SpamFolders.DEFAULTS)).isTrue();
        assertThat(SpamFolders.isSpam("Archive", '/', new String[] {"\\Archive"}, SpamFolders.DEFAULTS)).isFalse();
        assertThat(SpamFolders.isSpam("Projects/Junk Food", '/', new String[0], SpamFolders.DEFAULTS)).isFalse();
    }
}
