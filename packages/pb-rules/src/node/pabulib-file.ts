/**
 * Node-only helpers: stream a .pb file from disk into the parser with progress callbacks, and write one.
 * The parser itself (src/pabulib) never touches the file system, so the browser can use it too.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { codedError, fail, type Result } from '../errors/catalogue.ts';
import { parsePabulibBytes, parsePabulibChunks } from '../pabulib/parse.ts';
import type { PbInstance } from '../pabulib/types.ts';
import { writePabulib, type WriteOptions } from '../pabulib/write.ts';

export interface ReadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
}

export interface ReadOptions {
  /** Called after each chunk read. */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Bytes per chunk (default 256 KiB). */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
}

/** The file's text as UTF-8 chunks; multi-byte characters split between chunks are decoded correctly. */
export async function* fileTextChunks(path: string, options: ReadOptions = {}): AsyncGenerator<string> {
  const { size } = await stat(path);
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 256 * 1024, ...(options.signal ? { signal: options.signal } : {}) });
  const decoder = new TextDecoder('utf-8');
  let bytesRead = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    bytesRead += chunk.byteLength;
    const text = decoder.decode(chunk, { stream: true });
    options.onProgress?.({ bytesRead, totalBytes: size });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The file's raw bytes in chunks, with progress. */
export async function* fileByteChunks(path: string, options: ReadOptions = {}): AsyncGenerator<Uint8Array> {
  const { size } = await stat(path);
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 256 * 1024, ...(options.signal ? { signal: options.signal } : {}) });
  let bytesRead = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    bytesRead += chunk.byteLength;
    options.onProgress?.({ bytesRead, totalBytes: size });
    yield chunk;
  }
}

/**
 * Reads and parses a .pb file. Without a progress callback the file is read in one call (fastest);
 * with one it is streamed in chunks. Either way the bytes go to the parser undecoded. A missing or
 * unreadable file is a coded error.
 */
export async function readPabulibFile(path: string, options: ReadOptions = {}): Promise<Result<PbInstance>> {
  try {
    if (!options.onProgress && !options.chunkSize) return parsePabulibBytes(await readFile(path, options.signal ? { signal: options.signal } : {}));
    return await parsePabulibChunks(fileByteChunks(path, options));
  } catch (error) {
    const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
    return fail(codedError('PB_READ_FAILED', { path, reason }));
  }
}

export async function writePabulibFile(path: string, pb: PbInstance, options: WriteOptions = {}): Promise<void> {
  await writeFile(path, writePabulib(pb, options), 'utf8');
}

export async function fileSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}
