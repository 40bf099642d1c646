export const id = 339;
export const ids = [339];
export const modules = {

/***/ 8339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHub: () => (/* binding */ GitHub)
});

// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/http/http-session.ts
var http_session = __webpack_require__(1331);
// EXTERNAL MODULE: ./src/http/no-proxy.ts
var no_proxy = __webpack_require__(8428);
// EXTERNAL MODULE: ./src/http/policy.ts
var policy = __webpack_require__(9576);
;// CONCATENATED MODULE: ./src/http/retry.ts
// How often, and how long apart, a call is tried again: the retry policy as data, in
// one place. The status APIs have theirs in the poll loop (each look is a try); the
// GitHub calls of a check run use this one.
/** The check run's calls to GitHub: a few quick tries, then a longer one or two. */
const GITHUB_CALL_RETRIES = {
    pausesMs: [1_000, 3_000, 10_000, 30_000],
    longestPauseMs: 10_000
};
/**
 * The pause before retry `attempt` (0 for the first) of a call that failed with trouble
 * that may pass: `none` when the policy has no retry left, `too-long` when the pause
 * (the policy's, or the `Retry-After` asked for) would end after `endBy`.
 */
function retryPause(policy, attempt, retryAfterMs, now, endBy) {
    const backoff = policy.pausesMs[attempt];
    if (backoff === undefined)
        return { kind: 'none' };
    const ms = Math.max(backoff, retryAfterMs ?? 0);
    const left = (endBy ?? now + policy.longestPauseMs) - now;
    return ms > left ? { kind: 'too-long', ms } : { kind: 'pause', ms };
}

;// CONCATENATED MODULE: ./src/http/time-limit.ts
// A limit on one call's time. Built from a timer and a controller, never from
// AbortSignal.timeout inside AbortSignal.any: on Node 20 such a pair can be collected
// before it fires, and a call it bounds then runs on for ever.
/** A signal that aborts after `ms` (at once when `ms` is not above 0) or with `parent`. */
function timeLimit(ms, parent) {
    const controller = new AbortController();
    const onParent = () => controller.abort(parent?.reason);
    if (parent?.aborted)
        onParent();
    else
        parent?.addEventListener('abort', onParent, { once: true });
    const timer = controller.signal.aborted
        ? undefined
        : setTimeout(() => controller.abort(new TimeLimitPassed(ms)), Math.max(0, ms));
    return {
        signal: controller.signal,
        clear: () => {
            clearTimeout(timer);
            parent?.removeEventListener('abort', onParent);
        }
    };
}
/** The reason a time limit aborts with. */
class TimeLimitPassed extends Error {
    ms;
    constructor(ms) {
        super(`no answer within ${Math.round(ms / 100) / 10}s`);
        this.ms = ms;
        this.name = 'TimeLimitPassed';
    }
}
/** Settles with the call, or rejects with the signal's reason as soon as it aborts. */
function withinLimit(call, signal) {
    if (signal.aborted) {
        call.catch(() => undefined);
        return Promise.reject(signal.reason);
    }
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        call.then(value => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/github/client.ts
// Every GitHub call of the action, made one way: @actions/github loaded on first use
// only (a wait without a check run or a hand-off never loads it), each call bounded by
// `request-timeout` and by the time the step has left, retried by the one policy unless
// the call says never, and each failure one RequestError, worded one way.







// GitHub asks for at least a minute after a secondary limit that names no time.
const RATE_LIMIT_PAUSE_MS = 60_000;
/** GitHub's REST API for this step's calls. */
class GitHub {
    options;
    octokit;
    constructor(options) {
        this.options = options;
    }
    /**
     * One call: each attempt bounded by request-timeout and `endBy`, trouble that may
     * pass tried again while a pause fits before `endBy`. Throws a RequestError.
     */
    async call(request, call) {
        const { now, requestTimeoutMs } = this.options;
        const retries = call.retries === undefined ? GITHUB_CALL_RETRIES : call.retries;
        // Loading the client is no request: it never counts against a request's time.
        const octokit = await (this.octokit ??= this.connect());
        for (let attempt = 0;; attempt++) {
            const limit = timeLimit(Math.min(requestTimeoutMs, call.endBy - now()), call.signal);
            let error;
            try {
                return await withinLimit(request(octokit, limit.signal), limit.signal);
            }
            catch (thrown) {
                error = this.asRequestError(thrown, limit.signal);
            }
            finally {
                limit.clear();
            }
            if (call.signal?.aborted || !retries || !error.transient)
                throw error;
            if (error.rateLimited && call.rateLimitEnds)
                throw error;
            const pause = retryPause(retries, attempt, error.retryAfterMs, now(), call.endBy);
            if (pause.kind === 'none')
                throw error;
            if (pause.kind === 'too-long') {
                throw new http_session/* RequestError */.GI(error.retryAfterMs === undefined
                    ? `${error.message}; no time was left to try again`
                    : `${error.message}; it asked to wait ${(0,duration/* formatDuration */.a)(pause.ms)}, longer than the time left`, false, undefined, { status: error.status, rateLimited: error.rateLimited });
            }
            await this.options.sleep(pause.ms, call.signal);
        }
    }
    async connect() {
        // @actions/github picks its proxy as it loads: NO_PROXY must be read before.
        (0,no_proxy/* honourNoProxy */.V)(this.options.apiUrl);
        const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
        return getOctokit(this.options.token, { baseUrl: this.options.apiUrl });
    }
    /** Any failure as one RequestError: `GitHub answered 403: …`, `GitHub gave no answer …`. */
    asRequestError(thrown, limit) {
        if (thrown instanceof http_session/* RequestError */.GI)
            return thrown;
        if (limit.aborted) {
            const reason = limit.reason;
            return new http_session/* RequestError */.GI(reason instanceof TimeLimitPassed
                ? `GitHub gave ${reason.message}`
                : 'the GitHub call was stopped', true);
        }
        const { status, message, response } = thrown;
        const headers = response?.headers ?? {};
        // GitHub's message may go on over lines (a 422's reasons): one line, bounded.
        const text = (0,src_text/* clip */.$Q)(message ?? String(thrown), 500);
        if (typeof status !== 'number') {
            return new http_session/* RequestError */.GI(`GitHub could not be reached: ${text}`, true);
        }
        const rateLimited = status === 429 ||
            (status === 403 &&
                (headers['retry-after'] !== undefined ||
                    headers['x-ratelimit-remaining'] === '0' ||
                    /rate limit/i.test(text)));
        const now = this.options.now();
        const retryAfterMs = (0,policy/* parseRetryAfter */.mu)(headers['retry-after'], now, headers.date) ??
            (0,policy/* parseRateLimitReset */.yq)(headers['x-ratelimit-remaining'], headers['x-ratelimit-reset'], now, headers.date) ??
            (rateLimited ? RATE_LIMIT_PAUSE_MS : undefined);
        return new http_session/* RequestError */.GI(`GitHub answered ${status}: ${text}`, (0,policy/* isTransientStatus */.Dm)(status) || rateLimited, retryAfterMs, { status, rateLimited });
    }
}


/***/ })

};
