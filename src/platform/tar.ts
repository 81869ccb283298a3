/**
 * A POSIX ustar archive written as a stream: a 512-byte header per file, its bytes padded to 512,
 * two zero blocks at the end. Every size is known before the first byte, so the whole length is too
 * (a download gets its Content-Length) and nothing is held in memory but one header.
 */

const BLOCK = 512;
const encoder = new TextEncoder();

export interface TarEntry {
  /** Path inside the archive: at most 255 bytes, split at a `/` into ustar's prefix and name. */
  path: string;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
}

const padded = (size: number) => Math.ceil(size / BLOCK) * BLOCK;

/** The archive's length in bytes for these entries. */
export function tarLength(entries: readonly Pick<TarEntry, "size">[]): number {
  return entries.reduce((sum, e) => sum + BLOCK + padded(e.size), 0) + 2 * BLOCK;
}

function splitPath(path: string): { prefix: string; name: string } {
  if (encoder.encode(path).byteLength <= 100) return { prefix: "", name: path };
  for (let cut = path.indexOf("/"); cut !== -1; cut = path.indexOf("/", cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (encoder.encode(prefix).byteLength <= 155 && encoder.encode(name).byteLength <= 100)
      return { prefix, name };
  }
  throw new RangeError(`tar path too long: ${path}`);
}

function field(header: Uint8Array, offset: number, length: number, value: string): void {
  header.set(encoder.encode(value).subarray(0, length), offset);
}

const octal = (value: number, length: number) => `${value.toString(8).padStart(length - 1, "0")}\0`;

export function tarHeader(entry: TarEntry): Uint8Array {
  const header = new Uint8Array(BLOCK);
  const { prefix, name } = splitPath(entry.path);
  field(header, 0, 100, name);
  field(header, 100, 8, octal(0o644, 8));
  field(header, 108, 8, octal(0, 8));
  field(header, 116, 8, octal(0, 8));
  field(header, 124, 12, octal(entry.size, 12));
  field(header, 136, 12, octal(Math.floor(entry.mtime), 12));
  field(header, 148, 8, "        ");
  field(header, 156, 1, "0");
  field(header, 257, 6, "ustar\0");
  field(header, 263, 2, "00");
  field(header, 345, 155, prefix);
  const sum = header.reduce((total, byte) => total + byte, 0);
  field(header, 148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return header;
}

/** The zero bytes after a file of `size` bytes that fill its last block. */
export const tarPadding = (size: number) => new Uint8Array(padded(size) - size);

/** The two zero blocks that end an archive. */
export const tarEnd = () => new Uint8Array(2 * BLOCK);
