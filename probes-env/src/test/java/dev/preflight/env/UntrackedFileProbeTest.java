package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real repositories made with the git command line in temporary directories. */
class UntrackedFileProbeTest {
    @TempDir
    Path dir;

    private Result check(Path file) {
        return FileCheck.of(new UntrackedFileProbe(), file).result();
    }

    private Path envFile() {
        return FileCheck.write(dir.resolve(".env.production"), "SECRET_KEY=abc\n", "rw-------");
    }

    @Test
    void trackedFileFailsAndSaysToRotate() {
        FileCheck.gitInit(dir);
        Path file = envFile();
        FileCheck.run(dir, "git", "add", ".env.production");
        FileCheck.run(dir, "git", "commit", "-q", "-m", "oops");
        Result r = check(file);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("tracked by git");
        assertThat(r.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains("git rm --cached")
                .contains("rotate"));
    }

    @Test
    void stagedButUncommittedFileFails() {
        FileCheck.gitInit(dir);
        Path file = envFile();
        FileCheck.run(dir, "git", "add", ".env.production");
        assertThat(check(file).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void ignoredFilePasses() throws Exception {
        FileCheck.gitInit(dir);
        Files.writeString(dir.resolve(".gitignore"), ".env*\n!.env.example\n");
        Result r = check(envFile());
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.summary()).contains("ignores it");
    }

    @Test
    void untrackedButNotIgnoredFileWarns() {
        FileCheck.gitInit(dir);
        Result r = check(envFile());
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.summary()).contains("not ignored");
        assertThat(r.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains(".gitignore"));
    }

    @Test
    void fileInASubdirectoryOfTheRepositoryIsFound() {
        FileCheck.gitInit(dir);
        Path file = FileCheck.write(dir.resolve("deploy/prod/.env"), "A=1\n", "rw-------");
        FileCheck.run(dir, "git", "add", "deploy/prod/.env");
        assertThat(check(file).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void trackedFileInALinkedWorktreeFails() throws Exception {
        Path main = Files.createDirectory(dir.resolve("main"));
        FileCheck.gitInit(main);
        FileCheck.write(main.resolve(".env"), "A=1\n", "rw-------");
        FileCheck.run(main, "git", "add", ".env");
        FileCheck.run(main, "git", "commit", "-q", "-m", "env");
        FileCheck.run(main, "git", "worktree", "add", "-q", dir.resolve("linked").toString());
        assertThat(Files.isRegularFile(dir.resolve("linked/.git"))).as(".git is a file in a worktree").isTrue();
        assertThat(check(dir.resolve("linked/.env")).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void pathspecMagicInTheFileNameIsTakenLiterally() {
        FileCheck.gitInit(dir);
        FileCheck.write(dir.resolve("a.env"), "A=1\n", "rw-------");
        FileCheck.run(dir, "git", "add", "a.env");
        // Without --literal-pathspecs, ":(glob)*.env" would match the tracked a.env.
        Path odd = FileCheck.write(dir.resolve(":(glob)*.env"), "A=1\n", "rw-------");
        assertThat(check(odd).status()).isEqualTo(Status.WARN);
    }

    @Test
    void linkOutsideTheRepositoryToATrackedFileFails() throws Exception {
        Path repo = Files.createDirectory(dir.resolve("repo"));
        FileCheck.gitInit(repo);
        Path tracked = FileCheck.write(repo.resolve("config/prod.env"), "A=1\n", "rw-------");
        FileCheck.run(repo, "git", "add", "config/prod.env");
        Path outside = Files.createDirectory(dir.resolve("srv"));
        Path link = Files.createSymbolicLink(outside.resolve(".env.production"), tracked);
        Result r = check(link);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains(tracked.toRealPath().toString());
    }

    @Test
    void fileOutsideAnyRepositoryPassesAndSaysSo() {
        Result r = check(envFile());
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.summary()).contains("no git repository");
    }

    @Test
    void brokenRepositoryWarnsRatherThanPasses() throws Exception {
        Files.writeString(dir.resolve(".git"), "gitdir: /nonexistent/elsewhere\n");
        Result r = check(envFile());
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.summary()).contains("could not read the repository")
                .as("git's own complaint, read from its standard error").contains("not a git repository");
    }

    @Test
    void gitThatNeverAnswersIsStoppedAtTheDeadline() throws Exception {
        FileCheck.gitInit(dir);
        Path file = envFile();
        // git opens its index to list files; a FIFO with no writer blocks that open forever.
        FileCheck.run(dir.resolve(".git"), "mkfifo", "index");
        long start = System.nanoTime();
        ProbeOutcome outcome = FileCheck.of(new UntrackedFileProbe(), file).timeout(Duration.ofSeconds(1)).outcome();
        assertThat(outcome.status()).isEqualTo(Status.ERROR);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void targetWithoutAFileIsSkipped() {
        assertThat(EnvCheck.of(new UntrackedFileProbe()).result().status()).isEqualTo(Status.SKIP);
    }
}
