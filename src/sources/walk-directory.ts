import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Failure } from '../core/document.js';
import { INPUT_EXTENSIONS, extensionOf } from './detect-format.js';
import { failure } from './source-items.js';
import { unreadableReason } from './unreadable-reason.js';

/**
 * Whether a file met while walking a directory is an input: a known extension (with or
 * without `.gz`) or none at all. READMEs, images and the like are left alone; a file named
 * on the command line is always read, whatever its name.
 *
 * @example
 * isInputName('2024-03-20.txt.gz'); // true
 * isInputName('README.md'); // false
 */
export function isInputName(name: string): boolean {
  const inner = name.replace(/\.gz$/i, '');
  const ext = extensionOf(inner);
  return ext === '' || INPUT_EXTENSIONS.has(ext);
}

/**
 * Files under a directory in a deterministic order (entries sorted by code unit, depth
 * first), skipping dotfiles. Symbolic links are followed, once per real directory so a
 * link loop ends; a dangling link yields a `Failure` like any unreadable file.
 *
 * @example
 * for await (const entry of walkDirectory('corpus')) if (typeof entry === 'string') read(entry);
 */
export async function* walkDirectory(
  dir: string,
  seen: Set<string> = new Set(),
): AsyncGenerator<string | Failure> {
  let real: string;
  let names: string[];
  try {
    real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    names = (await readdir(dir)).filter((n) => !n.startsWith('.'));
  } catch (err) {
    yield failure({ file: dir }, await unreadableReason(dir, err));
    return;
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const path = join(dir, name);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (err) {
      if (isInputName(name)) yield failure({ file: path }, await unreadableReason(path, err));
      continue;
    }
    if (isDirectory) yield* walkDirectory(path, seen);
    else if (isInputName(name)) yield path;
  }
}
