// The dry run's JSON, written piece by piece: the text JSON.stringify(graph) would give, without
// ever holding it as one string (at 10,000 documents that string is hundreds of megabytes, beyond
// V8's longest string). Each node, relationship and diagnostic is stringified on its own and
// written in chunks that respect the stream's backpressure.
import type { Writable } from 'node:stream';

const CHUNK = 1 << 16;

async function write(out: Writable, text: string): Promise<void> {
  if (out.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      out.off('drain', done);
      out.off('error', done);
      if (err) reject(err);
      else resolve();
    };
    out.once('drain', done);
    out.once('error', done);
  });
}

/** Writes `${JSON.stringify(value)}\n` for an object whose array members may be large. */
export async function writeJsonStreaming(out: Writable, value: object): Promise<void> {
  let buf = '{';
  const flush = async (force = false) => {
    if (buf.length >= CHUNK || (force && buf.length > 0)) {
      const text = buf;
      buf = '';
      await write(out, text);
    }
  };
  let firstKey = true;
  for (const [key, v] of Object.entries(value)) {
    // As JSON.stringify: members that have no JSON form are left out.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    buf += `${firstKey ? '' : ','}${JSON.stringify(key)}:`;
    firstKey = false;
    if (!Array.isArray(v)) {
      buf += JSON.stringify(v);
      await flush();
      continue;
    }
    buf += '[';
    for (let i = 0; i < v.length; i++) {
      // In an array a value with no JSON form becomes null, as JSON.stringify writes it.
      buf += `${i ? ',' : ''}${JSON.stringify(v[i]) ?? 'null'}`;
      await flush();
    }
    buf += ']';
  }
  buf += '}\n';
  await flush(true);
}

/** Writes each line followed by a line feed, in chunks that respect the stream's backpressure. */
export async function writeLinesStreaming(out: Writable, lines: Iterable<string>): Promise<void> {
  let buf = '';
  for (const line of lines) {
    buf += `${line}\n`;
    if (buf.length >= CHUNK) {
      const text = buf;
      buf = '';
      await write(out, text);
    }
  }
  if (buf.length > 0) await write(out, buf);
}
