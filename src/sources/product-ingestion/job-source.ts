import { quote } from '../../http/policy.js'
import type { Look, StatusSource } from '../../status/source.js'
import type { ApiConnection } from '../contract.js'
import { getJsonObject, type ServiceWords } from '../get-json.js'
import { readJobStatus } from './read-job-status.js'
import { apiUrl, wordsFor } from './request.js'

/** A configure job: `GET /configure/{jobId}/status`. */
export class JobStatusSource implements StatusSource {
  private readonly url: string
  private readonly words: ServiceWords

  constructor(
    private readonly connection: ApiConnection,
    private readonly jobId: string
  ) {
    this.url = apiUrl(connection, `configure/${encodeURIComponent(jobId)}/status`)
    this.words = wordsFor(
      `the service knows no configure job ${quote(jobId)}; give the jobId that POST /configure answered`
    )
  }

  async look(signal?: AbortSignal): Promise<Look> {
    const answer = await getJsonObject(
      this.connection,
      this.url,
      this.words,
      'a job status',
      signal
    )
    if (answer.kind !== 'ok') return answer
    return { kind: 'ok', snapshot: readJobStatus(answer.object, this.jobId) }
  }
}
