import { hash } from 'node:crypto'

/**
 * One cache entry on disk: a header, then the metadata (JSON), a text (the code compiled, kept out of the JSON: parsing
 * a long string with its escapes was most of reading an entry) and the data (V8's code cache, or nothing). The header
 * holds the three lengths and a SHA-1 of the rest, so that a truncated file (a process killed mid-write on a file
 * system without atomic rename) or a corrupted one reads as a miss, never as wrong code.
 *
 *   "MSC2" | metadata length | text length | data length (u32 LE each) | SHA-1 of the rest (20 bytes) | metadata | text | data
 */
const MAGIC = 0x3243534d // "MSC2", little-endian
const HEADER = 36

export interface CacheEntry<Meta> {
  meta: Meta
  /** The entry's text, or `''` for none. */
  text: string
  data: Buffer | undefined
}

export function encodeEntry(meta: unknown, data: Buffer | undefined, text = ''): Buffer {
  const json = Buffer.from(JSON.stringify(meta))
  const textBytes = Buffer.from(text)
  const body = Buffer.concat(data?.length ? [json, textBytes, data] : [json, textBytes])
  const header = Buffer.alloc(HEADER)
  header.writeUInt32LE(MAGIC, 0)
  header.writeUInt32LE(json.length, 4)
  header.writeUInt32LE(textBytes.length, 8)
  header.writeUInt32LE(body.length - json.length - textBytes.length, 12)
  hash('sha1', body, 'buffer').copy(header, 16)
  return Buffer.concat([header, body])
}

/** The entry in `bytes`, or `undefined` when they are not a whole, intact entry. */
export function decodeEntry<Meta>(bytes: Buffer): CacheEntry<Meta> | undefined {
  if (bytes.length < HEADER || bytes.readUInt32LE(0) !== MAGIC) return undefined
  const metaLength = bytes.readUInt32LE(4)
  const textEnd = metaLength + bytes.readUInt32LE(8)
  const dataLength = bytes.readUInt32LE(12)
  if (HEADER + textEnd + dataLength !== bytes.length) return undefined
  const body = bytes.subarray(HEADER)
  if (!hash('sha1', body, 'buffer').equals(bytes.subarray(16, HEADER))) return undefined
  try {
    return {
      meta: JSON.parse(body.toString('utf8', 0, metaLength)) as Meta,
      text: body.toString('utf8', metaLength, textEnd),
      data: dataLength ? body.subarray(textEnd) : undefined,
    }
  } catch {
    return undefined
  }
}
