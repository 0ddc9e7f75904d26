package dev.preflight.env;

import dev.preflight.env.internal.files.EnvFilePath;
import dev.preflight.env.internal.files.Git;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * {@code env.file-untracked}: git does not track the environment file. A committed env file puts
 * every secret in it into the history of every clone, fork and CI cache, where deleting the file
 * later does not reach (CWE-540, Inclusion of Sensitive Information in Source Code).
 *
 * <p>The file is the one the target was read from (its attribute {@code source}). The repository is
 * the nearest directory at or above the file holding {@code .git} (a directory, or a file for
 * worktrees and submodules); git itself is asked, {@code git ls-files --error-unmatch} then
 * {@code git check-ignore}, read-only, with no {@code GIT_*} variables of the caller, and killed at
 * the deadline. A checkout owned by another account is read ({@code safe.directory=*}) with
 * {@code core.fsmonitor} off, so its configuration starts no program. A symlink is judged twice, as
 * the link and as the file it points to, and the worse verdict stands: a link outside any repository
 * may point into one.
 * <ul>
 *   <li>PASS: the file is ignored by the repository ({@code .gitignore} and the like), or there is no
 *       repository at or above it (the result says which).</li>
 *   <li>WARN: the file is not tracked but not ignored either, one {@code git add .} away from a
 *       commit; git is not installed, or could not read the repository (its message is quoted).</li>
 *   <li>FAIL: the file is tracked (fix: {@code git rm --cached}, ignore it, and rotate every secret
 *       it held, since they stay in the history).</li>
 *   <li>SKIP: the target was not read from a file.</li>
 *   <li>ERROR: git had not answered at the deadline (it is killed).</li>
 * </ul>
 *
 * <p>No settings. Details: {@code repository}, the directory holding {@code .git}. Applies in every
 * stage.
 *
 * @since 0.2
 */
public final class UntrackedFileProbe implements Probe {

    /** Creates the probe; stateless. */
    public UntrackedFileProbe() {
    }

    @Override
    public String id() {
        return "env.file-untracked";
    }

    @Override
    public String title() {
        return "The env file is not tracked by git";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) throws IOException, InterruptedException {
        Optional<Path> found = EnvFilePath.of(context.target());
        if (found.isEmpty()) {
            return Result.skip(EnvFilePath.NO_FILE);
        }
        Path file = found.get();
        Git git = new Git(context.deadline(), context::onCancel);
        Result result = judge(file, git);
        if (Files.isSymbolicLink(file) && Files.exists(file)) {
            // The link may sit outside any repository while the file it points to is committed in one.
            Result target = judge(file.toRealPath(), git);
            if (result.status().worst(target.status()) != result.status()) {
                return target;
            }
        }
        return result;
    }

    private static Result judge(Path file, Git git) throws IOException, InterruptedException {
        String name = file.toString();
        Optional<Path> repository = Git.repositoryOf(file);
        if (repository.isEmpty()) {
            return Result.builder(Status.PASS).subject(name)
                    .summary(name + " is in no git repository (no .git at or above " + file.getParent() + ")").build();
        }
        Path dir = file.getParent();
        String fileName = file.getFileName().toString();
        try {
            // --literal-pathspecs: a file named ":(glob)*" is a name, not a pattern; check-ignore takes
            // path names and rejects the option.
            Git.Exit tracked = git.run(dir, "--literal-pathspecs", "ls-files", "--error-unmatch", "--", fileName);
            if (tracked.code() == 0) {
                return with(Result.builder(Status.FAIL), name, repository.get())
                        .summary(name + " is tracked by git in " + repository.get()
                                + ": its secrets are in the repository's history")
                        .remediation("Run git rm --cached " + fileName + " in " + dir + ", add " + fileName
                                + " to .gitignore and commit; then rotate every secret the file has ever held, since"
                                + " the history and every clone keep them (rewriting history does not reach clones).")
                        .build();
            }
            if (tracked.code() != 1) {
                return unreadable(name, repository.get(), tracked);
            }
            Git.Exit ignored = git.run(dir, "check-ignore", "-q", "--", fileName);
            if (ignored.code() == 0) {
                return with(Result.builder(Status.PASS), name, repository.get())
                        .summary(name + " is not tracked, and the repository ignores it").build();
            }
            if (ignored.code() != 1) {
                return unreadable(name, repository.get(), ignored);
            }
            return with(Result.builder(Status.WARN), name, repository.get())
                    .summary(name + " is not tracked but not ignored either: one git add . away from a commit")
                    .remediation("Add " + fileName + " (or .env*, keeping !.env.example) to the .gitignore of "
                            + repository.get() + ".")
                    .build();
        } catch (TimeoutException e) {
            return Result.error("git did not answer about " + name + " before the deadline", e);
        } catch (Git.NotInstalledException e) {
            return Result.warn("git is not installed here, so whether git tracks " + name + " is unknown",
                    "Install git where Preflight runs, or run git ls-files --error-unmatch " + fileName + " in "
                            + dir + " yourself: it must fail.");
        }
    }

    private static Result unreadable(String name, Path repository, Git.Exit exit) {
        return with(Result.builder(Status.WARN), name, repository)
                .summary("git could not read the repository at " + repository + " (exit " + exit.code() + ": "
                        + exit.error() + "), so whether it tracks " + name + " is unknown")
                .remediation("Run git ls-files --error-unmatch " + name + " in " + repository
                        + " to see git's complaint; the command must fail for an untracked file.")
                .build();
    }

    private static Result.Builder with(Result.Builder b, String name, Path repository) {
        return b.subject(name).detail("repository", repository.toString());
    }
}
