/**
 * `npm run lake -- trust`: make browsers trust the lake's self-signed certificate, so the Studio
 * can reach https://localhost:LAKE_PORT (and https://local.localhost:LAKE_PORT) without a warning.
 *
 * What it does where it can:
 * - Debian/Ubuntu system store (curl, Node with --use-openssl-ca, many tools): copies the
 *   certificate to /usr/local/share/ca-certificates and runs update-ca-certificates (needs root);
 * - Chromium/Chrome on Linux read the NSS database in ~/.pki/nssdb: adds the certificate there
 *   with `certutil` (package libnss3-tools) when it is installed.
 * Everything else (macOS, Windows, Firefox profiles, missing root or certutil) is printed as exact
 * steps. The certificate is renewed when it nears expiry (after about 13 months); run trust again.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { homedir, platform } from 'node:os'
import path from 'node:path'
import { ensureCertificate } from '../tls'

const NICKNAME = 'Envoy local lake'
const SYSTEM_DIR = '/usr/local/share/ca-certificates'
const SYSTEM_FILE = path.join(SYSTEM_DIR, 'envoy-lake.crt')

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

export async function runTrust(dir: string): Promise<void> {
  const { certFile } = await ensureCertificate(dir)
  const done: string[] = []
  const todo: string[] = []
  console.log(`The lake's certificate: ${certFile}`)

  if (platform() === 'linux') {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
    if (existsSync(SYSTEM_DIR) && isRoot && has('update-ca-certificates')) {
      copyFileSync(certFile, SYSTEM_FILE)
      execFileSync('update-ca-certificates', [], { stdio: 'ignore' })
      done.push(`Added to the system store (${SYSTEM_FILE}, update-ca-certificates).`)
    } else if (existsSync(SYSTEM_DIR)) {
      todo.push(`System store (Debian/Ubuntu): sudo cp "${certFile}" ${SYSTEM_FILE} && sudo update-ca-certificates`)
    } else {
      todo.push(`System store (Fedora/RHEL): sudo cp "${certFile}" /etc/pki/ca-trust/source/anchors/envoy-lake.crt && sudo update-ca-trust`)
    }
    const nssdb = path.join(homedir(), '.pki', 'nssdb')
    if (has('certutil')) {
      mkdirSync(nssdb, { recursive: true })
      if (!existsSync(path.join(nssdb, 'cert9.db'))) execFileSync('certutil', ['-N', '-d', `sql:${nssdb}`, '--empty-password'], { stdio: 'ignore' })
      spawnSync('certutil', ['-D', '-d', `sql:${nssdb}`, '-n', NICKNAME], { stdio: 'ignore' })
      execFileSync('certutil', ['-A', '-d', `sql:${nssdb}`, '-t', 'P,,', '-n', NICKNAME, '-i', certFile], { stdio: 'ignore' })
      done.push(`Added to Chromium/Chrome's NSS database (${nssdb}) as "${NICKNAME}". Restart the browser.`)
    } else {
      todo.push(
        `Chromium/Chrome: install certutil (sudo apt-get install libnss3-tools) and run this command again, or run:\n` +
          `      certutil -A -d sql:$HOME/.pki/nssdb -t "P,," -n "${NICKNAME}" -i "${certFile}"`,
      )
    }
    todo.push(
      `Firefox: Settings → Privacy & Security → Certificates → View Certificates → Servers → Add Exception… for https://localhost:<LAKE_PORT> and https://local.localhost:<LAKE_PORT>, or import "${certFile}".`,
    )
  } else if (platform() === 'darwin') {
    todo.push(`macOS: sudo security add-trusted-cert -d -r trustAsRoot -k /Library/Keychains/System.keychain "${certFile}"  (then restart the browser)`)
    todo.push(`Firefox: import "${certFile}" under Settings → Privacy & Security → Certificates → View Certificates → Servers.`)
  } else if (platform() === 'win32') {
    todo.push(`Windows (administrator PowerShell): Import-Certificate -FilePath "${certFile}" -CertStoreLocation Cert:\\LocalMachine\\Root`)
  } else {
    todo.push(`Add "${certFile}" to your operating system's or browser's trusted certificates.`)
  }

  for (const line of done) console.log(`✓ ${line}`)
  if (todo.length) {
    console.log('\nStill to do by hand:')
    for (const line of todo) console.log(`  • ${line}`)
  }
  console.log(
    '\nFor a quick try without trusting anything: open https://localhost:<LAKE_PORT>/ping and https://local.localhost:<LAKE_PORT>/ping once in the browser and accept the warning, or start Chromium with --allow-insecure-localhost.',
  )
}
