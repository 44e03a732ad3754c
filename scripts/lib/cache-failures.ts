/**
 * What went wrong inside the shared cache during a benchmark: varnishncsa (Varnish's own log
 * reader, installed with varnishd) follows the running cache and keeps one line per reader
 * request that failed or was slow, and one per fetch from the portal that failed. A benchmark
 * that counts reader errors can then say which pages they were, whether the cache waited on the
 * portal or answered an error itself, and why a fetch failed (FetchError).
 */
import { spawn } from 'node:child_process'

/** A reader request answered with 5xx or after this long is recorded. */
export const SLOW_READER_S = 20

export type CacheFailures = {
  /** Reader requests: `<status> <seconds> <hit|miss|pass|synth…> <url>`. */
  readers: string[]
  /** Portal fetches: `<status> <seconds> <url> <FetchError>`. */
  fetches: string[]
}

function follow(args: string[], lines: string[]): () => void {
  const child = spawn('varnishncsa', args, { stdio: ['ignore', 'pipe', 'ignore'] })
  let rest = ''
  child.stdout.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString()
    const complete = text.split('\n')
    rest = complete.pop() ?? ''
    lines.push(...complete.filter((line) => line.trim() !== ''))
  })
  child.on('error', () => lines.push('varnishncsa could not be started'))
  return () => child.kill('SIGTERM')
}

/** Starts following the cache in `workDir` (varnishd's -n); `stop` ends it and hands back what it saw. */
export function followCacheFailures(workDir: string): { stop(): Promise<CacheFailures> } {
  const failures: CacheFailures = { readers: [], fetches: [] }
  // %D is in microseconds; Varnish:handling says whether the reader waited on the cache or the portal.
  const stopReaders = follow(['-n', workDir, '-c', '-q', `RespStatus >= 500 or Timestamp:Resp[2] > ${SLOW_READER_S}.0`, '-F', '%s %D %{Varnish:handling}x %U%q'], failures.readers)
  const stopFetches = follow(['-n', workDir, '-b', '-q', 'BerespStatus >= 500 or FetchError', '-F', '%s %D %U%q %{VSL:FetchError}x'], failures.fetches)
  return {
    async stop() {
      // The log is read a moment behind the cache: let the last lines arrive.
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      stopReaders()
      stopFetches()
      const seconds = (line: string) => line.replace(/^(\S+) (\d+)/, (_, status: string, us: string) => `${status} ${(Number(us) / 1e6).toFixed(1)}s`)
      return { readers: failures.readers.map(seconds), fetches: failures.fetches.map(seconds) }
    },
  }
}

/** The lines grouped and counted, most frequent first, for a summary. */
export function countLines(lines: readonly string[], key: (line: string) => string): Array<[string, number]> {
  const counts = new Map<string, number>()
  for (const line of lines) counts.set(key(line), (counts.get(key(line)) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])
}
