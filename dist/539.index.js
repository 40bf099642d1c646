export const id = 539;
export const ids = [539];
export const modules = {

/***/ 3539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readCarried: () => (/* binding */ readCarried)
/* harmony export */ });
/* harmony import */ var _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9354);
/* harmony import */ var _sources_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2811);
/* harmony import */ var _utc_time_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3391);
/* harmony import */ var _hand_off_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(180);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2066);
// A run started by a hand-off: the state from the dispatch event's inputs, judged
// against this run before any request. The state is carried on only by the workflow,
// job and step that handed it off; its API and targets must be ones the action reads;
// the inputs that name the wait come from it (where the workflow gives them too, they
// must agree). Sign-in, base-url and every other input still come from the workflow.





// Runners' clocks differ: a hand-off this far ahead of this run's clock is none of ours.
const CLOCK_SLACK_MS = 6 * 3_600_000;
function readCarried(given, runner, now) {
    if (runner.eventName !== 'workflow_dispatch')
        return undefined;
    const value = runner.event.inputs?.[(0,_hand_off_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputName */ .kP)(given)];
    if (typeof value !== 'string' || value.trim() === '')
        return undefined;
    const state = (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeState */ .UJ)(value.trim(), runner);
    // Another workflow, job or step of the carried-on run runs from its own inputs.
    const owner = [state.workflow.toLowerCase(), state.job, state.step];
    if (owner.join('\n') !== [runner.workflow.toLowerCase(), runner.job, runner.step].join('\n')) {
        return undefined;
    }
    if (state.handedOffAt > now + CLOCK_SLACK_MS) {
        throw (0,_hand_off_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .refusal */ .x5)(`h: a hand-off hours after this run's clock (${(0,_utc_time_js__WEBPACK_IMPORTED_MODULE_4__/* .isoTime */ .L)(now)})`);
    }
    const input = carriedInputs(given, state);
    checkTargets(state, input);
    return { state, input };
}
// The state's API must be one of ours, its inputs that API's, its targets readable and
// its results theirs: every way it is not is the state's fault, never the workflow's.
function checkTargets(state, input) {
    const api = (0,_sources_index_js__WEBPACK_IMPORTED_MODULE_1__/* .apiNamed */ .sn)(state.api);
    if (!api)
        throw (0,_hand_off_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .refusal */ .x5)(`a: names no API this action knows, ${JSON.stringify(state.api)}`);
    const foreign = Object.keys(state.inputs).find(name => !api.inputs.includes(name));
    if (foreign !== undefined)
        throw (0,_hand_off_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .refusal */ .x5)(`g: ${foreign} is not an input of the ${api.title}`);
    let ids;
    try {
        ids = api.readTargets(input).map(target => target.id);
    }
    catch (error) {
        if (!(error instanceof _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d))
            throw error;
        throw (0,_hand_off_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .refusal */ .x5)(`g: the ${api.title} refuses its targets (${error.message})`);
    }
    const results = state.results.map(result => result.id);
    if (ids.join('\n') !== results.join('\n')) {
        throw (0,_hand_off_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .refusal */ .x5)('x: the results are not those of its targets');
    }
}
/** The inputs with the API and those that name the wait taken from the state. */
function carriedInputs(input, state) {
    const fromState = new Map([['api', state.api]]);
    for (const name of _sources_index_js__WEBPACK_IMPORTED_MODULE_1__/* .API_INPUTS */ .pm)
        fromState.set(name, state.inputs[name] ?? '');
    for (const [name, carried] of fromState) {
        const given = (input(name) ?? '').trim();
        if (!given || (name === 'api' && given.toLowerCase() === 'auto'))
            continue;
        if (normalized(given) !== normalized(carried)) {
            throw new _inputs_input_error_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(name, `is ${JSON.stringify(given.slice(0, 100))}, but the wait this run carries on is for ${JSON.stringify(carried.slice(0, 100)) || 'none'}: leave it empty or the same`);
        }
    }
    return name => fromState.get(name) ?? input(name);
}
function normalized(list) {
    return list
        .split(/[,\n]/)
        .map(item => item.trim().toLowerCase())
        .filter(Boolean)
        .join('\n');
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
