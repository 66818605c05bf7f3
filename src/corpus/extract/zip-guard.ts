// Checks a Word file's zip before anything unpacks it: a zip bomb (a few KB that inflate to
// gigabytes) or a lying size header is refused by inflating each part under a byte budget.
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Most bytes the document's XML parts may inflate to, all together. */
  maxUnzippedBytes: number;
  /** Most entries the archive may hold. */
  maxEntries: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;

/** Parts a text extractor inflates; media (images, fonts) are only listed, never unpacked. */
const TEXT_PART = /\.(xml|rels)$/i;

/**
 * Null when the archive is safe to hand to the Word reader, otherwise why it is not (in words
 * for the warning). Inflates every XML part once with a hard cap on its output, so the check
 * costs at most the budget however the archive lies about its sizes.
 */
export function checkZip(buf: Uint8Array, limits: ZipLimits): string | null {
  const data = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const end = findEnd(data);
  if (end < 0) return 'is not a Word document (not a zip archive; damaged or renamed?)';
  const count = data.readUInt16LE(end + 10);
  const dirOffset = data.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff)
    return 'is a ZIP64 archive, which a Word document never needs; skipped';
  if (count > limits.maxEntries)
    return `holds ${count.toLocaleString('en')} parts, over the ${limits.maxEntries.toLocaleString('en')} a Word document may have; skipped`;
  let budget = limits.maxUnzippedBytes;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL)
      return 'is a damaged zip archive (its table of contents is cut off); skipped';
    const method = data.readUInt16LE(at + 10);
    const packed = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLen = data.readUInt16LE(at + 28);
    const extraLen = data.readUInt16LE(at + 30);
    const commentLen = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    if (!TEXT_PART.test(name)) continue;
    if (size > budget) return tooLarge(limits);
    const body = localBody(data, local, packed);
    if (!body) return `is a damaged zip archive (part ${name} is cut off); skipped`;
    let got: number;
    if (method === 0) got = body.length;
    else if (method === 8) {
      try {
        // One byte over the budget is enough to know it is too much.
        got = inflateRawSync(body, { maxOutputLength: budget + 1 }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooLarge(limits);
        return `is a damaged zip archive (part ${name} does not unpack); skipped`;
      }
    } else return `packs part ${name} in a way Word never uses (method ${method}); skipped`;
    if (got > budget) return tooLarge(limits);
    if (got !== size)
      return `is a damaged zip archive (part ${name} unpacks to a size other than it states); skipped`;
    budget -= got;
  }
  return null;
}

function tooLarge(limits: ZipLimits): string {
  const mb = Math.round(limits.maxUnzippedBytes / 1024 / 1024);
  return `unpacks to more than ${mb} MB of text (${limits.maxUnzippedBytes.toLocaleString('en')} bytes; a zip bomb, or a document far larger than a meeting record); skipped`;
}

function findEnd(data: Buffer): number {
  const stop = Math.max(0, data.length - EOCD_SEARCH);
  for (let i = data.length - 22; i >= stop; i--) if (data.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** A part's packed bytes, found through its local header; null when the archive is cut off. */
function localBody(data: Buffer, offset: number, packed: number): Buffer | null {
  if (offset + 30 > data.length || data.readUInt32LE(offset) !== LOCAL) return null;
  const start = offset + 30 + data.readUInt16LE(offset + 26) + data.readUInt16LE(offset + 28);
  if (start + packed > data.length) return null;
  return data.subarray(start, start + packed);
}
