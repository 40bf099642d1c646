export const id = 91;
export const ids = [91];
export const modules = {

/***/ 9091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  handOn: () => (/* binding */ handOn)
});

// EXTERNAL MODULE: ./src/http/http-session.ts
var http_session = __webpack_require__(1331);
// EXTERNAL MODULE: ./src/status/result.ts
var status_result = __webpack_require__(5161);
// EXTERNAL MODULE: ./src/runner/context.ts
var context = __webpack_require__(1953);
;// CONCATENATED MODULE: ./src/hand-off/dispatch.ts


/** Why the next run was not started, with what fixes it. */
class DispatchRefused extends Error {
}
/** Dispatches the next run; resolves to its page (or the workflow's runs when GitHub does not say). */
async function dispatchNextRun(github, handOff, state, runner, call) {
    const [owner = '', repo = ''] = runner.repository.split('/');
    const send = (runDetails) => github.call(async (octokit, signal) => {
        const { data } = await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
            owner,
            repo,
            workflow_id: handOff.workflowFile,
            ref: handOff.ref,
            inputs: { [handOff.inputName]: state },
            ...(runDetails && { return_run_details: true }),
            headers: { 'X-GitHub-Api-Version': '2022-11-28' },
            request: { signal }
        });
        return data;
    }, { ...call, retries: false });
    // Only a run page of this repository on this server is linked; else the runs list.
    const pageOf = (data) => {
        const url = data?.html_url;
        return (0,context/* isRunPage */.Z4)(url, runner) ? url : (0,context/* workflowRunsPage */.jp)(runner);
    };
    try {
        return pageOf(await send(true));
    }
    catch (error) {
        if (!(error instanceof http_session/* RequestError */.GI))
            throw error;
        // GitHub Enterprise Server 3.20 and older know no run details; they made no run.
        if ((error.status === 400 || error.status === 422) &&
            /return_run_details/.test(error.message)) {
            try {
                return pageOf(await send(false));
            }
            catch (again) {
                if (again instanceof http_session/* RequestError */.GI)
                    throw refusal(again, handOff);
                throw again;
            }
        }
        throw refusal(error, handOff);
    }
}
function refusal(error, handOff) {
    const answer = error.message.slice(0, 300);
    const where = `workflow ${handOff.workflowFile} on ${handOff.ref}`;
    if (error.rateLimited) {
        return new DispatchRefused(`GitHub rate-limited the dispatch of the next run (${answer}); no run was started`);
    }
    if (error.status === undefined || error.status >= 500) {
        return new DispatchRefused(`the dispatch of the next run got no clear answer (${answer}); it may have started a run, so it is not sent again: look for it in the Actions tab`);
    }
    switch (error.status) {
        case 403:
            return new DispatchRefused(`GitHub refused to start the next run (${answer}): give the job \`permissions: actions: write\``);
        case 404:
            return new DispatchRefused(`GitHub found no ${where} (${answer}): the workflow file must be on the default branch, and the token must see it`);
        case 422:
            return new DispatchRefused(`GitHub refused to start the next run of ${where} (${answer}): the workflow must declare the workflow_dispatch input \`${handOff.inputName}\` (type: string, default '') on its default branch, and the ref must be one it can run on`);
        default:
            return new DispatchRefused(`GitHub refused to start the next run of ${where} (${answer})`);
    }
}

// EXTERNAL MODULE: ./src/hand-off/state.ts + 1 modules
var hand_off_state = __webpack_require__(2066);
;// CONCATENATED MODULE: ./src/hand-off/hand-on.ts




/**
 * Dispatches the next run when any result was handed off; else nothing. A lost claim
 * ends every result `error`, naming the run that holds the wait; a refusal, or a chain
 * at its longest, ends the handed-off results as `error` or `timeout`, saying why.
 */
async function handOn(results, context) {
    const { chain } = context;
    const handedOff = results.filter(result => result.outcome === 'handed-off');
    const endAll = (list, outcome, reason) => {
        for (const result of list)
            (0,status_result/* endResult */.pF)(result, outcome, reason, result.endedAt);
    };
    if (context.claim) {
        let holder;
        try {
            holder = await context.claim.holder(context.call);
        }
        catch (error) {
            if (!(error instanceof http_session/* RequestError */.GI))
                throw error;
            // The claim held at the start: a decided wait stands; an undecided one stops.
            endAll(handedOff, 'error', `could not check that this run still holds the wait (${error.message}), so the next run was not started: re-run this job to carry the wait on`);
            return { ...(chain && { chain }) };
        }
        if (holder !== undefined) {
            endAll(results, 'error', `the wait is carried on by ${holder}: this run lost its claim in the check run and stopped, so that the wait does not fork`);
            return { ...(chain && { chain }), lost: true };
        }
    }
    const { handOff, github } = context;
    if (handedOff.length === 0 || !handOff || !github || !chain)
        return { ...(chain && { chain }) };
    if (chain.runCount >= hand_off_state/* MOST_RUNS */.nD) {
        endAll(handedOff, 'timeout', `the wait has gone on over ${hand_off_state/* MOST_RUNS */.nD} runs, the most one wait may span`);
        return { chain };
    }
    const { runner, redact, wait } = context;
    const offset = context.servicesOffsetMs;
    const state = {
        ...wait,
        repository: runner.repository,
        workflow: runner.workflow,
        job: runner.job,
        step: runner.step,
        startedAt: wait.startedAt + offset,
        deadline: wait.deadline + offset,
        handedOffAt: Math.min(context.now, wait.deadline) + offset,
        holdMs: context.holdMs,
        // What goes on is undecided again in the next run; the rest stays as it ended.
        results: results.map(result => {
            const copy = {
                ...result,
                ...(result.outcome === 'handed-off' && { outcome: 'waiting' }),
                label: redact(result.label),
                reason: redact(result.reason),
                changes: result.changes.map(change => ({ ...change, text: redact(change.text) })),
                phases: result.phases.map(phase => ({ ...phase }))
            };
            (0,status_result/* shiftResult */.Yu)(copy, offset);
            return copy;
        }),
        ...(context.checkRun && { checkRun: context.checkRun }),
        runs: chain.runs,
        runCount: chain.runCount
    };
    try {
        const nextRunUrl = await dispatchNextRun(github, handOff, (0,hand_off_state/* encodeState */.Md)(state), runner, context.call);
        return { chain: { ...chain, nextRunUrl } };
    }
    catch (error) {
        if (!(error instanceof DispatchRefused))
            throw error;
        endAll(handedOff, 'error', error.message);
        return { chain };
    }
}


/***/ }),

/***/ 2066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nD: () => (/* binding */ MOST_RUNS),
  UJ: () => (/* binding */ decodeState),
  Md: () => (/* binding */ encodeState)
});

// UNUSED EXPORTS: STATE_CHARS

// EXTERNAL MODULE: ./src/hand-off/hand-off-inputs.ts
var hand_off_inputs = __webpack_require__(180);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/status/result.ts
var status_result = __webpack_require__(5161);
// EXTERNAL MODULE: ./src/status/publishing.ts
var publishing = __webpack_require__(1557);
;// CONCATENATED MODULE: ./src/status/result-json.ts
// Results as compact JSON and back: a wait handed from one workflow run to the next
// travels in a dispatch input, which is small and public. What comes back is untrusted:
// every field is checked and bounded, every text made one plain line.



const OUTCOMES = [
    'waiting',
    'success',
    'failure',
    'timeout',
    'error',
    'cancelled',
    'handed-off'
];
// What is kept of each piece, from the most to the least: the first level that fits wins.
const LEVELS = [
    { reason: 500, steps: 50, changes: 100, phases: 60 },
    { reason: 200, steps: 10, changes: 30, phases: 20 },
    { reason: 100, steps: 3, changes: 10, phases: 6 },
    { reason: 40, steps: 1, changes: 3, phases: 0 },
    { reason: 0, steps: 0, changes: 0, phases: 0 }
];
const ID_CHARS = 200;
// An operation's path, as the Cloud Partner Portal answers it.
const REF_CHARS = 300;
const TEXT_CHARS = 500;
const MOST_RESULTS = 50;
const MOST_STEPS = 50;
/**
 * The results as plain JSON values, each piece cut (the latest changes kept, reasons
 * shortened, fewer steps) until the JSON of all of them fits in `bytes`.
 */
function packResults(results, bytes) {
    let packed = [];
    for (const level of LEVELS) {
        packed = results.map(result => pack(result, level));
        if (Buffer.byteLength(JSON.stringify(packed)) <= bytes)
            break;
    }
    return packed;
}
function pack(result, level) {
    const { snapshot } = result;
    const changes = level.changes > 0 ? result.changes.slice(-level.changes) : [];
    return {
        i: (0,src_text/* clip */.$Q)(result.id, ID_CHARS),
        l: (0,src_text/* clip */.$Q)(result.label, ID_CHARS),
        o: result.outcome,
        r: (0,src_text/* clip */.$Q)(result.reason, level.reason),
        p: result.polls,
        s: result.startedAt,
        e: result.endedAt,
        c: result.changeCount,
        h: changes.map(({ at, text, run }) => run === undefined ? [at, (0,src_text/* clip */.$Q)(text, ID_CHARS)] : [at, (0,src_text/* clip */.$Q)(text, ID_CHARS), run]),
        f: (level.phases > 0 ? result.phases.slice(-level.phases) : []).map(({ step, status, at, run }) => {
            const packed = [(0,src_text/* clip */.$Q)(step, ID_CHARS), (0,src_text/* clip */.$Q)(status, ID_CHARS), at];
            return run === undefined ? [...packed] : [...packed, run];
        }),
        ...(result.requests.length > 0 && { q: result.requests.map(packRequest) }),
        ...(result.adopted && { a: result.adopted }),
        ...(snapshot && {
            n: {
                s: (0,src_text/* clip */.$Q)(snapshot.status, ID_CHARS),
                p: (0,src_text/* clip */.$Q)(snapshot.productId, ID_CHARS),
                u: (0,src_text/* clip */.$Q)(snapshot.submissionId, ID_CHARS),
                t: stepsKept(snapshot.steps, level.steps).map(step => [
                    (0,src_text/* clip */.$Q)(step.id, ID_CHARS),
                    (0,src_text/* clip */.$Q)(step.name, ID_CHARS),
                    (0,src_text/* clip */.$Q)(step.status, ID_CHARS),
                    step.progress === null ? null : Math.round(step.progress)
                ])
            }
        })
    };
}
function packRequest(request) {
    return [
        request.kind,
        request.at,
        request.run ?? 0,
        (0,src_text/* clip */.$Q)(request.ref, REF_CHARS),
        (0,src_text/* clip */.$Q)(request.about, ID_CHARS),
        request.lost ? 1 : 0
    ];
}
// The current step and the ones around it say where publishing is.
function stepsKept(steps, most) {
    if (steps.length <= most)
        return steps;
    const current = Math.max(0, steps.findIndex(step => step.status !== 'Complete'));
    const from = Math.min(Math.max(0, current - Math.floor(most / 2)), steps.length - most);
    return steps.slice(from, from + most);
}
/** Why a packed value was refused: names the field. */
class PackedResultError extends Error {
}
/** Results read back from packed JSON values; a PackedResultError names the first bad field. */
function unpackResults(value) {
    const list = array(value, 'results', MOST_RESULTS);
    if (list.length === 0)
        throw new PackedResultError('results: none');
    return list.map((item, index) => unpack(item, `results[${index}]`));
}
function unpack(value, at) {
    const field = record(value, at);
    const outcome = result_json_text(field.o, `${at}.o`, 20);
    if (!OUTCOMES.includes(outcome))
        throw new PackedResultError(`${at}.o: not an outcome`);
    const changes = array(field.h, `${at}.h`, status_result/* MOST_CHANGES_KEPT */.bl).map((item, index) => {
        const where = `${at}.h[${index}]`;
        const [when, said, run] = array(item, where, 3);
        const change = { at: time(when, `${where}[0]`), text: result_json_text(said, `${where}[1]`) };
        if (run !== undefined)
            change.run = count(run, `${where}[2]`);
        return change;
    });
    const result = {
        id: result_json_text(field.i, `${at}.i`, ID_CHARS),
        label: result_json_text(field.l, `${at}.l`, ID_CHARS),
        outcome,
        reason: result_json_text(field.r, `${at}.r`, LEVELS[0]?.reason),
        polls: count(field.p, `${at}.p`),
        startedAt: time(field.s, `${at}.s`),
        endedAt: time(field.e, `${at}.e`),
        changes,
        changeCount: Math.max(count(field.c, `${at}.c`), changes.length),
        phases: array(field.f, `${at}.f`, status_result/* MOST_PHASES */.dH).map((item, index) => {
            const where = `${at}.f[${index}]`;
            const [step, status, when, run] = array(item, where, 4);
            const phase = {
                step: result_json_text(step, `${where}[0]`, ID_CHARS),
                status: result_json_text(status, `${where}[1]`, ID_CHARS),
                at: time(when, `${where}[2]`)
            };
            if (run !== undefined)
                phase.run = count(run, `${where}[3]`);
            return phase;
        }),
        requests: array(field.q ?? [], `${at}.q`, publishing/* PUBLISH_KINDS */.y0.length).map((item, index) => unpackRequest(item, `${at}.q[${index}]`))
    };
    const kinds = result.requests.map(request => request.kind);
    if (new Set(kinds).size < kinds.length)
        throw new PackedResultError(`${at}.q: a kind twice`);
    if (field.a !== undefined)
        result.adopted = kind(field.a, `${at}.a`);
    if (result.endedAt < result.startedAt)
        throw new PackedResultError(`${at}.e: before the start`);
    if (field.n !== undefined)
        result.snapshot = unpackSnapshot(field.n, `${at}.n`);
    return result;
}
function unpackRequest(value, at) {
    const [which, when, run, ref, about, lost] = array(value, at, 6);
    const request = {
        kind: kind(which, `${at}[0]`),
        at: time(when, `${at}[1]`),
        ref: result_json_text(ref, `${at}[3]`, REF_CHARS),
        about: result_json_text(about, `${at}[4]`, ID_CHARS)
    };
    const number = count(run, `${at}[2]`);
    if (number > 0)
        request.run = number;
    if (lost !== 0 && lost !== 1)
        throw new PackedResultError(`${at}[5]: not 0 or 1`);
    if (lost === 1)
        request.lost = true;
    return request;
}
function kind(value, at) {
    const found = publishing/* PUBLISH_KINDS */.y0.find(known => known === value);
    if (!found)
        throw new PackedResultError(`${at}: not preview or live`);
    return found;
}
function unpackSnapshot(value, at) {
    const field = record(value, at);
    const steps = array(field.t, `${at}.t`, MOST_STEPS).map((item, index) => {
        const where = `${at}.t[${index}]`;
        const [id, name, status, progress] = array(item, where, 4);
        return {
            id: result_json_text(id, `${where}[0]`, ID_CHARS),
            name: result_json_text(name, `${where}[1]`, ID_CHARS),
            description: '',
            status: result_json_text(status, `${where}[2]`, ID_CHARS),
            progress: progress === null ? null : percent(progress, `${where}[3]`),
            estimatedTimeFrame: '',
            messages: []
        };
    });
    return {
        status: result_json_text(field.s, `${at}.s`, ID_CHARS),
        productId: result_json_text(field.p, `${at}.p`, ID_CHARS),
        submissionId: result_json_text(field.u, `${at}.u`, ID_CHARS),
        steps,
        messages: [],
        previewLinks: [],
        liveLinks: [],
        safeLinks: []
    };
}
function record(value, at) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new PackedResultError(`${at}: not an object`);
    }
    return value;
}
/** A list of at most `most` items; a PackedResultError naming `at` otherwise. */
function array(value, at, most) {
    if (!Array.isArray(value))
        throw new PackedResultError(`${at}: not a list`);
    if (value.length > most)
        throw new PackedResultError(`${at}: more than ${most}`);
    return value;
}
// Server text once: one plain line, refused rather than cleaned when it breaks a line.
function result_json_text(value, at, most = TEXT_CHARS) {
    if (typeof value !== 'string')
        throw new PackedResultError(`${at}: not text`);
    if (value.length > most)
        throw new PackedResultError(`${at}: longer than ${most} characters`);
    if ((0,src_text/* hasControlChar */.Et)(value))
        throw new PackedResultError(`${at}: holds a line break or control character`);
    return (0,src_text/* clip */.$Q)(value, most);
}
/** A whole number, not negative; a PackedResultError naming `at` otherwise. */
function count(value, at) {
    if (!Number.isSafeInteger(value) || value < 0) {
        throw new PackedResultError(`${at}: not a whole number`);
    }
    return value;
}
// Epoch milliseconds from 2020 to 2100: a wait of this action, not any number.
function time(value, at) {
    const ms = count(value, at);
    if (ms < Date.UTC(2020, 0, 1) || ms > Date.UTC(2100, 0, 1)) {
        throw new PackedResultError(`${at}: not a time of this wait`);
    }
    return ms;
}
function percent(value, at) {
    const n = count(value, at);
    if (n > 100)
        throw new PackedResultError(`${at}: not a percentage`);
    return n;
}

;// CONCATENATED MODULE: ./src/hand-off/state.ts
// The hand-off state: the wait alone (never a token or secret, for dispatch inputs are
// public), as compact JSON sent base64url-encoded so that a `run:` script quoting the
// input cannot be injected by it. Read back it is untrusted input: every field is
// checked here to be one the action itself writes, and the run then checks it against
// itself (carried.ts); it never decides anything on its own.



/** As sent, base64url: GitHub keeps inputs far larger, people read the run page. */
const STATE_CHARS = 16 * 1024;
const JSON_BYTES = (STATE_CHARS / 4) * 3;
const FIRST_RUNS_KEPT = 3;
const LAST_RUNS_KEPT = 20;
const MOST_RUNS = 500;
// A Retry-After the next run honours: a day is more than any service has asked.
const LONGEST_HOLD_MS = 86_400_000;
const TEXT = 200;
const INPUT_CHARS = 12_000;
const WAIT_ID = /^[0-9a-f]{16}$/;
// What a run can hand on: the undecided wait again, and what has ended as it ended.
const HANDED_ON = new Set(['waiting', 'success', 'failure', 'timeout', 'error']);
/** The state as the dispatch input's value. */
function encodeState(state) {
    const runs = state.runs.length > FIRST_RUNS_KEPT + LAST_RUNS_KEPT
        ? [...state.runs.slice(0, FIRST_RUNS_KEPT), ...state.runs.slice(-LAST_RUNS_KEPT)]
        : state.runs;
    const rest = {
        v: 2,
        r: state.repository,
        w: state.workflow,
        j: state.job,
        t: state.step,
        i: state.waitId,
        a: state.api,
        g: state.inputs,
        s: state.startedAt,
        d: state.deadline,
        h: state.handedOffAt,
        q: state.holdMs,
        ...(state.checkRun && { c: [state.checkRun.id, state.checkRun.headSha] }),
        u: runs.map(run => [run.number, run.url]),
        n: state.runCount
    };
    const room = JSON_BYTES - Buffer.byteLength(JSON.stringify(rest)) - 10;
    const json = JSON.stringify({ ...rest, x: packResults(state.results, room) });
    return Buffer.from(json).toString('base64url');
}
/** The state a dispatch input holds; an InputError naming `hand-off-input` if it is none. */
function decodeState(value, runner) {
    if (value.length > STATE_CHARS)
        throw (0,hand_off_inputs/* refusal */.x5)(`longer than ${STATE_CHARS} characters`);
    if (!/^[A-Za-z0-9_-]+$/.test(value))
        throw (0,hand_off_inputs/* refusal */.x5)('not base64url');
    let field;
    try {
        const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            throw new PackedResultError('not an object');
        }
        field = parsed;
    }
    catch {
        throw (0,hand_off_inputs/* refusal */.x5)('not JSON');
    }
    try {
        return readFields(field, runner);
    }
    catch (error) {
        if (error instanceof PackedResultError)
            throw (0,hand_off_inputs/* refusal */.x5)(error.message);
        throw error;
    }
}
function readFields(field, runner) {
    if (field.v !== 2)
        throw new PackedResultError('v: not version 2');
    const repository = state_text(field.r, 'r');
    if (repository.toLowerCase() !== runner.repository.toLowerCase()) {
        throw new PackedResultError(`r: names another repository, ${JSON.stringify(repository)}`);
    }
    const waitId = state_text(field.i, 'i');
    if (!WAIT_ID.test(waitId))
        throw new PackedResultError('i: not a wait id');
    const startedAt = count(field.s, 's');
    const deadline = count(field.d, 'd');
    const handedOffAt = count(field.h, 'h');
    if (deadline < startedAt || deadline - startedAt > hand_off_inputs/* LONGEST_WAIT_MS */.u_) {
        throw new PackedResultError('d: not a deadline of a wait of at most 30 days');
    }
    if (handedOffAt < startedAt || handedOffAt > deadline) {
        throw new PackedResultError('h: not a hand-off between the start and the deadline');
    }
    const holdMs = count(field.q, 'q');
    if (holdMs > LONGEST_HOLD_MS)
        throw new PackedResultError('q: a hold longer than a day');
    const runCount = count(field.n, 'n');
    if (runCount < 1 || runCount > MOST_RUNS)
        throw new PackedResultError('n: not a run count');
    const runs = array(field.u, 'u', FIRST_RUNS_KEPT + LAST_RUNS_KEPT).map((item, index) => {
        const [number, url] = array(item, `u[${index}]`, 2);
        return {
            number: count(number, `u[${index}][0]`),
            url: runUrl(url, `u[${index}][1]`, runner.runsUrl)
        };
    });
    const results = unpackResults(field.x);
    const runNumbers = { first: runs[0]?.number ?? 1, last: runs.at(-1)?.number ?? 0 };
    results.forEach((result, index) => checkResult(result, `x[${index}]`, startedAt, handedOffAt, runNumbers));
    if (!results.some(result => result.outcome === 'waiting')) {
        throw new PackedResultError('x: nothing is left to wait for');
    }
    const state = {
        repository,
        workflow: state_text(field.w, 'w'),
        job: state_text(field.j, 'j'),
        step: state_text(field.t, 't'),
        waitId,
        api: state_text(field.a, 'a'),
        inputs: inputsOf(field.g),
        startedAt,
        deadline,
        handedOffAt,
        holdMs,
        results,
        runs,
        runCount
    };
    if (field.c !== undefined) {
        const [id, headSha] = array(field.c, 'c', 2);
        const sha = state_text(headSha, 'c[1]');
        if (!/^[0-9a-f]{40}$/.test(sha))
            throw new PackedResultError('c[1]: not a commit');
        state.checkRun = { id: count(id, 'c[0]'), headSha: sha };
    }
    return state;
}
// Each result as a run writes it: started with the wait, ended by the hand-off, in an
// outcome a run hands on; its times cannot stretch the wait past the state's deadline,
// and what it says a run saw, a run of the wait saw.
function checkResult(result, at, startedAt, handedOffAt, runNumbers) {
    if (!HANDED_ON.has(result.outcome)) {
        throw new PackedResultError(`${at}.o: ${result.outcome} is no outcome a run hands on`);
    }
    if (result.startedAt !== startedAt) {
        throw new PackedResultError(`${at}.s: not the start of the wait`);
    }
    const times = [
        result.endedAt,
        ...result.changes.map(change => change.at),
        ...result.phases.map(phase => phase.at),
        ...result.requests.map(request => request.at)
    ];
    if (times.some(time => time < startedAt || time > handedOffAt)) {
        throw new PackedResultError(`${at}: a time outside the wait before its hand-off`);
    }
    const seenBy = [...result.changes, ...result.phases].flatMap(seen => seen.run ?? []);
    if (seenBy.some(run => run < runNumbers.first || run > runNumbers.last)) {
        throw new PackedResultError(`${at}: a run the wait has not had`);
    }
}
function inputsOf(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new PackedResultError('g: not an object');
    }
    const entries = Object.entries(value);
    if (entries.length > 10)
        throw new PackedResultError('g: more than 10 inputs');
    const inputs = Object.create(null);
    for (const [name, item] of entries) {
        if (!/^[a-z][a-z-]{0,40}$/.test(name))
            throw new PackedResultError('g: not an input name');
        if (typeof item !== 'string' || item.length > INPUT_CHARS) {
            throw new PackedResultError(`g.${name}: not the text of an input`);
        }
        inputs[name] = item;
    }
    return inputs;
}
function state_text(value, at) {
    if (typeof value !== 'string')
        throw new PackedResultError(`${at}: not text`);
    if (value.length > TEXT || (0,src_text/* hasControlChar */.Et)(value)) {
        throw new PackedResultError(`${at}: not one line of at most ${TEXT} characters`);
    }
    return value;
}
// A run of this repository's workflows, nothing else: the summary links it.
function runUrl(value, at, runs) {
    const url = state_text(value, at);
    if (!url.startsWith(runs) || !/^\d{1,20}$/.test(url.slice(runs.length))) {
        throw new PackedResultError(`${at}: not a run of this repository (${runs}…)`);
    }
    return url;
}


/***/ })

};
