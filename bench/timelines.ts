// Seeded publish timelines for the polling bench, in virtual time. Each tells what the
// service answers at any moment and when the end of the publish becomes visible.
import type { Look } from '../src/status/source.js'
import { readOfferStatus } from '../src/sources/cloud-partner-portal/read-offer-status.js'
import { readJobStatus } from '../src/sources/product-ingestion/read-job-status.js'
import { readSubmissions } from '../src/sources/product-ingestion/read-submissions.js'
import { seeded } from '../scripts/seeded-random.js'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export interface Timeline {
  seed: number
  /** What sets it apart, for figures by kind. */
  kind: string
  /** When a look first sees the end: the end itself, or the end of an outage hiding it. */
  visibleAt: number
  /** A fresh service for one schedule's run: what it answers at `t`. */
  service(): (t: number) => Look
}

export interface Model {
  name: string
  /** The API whose status the timelines speak, and the interval the action uses there. */
  api: 'Cloud Partner Portal' | 'Product Ingestion'
  intervalMs: number
  /** The status that ends the wait. */
  target: string
  make(seed: number): Timeline
}

/** The reference's steps and estimates; days are read as hours, so publishes last hours. */
const STEPS: [string, string, number, number][] = [
  ['displaydummycertify', '< 15 min', 3 * MINUTE, 15 * MINUTE],
  ['displaycertify', '~2-3 hours', 2 * HOUR, 3 * HOUR], // ~2-3 days
  ['displayprovision', '< 1 hour', 10 * MINUTE, 1 * HOUR], // < 1 day
  ['displaypackage', '< 1 hour', 10 * MINUTE, 1 * HOUR],
  ['publisher-signoff', '< 1 hour', 5 * MINUTE, 1 * HOUR],
  ['live', '~2-5 hours', 2 * HOUR, 5 * HOUR] // ~2-5 days
]

type Progress = 'smooth' | 'none' | 'jumps' | 'stall'

interface Step {
  id: string
  estimate: string
  start: number
  end: number
  progress: Progress
  /** smooth: the exponent of its curve; jumps: when each jump lands (share of the step). */
  curve: number
  jumps: number[]
  /** stall: the share of the step by which it reaches `stallAt`, where it stays. */
  stallAt: number
  /** Waiting for approval from `start` until this moment; progress counts from here. */
  approvedAt: number
}

interface Outage {
  from: number
  to: number
  kind: '503' | '429'
}

interface CloudPartnerPortalPublish {
  seed: number
  steps: Step[]
  lastStepEnd: number
  doneAt: number
  /** Independent blips: 3% 429s and 10% 503s at any look. */
  blips: boolean
  outages: Outage[]
  /** Flapping: which value flaps, and the length of each segment of time. */
  flaps?: { what: 'offer' | 'step'; segmentMs: number }
}

const between = (random: () => number, low: number, high: number) => low + random() * (high - low)
const logBetween = (random: () => number, low: number, high: number) =>
  low * (high / low) ** random()
const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)] as T

/** When the end shows: the end, or the end of the outage that hides it. */
function visible(at: number, outages: Outage[]): number {
  let seen = at
  for (const outage of [...outages].sort((a, b) => a.from - b.from))
    if (seen >= outage.from && seen < outage.to) seen = outage.to
  return seen
}

function progressOf(step: Step, t: number): number {
  const share = (t - step.approvedAt) / (step.end - step.approvedAt)
  switch (step.progress) {
    case 'none':
      return 0
    case 'smooth':
      return Math.floor(share ** step.curve * 20) * 5 // the service moves in 5% steps
    case 'jumps':
      return Math.min(99, step.jumps.filter(at => at <= share).length * 17)
    case 'stall':
      return share >= step.curve ? step.stallAt : Math.floor((share / step.curve) * step.stallAt)
  }
}

function isOutage(outages: Outage[], t: number): Outage | undefined {
  return outages.find(outage => t >= outage.from && t < outage.to)
}

/** The Cloud Partner Portal's status at `t`, faults included. */
function cloudPartnerPortalService(publish: CloudPartnerPortalPublish): () => (t: number) => Look {
  return () => {
    const random = seeded(publish.seed * 7 + 1)
    // A throttled service refuses every request until the time its Retry-After named.
    let throttledUntil = 0
    return t => {
      if (t < throttledUntil)
        return { kind: 'transient', problem: '429', retryAfterMs: throttledUntil - t }
      const outage = isOutage(publish.outages, t)
      if (outage?.kind === '503') return { kind: 'transient', problem: '503' }
      if (outage?.kind === '429')
        return { kind: 'transient', problem: '429', retryAfterMs: between(random, 1, 10) * MINUTE }
      if (publish.blips) {
        const roll = random()
        if (roll < 0.03) {
          throttledUntil = t + between(random, 30, 120) * 1000
          return { kind: 'transient', problem: '429', retryAfterMs: throttledUntil - t }
        }
        if (roll < 0.13) return { kind: 'transient', problem: '503' }
      }
      // Flapping: in every other segment of time the value reads otherwise.
      const flapped =
        publish.flaps !== undefined && Math.floor(t / publish.flaps.segmentMs) % 2 === 1
      const steps = publish.steps.map(step => {
        const fixed = { id: step.id, estimatedTimeFrame: step.estimate }
        if (t >= step.end) return { ...fixed, status: 'complete', progressPercentage: 100 }
        if (t < step.start) return { ...fixed, status: 'notStarted', progressPercentage: 0 }
        if (t < step.approvedAt)
          return { ...fixed, status: 'waitingForPublisherReview', progressPercentage: 0 }
        const status =
          flapped && publish.flaps?.what === 'step' ? 'waitingForApproval' : 'inProgress'
        return { ...fixed, status, progressPercentage: progressOf(step, t) }
      })
      const waiting = publish.steps.some(step => t >= step.start && t < step.approvedAt)
      const status =
        t >= publish.doneAt
          ? 'succeeded'
          : waiting
            ? 'waitingForPublisherReview'
            : flapped && publish.flaps?.what === 'offer'
              ? 'notStarted'
              : 'running'
      return { kind: 'ok', snapshot: readOfferStatus({ status, steps }) }
    }
  }
}

function timelineOf(publish: CloudPartnerPortalPublish): Timeline {
  const last = publish.steps.at(-1) as Step
  return {
    seed: publish.seed,
    kind: last.progress,
    visibleAt: visible(publish.doneAt, publish.outages),
    service: cloudPartnerPortalService(publish)
  }
}

/**
 * The model the schedule was first built on: steps end inside their estimates, three
 * quarters of them report smooth 5% progress, faults are independent blips, and the offer
 * succeeds the instant its last step completes.
 */
export const referenceModel: Model = {
  name: 'reference',
  api: 'Cloud Partner Portal',
  intervalMs: 30_000,
  target: 'Succeeded',
  make(seed) {
    const random = seeded(seed)
    let at = random() * 2 * MINUTE
    const steps = STEPS.map(([id, estimate, shortest, longest]): Step => {
      const start = at
      at += between(random, shortest, longest)
      return {
        id,
        estimate,
        start,
        end: at,
        progress: 'smooth',
        curve: between(random, 0.7, 1.4),
        jumps: [],
        stallAt: 0,
        approvedAt: start
      }
    })
    const progress: Progress = random() < 0.25 ? 'none' : 'smooth'
    for (const step of steps) step.progress = progress
    return timelineOf({
      seed,
      steps,
      lastStepEnd: at,
      doneAt: at,
      blips: random() < 0.3,
      outages: []
    })
  }
}

/**
 * Timelines built on other assumptions: steps last 0.1x to 10x their estimate; the
 * last step's progress is smooth, absent until the end, irregular jumps, or a rush to
 * 90-99% and a stall there; the sign-off step may wait for approval for hours to days;
 * a third of offers flap their status or their step's; half meet outages of 20 minutes
 * to 8 hours (503s, or 429s with a Retry-After of minutes); half end some minutes after
 * the last step completes.
 */
export const adverseModel: Model = {
  name: 'adverse',
  api: 'Cloud Partner Portal',
  intervalMs: 30_000,
  target: 'Succeeded',
  make(seed) {
    const random = seeded(seed + 1_000_000)
    const progress = pick(random, ['smooth', 'none', 'jumps', 'stall'] as const)
    const approval = random() < 0.4 ? logBetween(random, HOUR, 3 * DAY) : 0
    let at = random() * 2 * MINUTE
    const steps = STEPS.map(([id, estimate, shortest, longest]): Step => {
      const start = at
      const approvedAt = id === 'publisher-signoff' ? start + approval : start
      const duration = ((shortest + longest) / 2) * logBetween(random, 0.1, 10)
      at = approvedAt + duration
      const jumps = Array.from({ length: 5 }, () => random()).sort((a, b) => a - b)
      return {
        id,
        estimate,
        start,
        end: at,
        progress,
        curve: progress === 'stall' ? between(random, 0.1, 0.4) : between(random, 0.7, 1.4),
        jumps,
        stallAt: 90 + Math.floor(random() * 10),
        approvedAt
      }
    })
    const lastStepEnd = at
    const doneAt = random() < 0.5 ? at : at + between(random, 0, 30) * MINUTE
    const outages: Outage[] = []
    if (random() < 0.5) {
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        const from = random() * doneAt
        outages.push({
          from,
          to: from + logBetween(random, 20 * MINUTE, 8 * HOUR),
          kind: random() < 0.5 ? '503' : '429'
        })
      }
    }
    const flaps =
      random() < 1 / 3
        ? {
            what: pick(random, ['offer', 'step'] as const),
            segmentMs: logBetween(random, MINUTE, 30 * MINUTE)
          }
        : undefined
    return timelineOf({
      seed,
      steps,
      lastStepEnd,
      doneAt,
      blips: random() < 0.3,
      outages,
      flaps
    })
  }
}

/**
 * A Product Ingestion API wait: queued until `queued`, running until `done`, then
 * completed and succeeded; `answer` reads the service's body for a status and result.
 */
function ingestionTimeline(
  seed: number,
  { queued, done }: { queued: number; done: number },
  answer: (status: string, result: string) => Look,
  outages: Outage[]
): Timeline {
  return {
    seed,
    kind: outages.length ? 'outage' : 'plain',
    visibleAt: visible(done, outages),
    service: () => {
      const random = seeded(seed * 7 + 1)
      return t => {
        const outage = isOutage(outages, t)
        if (outage?.kind === '503') return { kind: 'transient', problem: '503' }
        if (outage?.kind === '429')
          return { kind: 'transient', problem: '429', retryAfterMs: between(random, 1, 5) * MINUTE }
        if (t < queued) return answer('notStarted', 'pending')
        return t < done ? answer('running', 'pending') : answer('completed', 'succeeded')
      }
    }
  }
}

function someOutages(random: () => number, until: number): Outage[] {
  if (random() >= 0.3) return []
  const from = random() * until
  return [
    {
      from,
      to: from + logBetween(random, 20 * MINUTE, 4 * HOUR),
      kind: random() < 0.5 ? '503' : '429'
    }
  ]
}

/** Configure jobs: queued for seconds to minutes, running for minutes to hours. */
export const ingestionJobModel: Model = {
  name: 'configure jobs',
  api: 'Product Ingestion',
  intervalMs: MINUTE,
  target: 'Succeeded',
  make(seed) {
    const random = seeded(seed + 2_000_000)
    const queued = logBetween(random, 5_000, 20 * MINUTE)
    const done = queued + logBetween(random, MINUTE, 6 * HOUR)
    return ingestionTimeline(
      seed,
      { queued, done },
      (jobStatus, jobResult) => ({
        kind: 'ok',
        snapshot: readJobStatus({ jobId: 'j', jobStatus, jobResult }, 'j')
      }),
      someOutages(random, done)
    )
  }
}

/** A submission to preview through certification: hours to days. */
export const ingestionSubmissionModel: Model = {
  name: 'submissions to preview',
  api: 'Product Ingestion',
  intervalMs: MINUTE,
  target: 'WaitingForPublisherReview',
  make(seed) {
    const random = seeded(seed + 3_000_000)
    const queued = logBetween(random, MINUTE, 30 * MINUTE)
    const done = queued + logBetween(random, 2 * HOUR, 4 * DAY)
    return ingestionTimeline(
      seed,
      { queued, done },
      (status, result) => {
        const submission = { id: 'submission/1', target: { targetType: 'preview' }, status, result }
        return { kind: 'ok', snapshot: readSubmissions({ value: [submission] }, 'product/1') }
      },
      someOutages(random, done)
    )
  }
}
