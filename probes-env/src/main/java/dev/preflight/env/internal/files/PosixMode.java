package dev.preflight.env.internal.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The permission bits of a file, read through its symlinks, and what they let other accounts do.
 *
 * @param permissions the file's permission bits
 * @param owner the owning account's name
 * @since 0.2
 */
public record PosixMode(Set<PosixFilePermission> permissions, String owner) {
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** @param permissions copied */
    public PosixMode {
        permissions = Set.copyOf(permissions);
    }

    /**
     * @param file a file; symlinks are followed
     * @return its mode; empty when the file system keeps no POSIX permissions (Windows, some mounts)
     * @throws IOException if the file's attributes cannot be read
     */
    public static Optional<PosixMode> of(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return Optional.empty();
        }
        try {
            PosixFileAttributes attributes = view.readAttributes();
            return Optional.of(new PosixMode(attributes.permissions(), attributes.owner().getName()));
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** @return the mode in octal, e.g. {@code 0640} */
    public String octal() {
        int bits = 0;
        for (PosixFilePermission p : permissions) {
            // PosixFilePermission's order is OWNER_READ … OTHERS_EXECUTE, the bits 0400 … 0001.
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("0%03o", bits);
    }

    /** @return whether only the owner has any permission (600, 400, 700 …) */
    public boolean ownerOnly() {
        return permissions.stream().noneMatch(GROUP_OR_OTHERS::contains);
    }

    /** @return whether every account on the machine may read the file */
    public boolean worldReadable() {
        return permissions.contains(PosixFilePermission.OTHERS_READ);
    }

    /** @return whether every account on the machine may change the file */
    public boolean worldWritable() {
        return permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** @return who besides the owner may read or write: e.g. {@code the group and everyone} */
    public String whoElse() {
        boolean group = permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.GROUP_WRITE);
        boolean others = worldReadable() || worldWritable();
        return group && others ? "its group and every user" : others ? "every user" : group ? "its group"
                : "its group or other users (execute bits)";
    }
}
