// Progress for long runs: counts the inputs ahead (files, JSONL lines) and draws a cli-progress bar with
// articles/s and ETA on the stream it is given (stderr). A no-op reporter when the stream is not a terminal.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import cliProgress from 'cli-progress';

export interface ProgressReporter {
  update(done: number, extra?: { events: number }): void;
  stop(): void;
}

const JSONL_EXT = new Set(['.jsonl', '.ndjson']);

/** The number of articles the paths hold (a JSONL file counts its non-blank lines), or null for stdin. */
export async function countInputs(paths: string[]): Promise<number | null> {
  let n = 0;
  for (const path of paths) {
    if (path === '-') return null;
    n += await countPath(path);
  }
  return n;
}

async function countPath(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 1;
  }
  if (info.isDirectory()) {
    let n = 0;
    for (const entry of await readdir(path, { withFileTypes: true }).catch(() => [])) {
      if (!entry.name.startsWith('.')) n += await countPath(join(path, entry.name));
    }
    return n;
  }
  if (!JSONL_EXT.has(extname(path).toLowerCase())) return 1;
  try {
    const text = await readFile(path, 'utf8');
    let lines = 0;
    for (const line of text.split('\n')) if (line.trim()) lines++;
    return lines;
  } catch {
    return 1;
  }
}

/** A bar on `stream` when it is a terminal and not `quiet`; otherwise nothing is drawn. */
export function createProgress(stream: NodeJS.WriteStream, total: number | null, quiet: boolean): ProgressReporter {
  if (quiet || !stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: total === null
        ? ' {value} articles | {speed} articles/s | {events} events'
        : ' {bar} {percentage}% | {value}/{total} articles | {speed} articles/s | ETA {eta_formatted} | {events} events',
      etaBuffer: 200,
      fps: 5,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total ?? 0, 0, { speed: '0', events: 0 });
  return {
    update(done, extra) {
      const secs = (Date.now() - started) / 1000;
      bar.update(done, { speed: secs > 0 ? (done / secs).toFixed(0) : '0', events: extra?.events ?? 0 });
    },
    stop() {
      bar.stop();
    },
  };
}
