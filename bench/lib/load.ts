// One HTTP load run with autocannon, in its own process so that the load generator never shares
// an event loop with the server it measures. Input: a JSON LoadSpec as argv[2]; output: one JSON
// LoadResult line on stdout.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadSpec {
  url: string;
  /** Request bodies (JSON strings), sent round robin. */
  bodies: string[];
  connections: number;
  /** Total requests (bounded runs; the time bound below stops a slow server). */
  amount: number;
  timeoutSec: number;
  maxSeconds: number;
}

export interface LoadResult {
  requests: number;
  errors: number; // connection errors and timeouts
  non2xx: number;
  graphqlErrors: number; // 200 responses whose body carries `errors`
  emptyAnswers: number; // 200 responses whose data is null or empty (a question with no answer)
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  rps: number;
  meanBytes: number;
  firstError?: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  let next = 0;
  const times: number[] = [];
  let graphqlErrors = 0;
  let emptyAnswers = 0;
  let bytes = 0;
  let firstError: string | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        amount: spec.amount,
        duration: spec.maxSeconds,
        timeout: spec.timeoutSec,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: spec.bodies[next++ % spec.bodies.length] }),
            onResponse: (status: number, body: string) => {
              bytes += Buffer.byteLength(body);
              if (status !== 200) return;
              if (body.includes('"errors"')) {
                graphqlErrors++;
                firstError ??= body.slice(0, 300);
              } else if (/^\{"data":(null|\[\]|\{"[^"]+":(null|\[\])\})\}$/.test(body)) emptyAnswers++;
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const n = times.length;
  return {
    requests: n,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    emptyAnswers,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    mean: n ? times.reduce((a, b) => a + b, 0) / n : NaN,
    max: n ? times[n - 1]! : NaN,
    rps: result.requests.average,
    meanBytes: n ? bytes / n : 0,
    firstError,
  };
}

/** Runs one load in a child process and returns its result. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with code ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2]) {
  run(JSON.parse(process.argv[2]) as LoadSpec)
    .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
