import { hash } from 'node:crypto'

/**
 * One cache entry on disk: a header, then the metadata (JSON) and the data (V8's code cache, or nothing). The header
 * holds both lengths and a SHA-1 of the rest, so that a truncated file (a process killed mid-write on a file system
 * without atomic rename) or a corrupted one reads as a miss, never as wrong code.
 *
 *   "MSC1" | metadata length (u32 LE) | data length (u32 LE) | SHA-1 of metadata + data (20 bytes) | metadata | data
 */
const MAGIC = 0x3143534d // "MSC1", little-endian
const HEADER = 32

export interface CacheEntry<Meta> {
  meta: Meta
  data: Buffer | undefined
}

export function encodeEntry(meta: unknown, data: Buffer | undefined): Buffer {
  const json = Buffer.from(JSON.stringify(meta))
  const body = data?.length ? Buffer.concat([json, data]) : json
  const header = Buffer.alloc(HEADER)
  header.writeUInt32LE(MAGIC, 0)
  header.writeUInt32LE(json.length, 4)
  header.writeUInt32LE(body.length - json.length, 8)
  hash('sha1', body, 'buffer').copy(header, 12)
  return Buffer.concat([header, body])
}

/** The entry in `bytes`, or `undefined` when they are not a whole, intact entry. */
export function decodeEntry<Meta>(bytes: Buffer): CacheEntry<Meta> | undefined {
  if (bytes.length < HEADER || bytes.readUInt32LE(0) !== MAGIC) return undefined
  const metaLength = bytes.readUInt32LE(4)
  const dataLength = bytes.readUInt32LE(8)
  if (HEADER + metaLength + dataLength !== bytes.length) return undefined
  const body = bytes.subarray(HEADER)
  if (!hash('sha1', body, 'buffer').equals(bytes.subarray(12, HEADER))) return undefined
  try {
    return {
      meta: JSON.parse(body.toString('utf8', 0, metaLength)) as Meta,
      data: dataLength ? body.subarray(metaLength) : undefined,
    }
  } catch {
    return undefined
  }
}
