/**
 * A minimal ZIP reader (central directory, stored and deflated entries) used to look inside .docx
 * files before mammoth converts them: to tell a corrupt file from a real one and to read the parts
 * mammoth does not expose (the numbering definitions). Size limits guard against zip bombs.
 */
import { inflateRawSync } from 'zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipError extends Error {}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** Lists the entries of a ZIP archive; throws ZipError when the buffer is not a readable archive. */
export function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  if (buf.length < 22 || buf.readUInt32LE(0) !== SIG_LOCAL) throw new ZipError('not a zip archive');
  let eocd = -1;
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipError('broken central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, { name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Reads one entry as a Buffer; throws ZipError when it is damaged or larger than `maxSize`. */
export function zipRead(buf: Buffer, e: ZipEntry, maxSize: number): Buffer {
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== SIG_LOCAL) throw new ZipError(`broken entry ${e.name}`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw new ZipError(`truncated entry ${e.name}`);
  if (e.size > maxSize) throw new ZipError(`entry ${e.name} too large`);
  const data = buf.subarray(start, end);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new ZipError(`unsupported compression ${e.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: maxSize });
  } catch {
    throw new ZipError(`cannot inflate ${e.name}`);
  }
}
