/**
 * The secrets of this run: each is masked in the runner's log as soon as it is known,
 * and cut out of any text we repeat (a server may echo what it was sent, and the job
 * summary and outputs are not masked by the runner).
 */
export class Secrets {
  private readonly values = new Set<string>()

  constructor(private readonly mask: (secret: string) => void) {}

  readonly add = (value: string): void => {
    const secret = value.trim()
    if (!secret || this.values.has(secret)) return
    this.values.add(secret)
    this.mask(secret)
  }

  readonly redact = (text: string): string => {
    let clean = text
    for (const secret of this.values) clean = clean.split(secret).join('***')
    return clean
  }
}
