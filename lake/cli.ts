/**
 * `npm run lake -- <command>`: serve, import, export and manage tokens of the local lake.
 * Run with no arguments (or `help`) to see the usage below. Exit status: 0 on success, 1 when
 * the command failed, 2 on a usage error.
 */
import { parseArgs } from 'node:util'
import path from 'node:path'
import { readLakeEnv } from './env'
import { TokenStore, isTokenRole } from './auth'
import { LakeError } from './errors'
import { isValidDatasetName } from './ids'
import { startLake } from './index'
import { importCheckOf, loadPlugins, type LakePlugin } from './plugin'
import { ListenHub } from './listen'
import { exportArchive, importArchive } from './archive'
import { ImportError, exportFile, exportTo, importFile } from './ndjson'
import type { ImportMode } from './ndjson'
import { Store } from './store'
import { TOKEN_ROLES } from './types'
import { runTrust } from './studio/trust'
import { UserUsageError, runUser } from './studio/userCli'

const USAGE = `Local content lake (Sanity's HTTP API over SQLite)

Usage: npm run lake -- <command> [options]

  serve [--seed FILE] [--seed-dataset NAME]
        Serve the lake (also the default with no command). HTTPS + HTTP/2 on LAKE_PORT,
        plain HTTP on 127.0.0.1:LAKE_HTTP_PORT. --seed imports FILE first when the
        dataset (default production) is empty.
  import FILE.ndjson|FILE.tar.gz [--replace | --missing] [--dataset NAME]
        Import documents (sanity dataset export format). A .tar.gz (or .tgz, .tar) is a
        "sanity dataset export" tarball: its images and files are stored as assets and its
        _sanityAsset placeholders become references to them. Existing documents are an error
        unless --replace (overwrite) or --missing (skip). Nothing is imported if any line is bad.
  export FILE.ndjson|FILE.tar.gz [--assets] [--dataset NAME]
        Export every document (drafts included), one per line. FILE "-" writes to stdout.
        --assets (or a .tar.gz name) writes a "sanity dataset export" tarball with the asset files.
  token create --role viewer|editor|administrator --label NAME
        Create an API token; it is printed once and only its hash is kept.
  token list
  token revoke ID|LABEL
  user add EMAIL --role viewer|editor|administrator [--name NAME] [--password-stdin]
        Add a Studio account. The password is asked for (twice, not echoed) or read from
        the first line of stdin with --password-stdin; only its scrypt hash is stored.
  user list
  user remove EMAIL|ID
        Remove an account and sign out its sessions.
  trust
        Trust the lake's HTTPS certificate in this machine's stores where possible
        (Debian system store, Chromium's NSS database) and print the remaining steps.

Options for every command: --dir DIR (data folder, default LAKE_DIR or .lake)
  --plugin MODULE (repeatable; default LAKE_PLUGINS, comma-separated): behaviour beyond
  Sanity's (lake/plugin.ts), loaded for serve and import.`

class UsageError extends Error {}

type Flags = {
  seed?: string
  'seed-dataset'?: string
  replace?: boolean
  missing?: boolean
  assets?: boolean
  dataset?: string
  role?: string
  label?: string
  name?: string
  'password-stdin'?: boolean
  dir?: string
  plugin?: string[]
  help?: boolean
}

function parse(argv: string[]): { positionals: string[]; flags: Flags } {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        'seed-dataset': { type: 'string' },
        replace: { type: 'boolean' },
        missing: { type: 'boolean' },
        assets: { type: 'boolean' },
        dataset: { type: 'string' },
        role: { type: 'string' },
        label: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        dir: { type: 'string' },
        plugin: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    })
    return { positionals, flags: values as Flags }
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

function datasetFlag(flags: Flags, name: 'dataset' | 'seed-dataset' = 'dataset'): string {
  const dataset = flags[name] ?? 'production'
  if (!isValidDatasetName(dataset)) throw new UsageError(`Invalid dataset name "${dataset}": use lowercase letters, digits, "_" or "-"`)
  return dataset
}

function isTarball(file: string): boolean {
  return /\.(tar\.gz|tgz|tar)$/i.test(file)
}

function dataDir(flags: Flags): string {
  return path.resolve(flags.dir ?? readLakeEnv().LAKE_DIR)
}

const progress = (message: string) => process.stderr.write(`${message}\n`)

/** The plugins named by --plugin, else by LAKE_PLUGINS; none means plain Sanity. */
function pluginsOf(flags: Flags): Promise<LakePlugin[]> {
  const named = flags.plugin?.length ? flags.plugin : (readLakeEnv().LAKE_PLUGINS ?? '').split(',')
  return loadPlugins(named.map((module) => module.trim()).filter(Boolean))
}

async function serve(flags: Flags): Promise<void> {
  const lake = await startLake({ dir: dataDir(flags), seedFile: flags.seed, seedDataset: datasetFlag(flags, 'seed-dataset'), plugins: await pluginsOf(flags) })
  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    console.log(`[lake] ${signal}: closing`)
    lake.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[lake] close failed:', error)
        process.exit(1)
      },
    )
  }
  // groq-js's streams reject an internal promise nobody awaits when evaluation throws (a query
  // stopped by its time budget, lake/limits.ts); the request itself has already been answered
  // with that LakeError. Such orphaned client-facing errors must not end the process; anything
  // else still does, as Node's default would.
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof LakeError) return
    throw reason
  })
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

async function runImport(file: string | undefined, flags: Flags): Promise<void> {
  if (!file) throw new UsageError('import needs a FILE.ndjson')
  if (flags.replace && flags.missing) throw new UsageError('use either --replace or --missing, not both')
  const mode: ImportMode = flags.replace ? 'replace' : flags.missing ? 'missing' : 'create'
  const dataset = datasetFlag(flags)
  const dir = dataDir(flags)
  const checkImport = importCheckOf(await pluginsOf(flags))
  const store = new Store(dir)
  try {
    const started = Date.now()
    const context = { store, hub: new ListenHub(), dir }
    let assets = ''
    let result: { written: number; skipped: number; transactionId: string }
    if (isTarball(file)) {
      const env = readLakeEnv()
      const origin = env.LAKE_PUBLIC_URL ?? `https://${env.LAKE_HOST}:${env.LAKE_PORT}`
      const archive = await importArchive(context, { dataset, file, mode, progress, origin, projectId: 'local', checkImport })
      assets = ` and ${archive.assets} assets`
      result = archive
    } else {
      result = await importFile(context, { dataset, file, mode, progress, checkImport })
    }
    const skipped = result.skipped ? `, skipped ${result.skipped} existing` : ''
    console.log(`Imported ${result.written} documents${assets} into "${dataset}"${skipped} in ${((Date.now() - started) / 1000).toFixed(1)} s (transaction ${result.transactionId})`)
  } finally {
    store.close()
  }
}

async function runExport(file: string | undefined, flags: Flags): Promise<void> {
  if (!file) throw new UsageError('export needs a FILE.ndjson (or - for stdout)')
  const dataset = datasetFlag(flags)
  const dir = dataDir(flags)
  const store = new Store(dir)
  try {
    const documents = store.documents(dataset)
    if (flags.assets || (file !== '-' && isTarball(file))) {
      if (file === '-') throw new UsageError('export --assets writes a tarball: give a FILE.tar.gz')
      const result = await exportArchive(dir, dataset, documents, file)
      console.log(`Exported ${result.documents} documents and ${result.assets} assets from "${dataset}" to ${file}`)
    } else if (file === '-') {
      await exportTo(documents, process.stdout)
    } else {
      const count = await exportFile(documents, file)
      console.log(`Exported ${count} documents from "${dataset}" to ${file}`)
    }
  } finally {
    store.close()
  }
}

function runToken(sub: string | undefined, arg: string | undefined, flags: Flags): void {
  const store = new Store(dataDir(flags))
  const tokens = new TokenStore(store.db)
  try {
    switch (sub) {
      case 'create': {
        if (!isTokenRole(flags.role)) throw new UsageError(`token create needs --role ${TOKEN_ROLES.join('|')}`)
        if (!flags.label) throw new UsageError('token create needs --label NAME')
        const { token, info } = tokens.create(flags.role, flags.label)
        console.error(`Created ${info.role} token "${info.label}" (id ${info.id}). It is shown only this once:`)
        console.log(token)
        return
      }
      case 'list': {
        const list = tokens.list()
        if (list.length === 0) console.log('No tokens.')
        for (const info of list) console.log(`${info.id}  ${info.role.padEnd(13)}  ${info.label}  (created ${info.createdAt})`)
        return
      }
      case 'revoke': {
        if (!arg) throw new UsageError('token revoke needs a token id or label')
        const revoked = tokens.revoke(arg)
        if (!revoked) throw new Error(`No token with id or label "${arg}"`)
        console.log(`Revoked ${revoked.role} token "${revoked.label}" (id ${revoked.id})`)
        return
      }
      default:
        throw new UsageError(`Unknown token command "${sub ?? ''}": use create, list or revoke`)
    }
  } finally {
    store.close()
  }
}

async function main(argv: string[]): Promise<void> {
  const { positionals, flags } = parse(argv)
  const [command = 'serve', ...rest] = positionals
  if (flags.help || command === 'help') {
    console.log(USAGE)
    return
  }
  switch (command) {
    case 'serve':
      return serve(flags)
    case 'import':
      return runImport(rest[0], flags)
    case 'export':
      return runExport(rest[0], flags)
    case 'token':
      return runToken(rest[0], rest[1], flags)
    case 'user':
      try {
        return await runUser(rest[0], rest[1], flags, dataDir(flags))
      } catch (error) {
        if (error instanceof UserUsageError) throw new UsageError(error.message)
        throw error
      }
    case 'trust':
      return runTrust(dataDir(flags))
    default:
      throw new UsageError(`Unknown command "${command}"`)
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`Error: ${error.message}\n\n${USAGE}`)
    process.exit(2)
  }
  if (error instanceof ImportError || error instanceof Error) {
    console.error(`Error: ${error.message}`)
    process.exit(1)
  }
  console.error('Error:', error)
  process.exit(1)
})
