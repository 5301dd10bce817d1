import { lstat, readlink } from 'node:fs/promises';

/**
 * A one-line reason a path could not be opened, naming a dangling symbolic link as such
 * because "no such file" is baffling when `ls` shows the name.
 *
 * @example
 * await unreadableReason('missing.txt', err); // 'cannot read: no such file or directory'
 */
export async function unreadableReason(path: string, err: unknown): Promise<string> {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') {
    try {
      if ((await lstat(path)).isSymbolicLink()) {
        return `cannot read: broken symbolic link (target ${await readlink(path)} does not exist)`;
      }
    } catch {
      // Not even the link exists: the plain message below is the right one.
    }
    return 'cannot read: no such file or directory';
  }
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read: permission denied';
  if (code === 'ELOOP') return 'cannot read: too many levels of symbolic links';
  return `cannot read: ${err instanceof Error ? err.message : String(err)}`;
}
