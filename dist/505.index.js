export const id = 505;
export const ids = [505];
export const modules = {

/***/ 1505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CheckRun: () => (/* binding */ CheckRun)
});

// EXTERNAL MODULE: ./src/http/http-session.ts
var http_session = __webpack_require__(1331);
// EXTERNAL MODULE: ./src/status/result.ts
var result = __webpack_require__(5161);
// EXTERNAL MODULE: ./src/runner/signals.ts
var signals = __webpack_require__(715);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/utc-time.ts
var utc_time = __webpack_require__(3391);
// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/status/snapshot.ts
var snapshot = __webpack_require__(6336);
;// CONCATENATED MODULE: ./src/report/check-run-title.ts
// What a check run says in one line, and its conclusion.


/** The conclusion GitHub shows for an outcome. */
function conclusionOf(outcome, failOnTimeout) {
    switch (outcome) {
        case 'success':
            return 'success';
        case 'timeout':
            return failOnTimeout ? 'timed_out' : 'neutral';
        case 'cancelled':
            return 'cancelled';
        case 'handed-off':
            return 'neutral';
        default:
            return 'failure';
    }
}
/** One line for several: how many have ended, and how. */
function overviewTitle(states) {
    const ended = states.filter(state => state.outcome !== 'waiting');
    const counts = new Map();
    for (const state of states)
        counts.set(state.outcome, (counts.get(state.outcome) ?? 0) + 1);
    const parts = [...counts].map(([outcome, count]) => `${count} ${outcome}`).join(', ');
    return `${ended.length} of ${states.length} ended: ${parts}`;
}
/** One line for the checks list: the outcome, or where publishing is now. */
function checkTitle(state) {
    const status = state.snapshot?.status || 'no status yet';
    switch (state.outcome) {
        case 'waiting':
        case 'handed-off': {
            const step = state.snapshot && (0,snapshot/* currentStep */.S)(state.snapshot);
            const progress = step?.progress ? ` ${step.progress}%` : '';
            return step ? `${status} · ${step.name}: ${step.status}${progress}` : status;
        }
        case 'success':
            return `${status} after ${(0,duration/* formatDuration */.a)(state.endedAt - state.startedAt)}`;
        case 'failure':
            return `Publishing failed: ${state.reason}`;
        case 'timeout':
            return `Timed out: ${status} after ${(0,duration/* formatDuration */.a)(state.endedAt - state.startedAt)}`;
        case 'cancelled':
            return `Cancelled while ${status}`;
        default:
            return `Error: ${state.reason}`;
    }
}

// EXTERNAL MODULE: ./src/report/summary.ts + 5 modules
var summary = __webpack_require__(6207);
;// CONCATENATED MODULE: ./src/report/check-run.ts







// Fewer writes than polls: the checks API is rate limited and a person reads it.
const UPDATE_EVERY_MS = 60_000;
class CheckRun {
    options;
    id;
    queue = Promise.resolve();
    pendingUpdate;
    sentAt = Number.NEGATIVE_INFINITY;
    sentChanges = -1;
    // No update is sent before this: GitHub rate-limited one, and the next carries it.
    quietUntil = Number.NEGATIVE_INFINITY;
    disabled = false;
    warned = false;
    // Stops every call under way once the time left for GitHub has run out.
    stopper = new AbortController();
    endBy;
    constructor(options) {
        this.options = options;
        this.id = options.id;
        this.endBy = options.endBy;
        if (options.id !== undefined)
            return;
        const fields = {
            ...this.fields(),
            started_at: (0,utc_time/* isoTime */.L)(options.step.startedAt),
            details_url: options.step.runUrl,
            ...(options.externalId && { external_id: options.externalId })
        };
        this.enqueue('created', async () => {
            this.id = await options.checks.create(options.step.checkName ?? '', options.headSha, fields, this.call());
        });
    }
    /** Sees every look once its result has it; updates when something changed and a minute has passed. */
    seen = (look, at) => {
        if (look.kind !== 'ok')
            return;
        const total = this.options.results.reduce((sum, result) => sum + result.changeCount, 0);
        if (total === this.sentChanges || at - this.sentAt < UPDATE_EVERY_MS || at < this.quietUntil)
            return;
        this.sentAt = at;
        this.sentChanges = total;
        // One update waits at most: a newer one takes its place, and says all there is.
        const waiting = this.pendingUpdate !== undefined;
        this.pendingUpdate = this.fields();
        if (waiting)
            return;
        this.enqueue('updated', async () => {
            const fields = this.pendingUpdate;
            this.pendingUpdate = undefined;
            if (this.id === undefined || !fields)
                return;
            try {
                await this.options.checks.update(this.id, fields, { ...this.call(), rateLimitEnds: true });
            }
            catch (error) {
                // A rate limit on an update in passing: a later update says all of it.
                if (!(error instanceof http_session/* RequestError */.GI && error.rateLimited))
                    throw error;
                this.quietUntil = this.options.now() + (error.retryAfterMs ?? UPDATE_EVERY_MS);
                this.sentChanges = -1;
            }
        });
    };
    /**
     * Resolves once the check run exists (or cannot), at `endBy`, or on cancellation: its
     * id is an output, but waiting for GitHub must never hold the step up for long.
     */
    async created(endBy, cancelled) {
        const ms = endBy - this.options.now();
        let timer;
        let onAbort;
        await Promise.race([
            this.queue,
            new Promise(resolve => {
                timer = setTimeout(resolve, Math.max(0, ms));
                onAbort = () => resolve();
                if (cancelled?.aborted)
                    resolve();
                cancelled?.addEventListener('abort', onAbort, { once: true });
            })
        ]);
        clearTimeout(timer);
        if (onAbort)
            cancelled?.removeEventListener('abort', onAbort);
    }
    /**
     * The last word, once the wait has ended or gone on in the next run: completed with
     * the outcome, or still in progress when `handedOn`. Resolves when GitHub has it,
     * gave up, or `endBy` has come (a cancelled job's: a moment); then every call stops.
     */
    async complete(endBy, handedOn, cancelled) {
        const { results, now } = this.options;
        this.endBy = () => endBy;
        const worst = (0,result/* worstOf */.hm)(results.map(result => result.outcome));
        const fields = handedOn
            ? {
                ...this.fields(),
                ...(this.options.handedOnId && { external_id: this.options.handedOnId })
            }
            : {
                ...this.fields(),
                status: 'completed',
                conclusion: conclusionOf(worst, this.options.step.failOnTimeout),
                completed_at: (0,utc_time/* isoTime */.L)(Math.max(...results.map(r => r.endedAt)))
            };
        this.enqueue(handedOn ? 'updated' : 'completed', async () => {
            if (this.id !== undefined)
                await this.options.checks.update(this.id, fields, this.call());
        });
        const quick = worst === 'cancelled' || cancelled?.aborted === true;
        const timeLeft = () => (quick ? Math.min(endBy, now() + signals/* CANCELLED_GRACE_MS */.IF) : endBy) - now();
        let timer;
        const outOfTime = new Promise(resolve => {
            const arm = () => {
                clearTimeout(timer);
                timer = setTimeout(() => resolve('out of time'), Math.max(0, timeLeft()));
            };
            arm();
            // A cancelled job is killed within seconds: then the check run gets a moment only.
            cancelled?.addEventListener('abort', arm, { once: true });
        });
        const race = await Promise.race([this.queue.then(() => 'done'), outOfTime]);
        clearTimeout(timer);
        if (race === 'out of time')
            this.stop();
    }
    /** Forgets the check run: another run holds the wait now. */
    drop() {
        this.disabled = true;
        this.stopper.abort();
    }
    call() {
        return { endBy: this.endBy(), signal: this.stopper.signal };
    }
    enqueue(what, task) {
        this.queue = this.queue.then(async () => {
            if (this.disabled)
                return;
            try {
                await task();
            }
            catch (error) {
                this.giveUp(error, this.id === undefined ? 'created' : what);
            }
        });
    }
    // Out of time: every call under way stops, and no other is made.
    stop() {
        this.drop();
        this.warnOnce(`Check run "${this.options.step.checkName}" not completed: GitHub did not answer in the time left to this step.`);
    }
    // Warn once. Stop calling GitHub when it refused (no rights, no such check run) or the
    // check run was never made; after trouble that may pass, the next call tries again.
    giveUp(error, what) {
        const created = this.id !== undefined;
        const transient = error instanceof http_session/* RequestError */.GI && error.transient;
        if (!transient || !created)
            this.disabled = true;
        if (this.stopper.signal.aborted)
            return;
        const reason = error instanceof Error ? error.message : String(error);
        const status = error instanceof http_session/* RequestError */.GI ? error.status : undefined;
        const refused = !(error instanceof http_session/* RequestError */.GI && error.rateLimited) &&
            (status === 401 || status === 403 || status === 404);
        this.warnOnce(`Check run "${this.options.step.checkName}" not ${what} (${reason})${refused
            ? ': the token cannot write checks. Give the job `permissions: checks: write` (a pull request from a fork only gets a read-only token)'
            : ''}. The wait goes on${this.disabled ? ' without it' : ''}.`);
    }
    warnOnce(message) {
        if (this.warned)
            return;
        this.warned = true;
        this.options.warn(message);
    }
    fields() {
        const { results, step, redact } = this.options;
        const [only] = results;
        return {
            status: 'in_progress',
            output: {
                title: redact((0,src_text/* clip */.$Q)(results.length === 1 && only ? checkTitle(only) : overviewTitle(results), 200)),
                summary: redact((0,summary/* renderReport */.B1)(results, step, { byteLimit: summary/* CHECK_SUMMARY_BYTE_LIMIT */.Nx, timeline: false }))
            }
        };
    }
}


/***/ })

};
