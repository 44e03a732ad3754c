/**
 * `npm run lake -- user add|list|remove`: local Studio accounts.
 *
 *   user add EMAIL --role editor [--name NAME] [--password-stdin]
 *
 * The password is read from an interactive prompt (asked twice, not echoed) or, with
 * --password-stdin, from the first line of standard input (for scripts). It is never printed or
 * logged; only its scrypt hash is stored.
 */
import { createInterface } from 'node:readline'
import { AccountStore, MIN_PASSWORD_LENGTH, isRole } from '../accounts'
import { openDatabase } from '../db'
import { TOKEN_ROLES } from '../types'

export class UserUsageError extends Error {}

export type UserFlags = { role?: string; name?: string; 'password-stdin'?: boolean }

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!process.stdin.isTTY) {
      reject(new UserUsageError('No terminal to ask for a password: pipe it in with --password-stdin'))
      return
    }
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
    const output = rl as unknown as { _writeToOutput: (text: string) => void; output: NodeJS.WriteStream }
    let prompted = false
    output._writeToOutput = (text: string) => {
      // Print the question once; swallow the echo of typed characters.
      if (!prompted) {
        prompted = true
        process.stderr.write(text)
      }
    }
    rl.question(question, (answer) => {
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    })
  })
}

export async function runUser(sub: string | undefined, arg: string | undefined, flags: UserFlags, dir: string): Promise<void> {
  const db = openDatabase(dir)
  const accounts = new AccountStore(db)
  try {
    switch (sub) {
      case 'add': {
        if (!arg) throw new UserUsageError('user add needs an EMAIL')
        if (!isRole(flags.role)) throw new UserUsageError(`user add needs --role ${TOKEN_ROLES.join('|')}`)
        let password: string
        if (flags['password-stdin']) {
          password = await readStdinLine()
        } else {
          password = await promptHidden(`Password for ${arg} (at least ${MIN_PASSWORD_LENGTH} characters): `)
          const again = await promptHidden('Repeat the password: ')
          if (again !== password) throw new Error('The passwords differ; nothing was changed')
        }
        const user = await accounts.addUser({ email: arg, password, role: flags.role, name: flags.name })
        console.log(`Added ${user.role} ${user.email} ("${user.name}", id ${user.id}). They sign in from the Studio's login screen.`)
        return
      }
      case 'list': {
        const users = accounts.list()
        if (users.length === 0) console.log('No users. Add one with: npm run lake -- user add EMAIL --role editor')
        for (const user of users) console.log(`${user.id}  ${user.role.padEnd(13)}  ${user.email}  "${user.name}"  (added ${user.createdAt})`)
        return
      }
      case 'remove': {
        if (!arg) throw new UserUsageError('user remove needs an EMAIL or user id')
        const removed = accounts.remove(arg)
        if (!removed) throw new Error(`No user with email or id "${arg}"`)
        console.log(`Removed ${removed.role} ${removed.email} (id ${removed.id}); their sessions are signed out`)
        return
      }
      default:
        throw new UserUsageError(`Unknown user command "${sub ?? ''}": use add, list or remove`)
    }
  } finally {
    db.close()
  }
}
