export const id = 337;
export const ids = [337];
export const modules = {

/***/ 9337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PollSchedule: () => (/* binding */ PollSchedule)
});

// EXTERNAL MODULE: ./src/status/snapshot.ts
var status_snapshot = __webpack_require__(6336);
;// CONCATENATED MODULE: ./src/wait/backoff.ts
const GROWTH = 2;
const JITTER = 0.1;
/**
 * The pause before the next poll: `interval` doubling up to `max-interval`. Below the
 * cap a ±10% jitter keeps many waiting jobs from polling in step; at the cap the pause
 * is `max-interval` itself, since a shorter one would only cost requests.
 */
function pauseBefore(attempt, intervalMs, maxIntervalMs, random) {
    const base = intervalMs * GROWTH ** Math.min(attempt, 64);
    if (base >= maxIntervalMs)
        return maxIntervalMs;
    const jittered = base * (1 - JITTER + 2 * JITTER * random());
    return Math.round(Math.min(maxIntervalMs, Math.max(intervalMs, jittered)));
}
/** How many looks a plain backoff (no jitter) makes from the first at 0 through `elapsedMs`. */
function backoffLooks(elapsedMs, intervalMs, maxIntervalMs) {
    let looks = 1;
    let at = 0;
    for (let pause = intervalMs; pause < maxIntervalMs; pause *= 2) {
        if (at + pause > elapsedMs)
            return looks;
        at += pause;
        looks++;
    }
    return looks + Math.floor((elapsedMs - at) / maxIntervalMs);
}

// EXTERNAL MODULE: ./src/status/estimate.ts
var status_estimate = __webpack_require__(1146);
;// CONCATENATED MODULE: ./src/wait/forecast.ts
// The rate of progress is read over the last this many percentage points: recent
// enough to follow a step that speeds up or slows down, long enough to be steady.
const RATE_WINDOW = 30;
/**
 * When a step should end, from its progress: a line fitted through the moments each
 * value was first seen, read at 100%, with a margin as wide as the fit is loose. Only
 * a rise is news: a value that stalls or steps back (a flapping service) keeps what
 * was learned.
 */
class ProgressForecast {
    minimumMarginMs;
    samples = [];
    lookedAt;
    constructor(minimumMarginMs) {
        this.minimumMarginMs = minimumMarginMs;
    }
    observe(progress, at) {
        const previous = this.samples.at(-1);
        if (progress !== null && progress < 100 && (!previous || progress > previous.progress)) {
            const from = previous ? (this.lookedAt ?? at) : at;
            this.samples.push({ at: (from + at) / 2, spread: (at - from) / 2, progress });
        }
        this.lookedAt = at;
    }
    /**
     * When the step should reach 100%, the span it may fall in, and how many values the
     * line was fitted through; undefined until it moved.
     */
    expectedEnd() {
        const last = this.samples.at(-1);
        if (!last)
            return undefined;
        // From the last sample at least RATE_WINDOW points back, if there is one.
        let from = this.samples.length - 1;
        while (from > 0 &&
            this.samples[from].progress > last.progress - RATE_WINDOW)
            from--;
        const recent = this.samples.slice(from);
        if (recent.length < 2)
            return undefined;
        // Least squares of time on progress.
        const n = recent.length;
        const meanP = recent.reduce((sum, s) => sum + s.progress, 0) / n;
        const meanT = recent.reduce((sum, s) => sum + s.at, 0) / n;
        const spreadP = recent.reduce((sum, s) => sum + (s.progress - meanP) ** 2, 0);
        if (spreadP === 0)
            return undefined;
        const msPerPoint = recent.reduce((sum, s) => sum + (s.progress - meanP) * (s.at - meanT), 0) / spreadP;
        if (!(msPerPoint > 0))
            return undefined;
        const fitted = (p) => meanT + (p - meanP) * msPerPoint;
        const worst = Math.max(...recent.map(s => Math.abs(s.at - fitted(s.progress)) + s.spread));
        const at = Math.max(last.at, fitted(100));
        const margin = Math.max(this.minimumMarginMs, worst);
        return { at, from: at - margin, to: at + margin, basis: recent.length };
    }
}

;// CONCATENATED MODULE: ./src/wait/schedule.ts




// Without progress, while the last step is inside the span its estimate gives, its end
// may come at any look: look twice as often.
const DUE_PACE = 1 / 2;
// Inside the span where a forecast puts the end, look about this many times.
const LOOKS_PER_FORECAST = 16;
// Looks shorter than max-interval are spent only while the wait has made at most this
// many times the looks of a plain backoff from interval to max-interval by then.
const SPARE_LOOKS = 1.2;
// A forecast is held against the step's end only when fitted through this many values.
const JUDGED_BASIS = 4;
// States a wait remembers, to tell news from a state that comes back.
const STATES_REMEMBERED = 100;
/**
 * When to look next. The pause is `max-interval` unless the end may be near; pauses
 * shorter than that are spent within a budget (SPARE_LOOKS):
 * - nothing known yet, or a status without steps to read: back off from `interval`,
 *   starting again when a state never seen in this wait appears (a state that comes
 *   back, as a flapping one does, is no news);
 * - a step before the last one under way: the end is a step away;
 * - the last step under way with progress: look about LOOKS_PER_FORECAST times across
 *   the span where its progress puts its end, once a step before ended where its own
 *   progress said and none ended elsewhere; a forecast that missed is not tried again
 *   for that step;
 * - the last step under way without progress: look twice as often inside the span its
 *   estimate gives, while no step before broke its own estimate;
 * - every step complete but the offer status not final: back off from `interval`.
 */
class PollSchedule {
    intervalMs;
    maxIntervalMs;
    random;
    phase = 'unknown';
    startedAt;
    lookedAt;
    looks = 0;
    attempt = 0;
    finishing = 0;
    seen = new Set();
    watch;
    progressMissed = false;
    progressHit = false;
    estimatesKeptTheirWord = true;
    constructor(intervalMs, maxIntervalMs, random) {
        this.intervalMs = intervalMs;
        this.maxIntervalMs = maxIntervalMs;
        this.random = random;
    }
    /** Learns from a status read at `at`. */
    observe(snapshot, at) {
        const step = (0,status_snapshot/* currentStep */.S)(snapshot);
        const last = snapshot.steps.at(-1);
        this.follow(step?.id, step?.progress ?? null, step?.estimatedTimeFrame ?? '', at);
        const state = [snapshot.status, step?.id, step?.status].join('\n').toLowerCase();
        // Bounded: a service that names a new state at every look is news no more.
        const news = !this.seen.has(state) && this.seen.size < STATES_REMEMBERED;
        if (news)
            this.seen.add(state);
        if (last && !step)
            this.phase = 'finishing';
        else if (step && step !== last && this.watch?.estimate)
            this.phase = 'far';
        else if (step && step === last && (step.progress !== null || this.watch?.estimate))
            this.phase = 'last step';
        else {
            this.phase = 'unknown';
            if (news)
                this.attempt = 0;
        }
        this.lookedAt = at;
    }
    /** The pause before the next look, from `now`, just after a look. */
    next(now) {
        this.startedAt ??= now;
        this.looks++;
        const pause = this.wanted(now);
        return pause < this.maxIntervalMs ? this.affordable(now, pause) : pause;
    }
    /** Keeps watching the current step, and judges the one that just ended. */
    follow(id, progress, estimate, at) {
        const watch = this.watch;
        if (watch && watch.id !== id) {
            // The step ended between the last look that saw it and this one.
            const end = { from: watch.lastSeen, to: at };
            // Judged only on a line through a few values, and missed only by more than a
            // look's spacing: a coarse view of a short step is no evidence.
            const expected = watch.expected;
            const slack = this.maxIntervalMs;
            if (expected && expected.basis >= JUDGED_BASIS) {
                if (!overlaps(widened(expected, slack), end))
                    this.progressMissed = true;
                else
                    this.progressHit = true;
            }
            const started = this.startedAt !== undefined && watch.lookBefore >= this.startedAt;
            if (started && watch.estimate) {
                const longest = end.to - watch.lookBefore;
                const shortest = end.from - watch.since;
                if (longest + 2 * slack < watch.estimate.from || shortest - 2 * slack > watch.estimate.to)
                    this.estimatesKeptTheirWord = false;
            }
            this.watch = undefined;
        }
        if (id === undefined)
            return;
        this.watch ??= {
            id,
            lookBefore: this.lookedAt ?? -Infinity,
            since: at,
            lastSeen: at,
            estimate: (0,status_estimate/* estimateWindowMs */.R)(estimate),
            overdue: 0,
            forecast: new ProgressForecast(2 * this.intervalMs)
        };
        this.watch.lastSeen = at;
        this.watch.forecast.observe(progress, at);
        const expected = this.watch.forecast.expectedEnd();
        // A forecast whose span has passed missed; it is not tried again for this step.
        if (this.watch.expected && this.watch.expected.to < at)
            this.watch.missed = true;
        if (!this.watch.missed)
            this.watch.expected = expected;
    }
    wanted(now) {
        switch (this.phase) {
            case 'unknown':
                return this.backoff(this.attempt++);
            case 'far':
                return this.maxIntervalMs;
            case 'finishing':
                return this.backoff(this.finishing++);
            case 'last step':
                return this.lastStepPause(now);
        }
    }
    lastStepPause(now) {
        const watch = this.watch;
        const expected = watch.expected;
        if (expected && !watch.missed && this.progressTrusted()) {
            if (now < expected.from)
                return this.clamp(expected.from - now);
            if (now < expected.to)
                return this.clamp((expected.to - expected.from) / LOOKS_PER_FORECAST);
        }
        // Just past a span that missed, the end is most likely a little late: back off.
        const width = expected ? expected.to - expected.from : 0;
        if (expected && this.progressTrusted() && now < expected.to + 2 * width)
            return this.backoff(watch.overdue++);
        const inStep = now - watch.since;
        const estimate = watch.estimate;
        const due = !expected &&
            estimate &&
            this.estimatesKeptTheirWord &&
            estimate.from > 0 &&
            inStep >= estimate.from &&
            inStep <= estimate.to;
        return due ? this.clamp(this.maxIntervalMs * DUE_PACE) : this.maxIntervalMs;
    }
    /** Progress is followed once a step ended where its progress said, never after one
     *  ended elsewhere: a service whose progress stalls or jumps costs no looks. */
    progressTrusted() {
        return this.progressHit && !this.progressMissed;
    }
    clamp(ms) {
        return Math.round(Math.min(this.maxIntervalMs, Math.max(this.intervalMs, ms)));
    }
    /** The pause, lengthened if needed so that the looks stay within the budget. */
    affordable(now, pause) {
        const fits = (ms) => this.looks + 1 <=
            SPARE_LOOKS *
                backoffLooks(now + ms - this.startedAt, this.intervalMs, this.maxIntervalMs);
        if (fits(pause))
            return pause;
        let low = pause;
        let high = this.maxIntervalMs;
        while (high - low > 1_000) {
            const middle = (low + high) / 2;
            if (fits(middle))
                high = middle;
            else
                low = middle;
        }
        return Math.round(high);
    }
    backoff(attempt) {
        return pauseBefore(attempt, this.intervalMs, this.maxIntervalMs, this.random);
    }
}
function widened(span, by) {
    return { from: span.from - by, to: span.to + by };
}
function overlaps(a, b) {
    return a.from <= b.to && b.from <= a.to;
}


/***/ })

};
