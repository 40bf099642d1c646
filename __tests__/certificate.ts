import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A self-signed certificate for these names, made by openssl at test time. */
export function makeCertificate(names: { dns?: string[]; ip?: string[] }): {
  key: string
  cert: string
  /** The certificate's file, for NODE_EXTRA_CA_CERTS. */
  certFile: string
} {
  const dir = mkdtempSync(join(tmpdir(), 'simulator-tls-'))
  const keyFile = join(dir, 'key.pem')
  const certFile = join(dir, 'cert.pem')
  const altNames = [
    ...(names.ip ?? []).map(ip => `IP:${ip}`),
    ...(names.dns ?? []).map(dns => `DNS:${dns}`)
  ]
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      `/CN=${names.dns?.[0] ?? names.ip?.[0] ?? 'localhost'}`,
      '-addext',
      `subjectAltName=${altNames.join(',')}`
    ],
    { stdio: 'ignore' }
  )
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile }
}
