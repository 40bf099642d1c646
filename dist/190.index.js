export const id = 190;
export const ids = [190];
export const modules = {

/***/ 4159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ portalUrlOf)
/* harmony export */ });
/* harmony import */ var _inputs_ids_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3427);
// Where a publisher sees a product in Partner Center: the offer overview page, whose URL
// holds the product's GUID (Microsoft Learn, "X++ modules and ISV Studio": "From the
// browser's URL bar, locate the product ID GUID"). Built from an id the action checked,
// never from a URL a service sent.

/** The offer overview page of the product with this GUID, as a snapshot's `portalUrl`. */
function portalUrlOf(productGuid) {
    return (0,_inputs_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isGuid */ .W_)(productGuid)
        ? {
            portalUrl: `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${productGuid.toLowerCase()}/overview`
        }
        : {};
}


/***/ }),

/***/ 4128:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ getPagedList),
/* harmony export */   l: () => (/* binding */ linkUnderBaseUrl)
/* harmony export */ });
/* harmony import */ var _http_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9576);
/* harmony import */ var _get_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8245);
/* harmony import */ var _json_fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8154);
// A list the service sends in pages: `value` on each, and a link to the next page
// (`@nextLink` on Microsoft Graph, `nextLink` elsewhere, absolute or relative).



// Far more than any publisher has; a server that links on for ever is cut off here.
const MOST_PAGES = 20;
const MOST_ITEMS = 5_000;
/**
 * Every item of every page, in order, or why the list could not be read. With
 * `goneLaterPages`, a later page that answers 404 ends the list where it is: a service
 * whose next-page links go stale (the Partner Center ingestion API's do).
 */
async function getPagedList(connection, url, words, what, signal, { goneLaterPages = false } = {}) {
    const items = [];
    let page = url;
    let answered = '';
    for (let pages = 0; page !== undefined; pages++) {
        if (pages === MOST_PAGES) {
            return {
                kind: 'final',
                problem: `${answered}: the ${what} goes on past ${MOST_PAGES} pages; no publisher has that many`
            };
        }
        const answer = await (0,_get_json_js__WEBPACK_IMPORTED_MODULE_1__/* .getJsonObject */ .a)(connection, page, words, `a ${what}`, signal);
        if (answer.kind !== 'ok' && pages > 0 && goneLaterPages && answer.status === 404) {
            return { kind: 'ok', items, answered, cut: `page ${pages + 1} of the ${what} answered 404` };
        }
        if (answer.kind !== 'ok')
            return answer;
        answered = answer.answered;
        items.push(...(0,_json_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .list */ .p_)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)(answer.object, 'value')).slice(0, MOST_ITEMS - items.length));
        const link = NEXT_LINK_NAMES.map(name => (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .field */ .ZZ)(answer.object, name))).find(Boolean);
        page = undefined;
        if (link && items.length < MOST_ITEMS) {
            page = linkUnderBaseUrl(link, connection.baseUrl);
            if (page === undefined) {
                return {
                    kind: 'final',
                    problem: connection.redact(`${answered} with a next page elsewhere than base-url: ${(0,_http_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(link)}; it is not followed`)
                };
            }
        }
    }
    return { kind: 'ok', items, answered };
}
const NEXT_LINK_NAMES = ['@nextLink', 'nextLink', '@odata.nextLink'];
/**
 * The link as an absolute URL when it stays under base-url; undefined otherwise. A
 * relative link is read from the API root, or from the host when it repeats the root's
 * path (`v1.0/ingestion/products/…`).
 */
function linkUnderBaseUrl(link, baseUrl) {
    try {
        const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
        const rootPath = base.pathname.replace(/^\//, '');
        const relative = link.replace(/^\//, '');
        const resolved = /^[a-z][a-z0-9+.-]*:/i.test(link)
            ? new URL(link)
            : rootPath && relative.startsWith(rootPath)
                ? new URL(`/${relative}`, base.origin)
                : new URL(relative, base);
        return resolved.origin === base.origin && resolved.pathname.startsWith(base.pathname)
            ? resolved.href
            : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 2190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  JobStatusSource: () => (/* reexport */ JobStatusSource),
  OfferSubmissionsSource: () => (/* reexport */ OfferSubmissionsSource)
});

// EXTERNAL MODULE: ./src/http/policy.ts
var policy = __webpack_require__(9576);
// EXTERNAL MODULE: ./src/sources/get-json.ts
var get_json = __webpack_require__(8245);
// EXTERNAL MODULE: ./src/sources/dashboard-link.ts
var dashboard_link = __webpack_require__(4159);
// EXTERNAL MODULE: ./src/inputs/ids.ts
var ids = __webpack_require__(3427);
// EXTERNAL MODULE: ./src/sources/json-fields.ts
var json_fields = __webpack_require__(8154);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/sources/product-ingestion/read-errors.ts


const ERRORS_KEPT = 20;
const PART_CHARS = 500;
const DEPTH = 5;
/**
 * The API's `errors[]` (`{code, message, resourceId?, details?: [same, nested]}`) as
 * messages of level error, each with its nested details in full: the outer code is often
 * generic (`internalServerError`) and only the details say what happened. A certification
 * failure is named as one.
 */
function readErrors(value) {
    return (0,json_fields/* list */.p_)(value)
        .slice(0, ERRORS_KEPT)
        .map(error => {
        const parts = chain((0,json_fields/* record */.g1)(error), 0);
        const about = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)((0,json_fields/* record */.g1)(error), 'resourceId'));
        const body = parts.join(' › ') || 'an error without a message';
        const named = parts.some(part => /certification/i.test(part))
            ? `Certification failed: ${body}`
            : body;
        return {
            html: about ? `${named} (${(0,src_text/* clip */.$Q)(about, 200)})` : named,
            level: 'error',
            timestamp: ''
        };
    });
}
/** `code: message`, then each nested detail's, depth first. */
function chain(error, depth) {
    const own = [(0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(error, 'code')), (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(error, 'message'))]
        .filter(part => part.trim() !== '')
        .map(part => (0,src_text/* clip */.$Q)(part, PART_CHARS))
        .join(': ');
    const nested = depth < DEPTH
        ? (0,json_fields/* list */.p_)((0,json_fields/* field */.ZZ)(error, 'details'))
            .slice(0, ERRORS_KEPT)
            .flatMap(detail => chain((0,json_fields/* record */.g1)(detail), depth + 1))
        : [];
    return own ? [own, ...nested] : nested;
}

// EXTERNAL MODULE: ./src/status/statuses.ts
var statuses = __webpack_require__(7410);
;// CONCATENATED MODULE: ./src/sources/product-ingestion/vocabulary.ts
// The API's status words (`notStarted`, `running`, `completed` with a `result`) in the
// common vocabulary. A value it does not document is shown as it came, but never read
// as one of ours: `Unknown (succeeded)` cannot match a target or a fail status.


function unknown(value) {
    return `Unknown (${(0,src_text/* clip */.$Q)(value, 60)})`;
}
/** A job's or submission's state as an offer status; '' when it sent none. */
function offerStatusOf(status, result) {
    if (status === '')
        return '';
    if ((0,statuses/* sameStatus */.H5)(status, 'notStarted'))
        return 'NotStarted';
    if ((0,statuses/* sameStatus */.H5)(status, 'running'))
        return 'Running';
    if (!(0,statuses/* sameStatus */.H5)(status, 'completed'))
        return unknown(status);
    if ((0,statuses/* sameStatus */.H5)(result, 'succeeded'))
        return 'Succeeded';
    if ((0,statuses/* sameStatus */.H5)(result, 'failed'))
        return 'Failed';
    if ((0,statuses/* sameStatus */.H5)(result, 'cancelled'))
        return 'Canceled';
    // A result not yet written: still running, as far as anyone can tell.
    if (result === '' || (0,statuses/* sameStatus */.H5)(result, 'pending'))
        return 'Running';
    // Completed some other way: it will not change, and it is not a success.
    return 'Failed';
}
const STEP_STATUS = new Map(Object.entries({
    NotStarted: 'NotStarted',
    Running: 'InProgress',
    Succeeded: 'Complete',
    Failed: 'Rejected',
    Canceled: 'Canceled'
}));
/** The same state as a step status; NotStarted when it sent none. */
function stepStatusOf(status, result) {
    const offerStatus = offerStatusOf(status, result);
    return STEP_STATUS.get(offerStatus) ?? (offerStatus || 'NotStarted');
}
/** Why a completed result reads as Failed, when it is one the API does not document. */
function oddResult(status, result) {
    if (!(0,statuses/* sameStatus */.H5)(status, 'completed') || result === '')
        return undefined;
    const known = ['succeeded', 'failed', 'cancelled', 'pending'].some(name => (0,statuses/* sameStatus */.H5)(result, name));
    return known
        ? undefined
        : `completed with result ${JSON.stringify((0,src_text/* clip */.$Q)(result, 60))}, which this action does not know`;
}

;// CONCATENATED MODULE: ./src/sources/product-ingestion/read-job-status.ts





/**
 * A configure job's status (`GET /configure/{jobId}/status`) in the common vocabulary
 * (vocabulary.ts): `notStarted` → NotStarted, `running` → Running, `completed` with
 * `jobResult` `succeeded`/`failed`/`cancelled` → Succeeded/Failed/Canceled. Field names
 * in any case: the docs' own sample spells `jobID`.
 */
function readJobStatus(body, jobId) {
    const jobStatus = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(body, 'jobStatus'));
    const jobResult = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(body, 'jobResult'));
    const status = offerStatusOf(jobStatus, jobResult);
    const odd = oddResult(jobStatus, jobResult);
    const errors = [
        ...(odd ? [{ html: `The job ${odd}.`, level: 'error', timestamp: '' }] : []),
        ...readErrors((0,json_fields/* field */.ZZ)(body, 'errors'))
    ];
    const step = {
        id: 'configure-job',
        name: 'Configure job',
        description: `configure job ${(0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(body, 'jobId')) || jobId}`,
        status: stepStatusOf(jobStatus, jobResult),
        progress: null,
        estimatedTimeFrame: '',
        messages: [],
        ...startOf((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(body, 'jobStart')))
    };
    const ids = idsNamed(body);
    return {
        status,
        steps: [step],
        messages: errors,
        previewLinks: [],
        liveLinks: [],
        safeLinks: [],
        productId: ids.productId,
        submissionId: ids.submissionId,
        ...(0,dashboard_link/* portalUrlOf */.x)(ids.productId.replace(/^product\//, ''))
    };
}
// `0001-01-01T00:00:00` and the docs' own `2022-03-01-preview2T…` say nothing.
const EARLIEST_START = Date.UTC(2020, 0, 1);
/** The job's start, when `jobStart` is a real time. */
function startOf(jobStart) {
    const text = jobStart.slice(0, 40);
    // Date.parse takes `42` for the year 2042: only an ISO date and time is a start.
    const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? Date.parse(text) : NaN;
    return Number.isFinite(at) && at >= EARLIEST_START ? { startedAt: at } : {};
}
const PRODUCT_ID = new RegExp(`\\bproduct/(${ids/* GUID_PATTERN */.$F})\\b`, 'i');
const SUBMISSION_ID = new RegExp(`\\bsubmission/(${ids/* GUID_PATTERN */.$F})/(\\d{1,20})\\b`, 'i');
const SCANNED_CHARS = 2_000;
/** The product and submission a job names, where its status says (resources, errors). */
function idsNamed(body) {
    const places = [
        (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(body, 'resourceUri')),
        ...(0,json_fields/* list */.p_)((0,json_fields/* field */.ZZ)(body, 'resources')).flatMap(resource => [
            (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)((0,json_fields/* record */.g1)(resource), 'id')),
            (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)((0,json_fields/* record */.g1)(resource), 'product'))
        ]),
        ...(0,json_fields/* list */.p_)((0,json_fields/* field */.ZZ)(body, 'errors')).map(error => (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)((0,json_fields/* record */.g1)(error), 'resourceId')))
    ].map(place => place.slice(0, SCANNED_CHARS));
    let submission = null;
    let product = null;
    for (const place of places) {
        submission ??= SUBMISSION_ID.exec(place);
        product ??= PRODUCT_ID.exec(place);
    }
    const guid = product?.[1] ?? submission?.[1];
    return {
        productId: guid ? `product/${guid.toLowerCase()}` : '',
        submissionId: submission ? `submission/${submission[1]?.toLowerCase()}/${submission[2]}` : ''
    };
}

;// CONCATENATED MODULE: ./src/sources/product-ingestion/request.ts

/** `{base-url}/{path}?$version=…`, with any other query parameters first. */
function apiUrl(connection, path, query = {}) {
    const params = Object.entries(query).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    params.push(`$version=${encodeURIComponent(connection.apiVersion)}`);
    return `${connection.baseUrl}/${path}?${params.join('&')}`;
}
/** How the API's answers read; `notFound` says what a 404 means for this request. */
function wordsFor(notFound) {
    return (0,get_json/* serviceWords */.j)('the Product Ingestion API', {
        audience: 'https://graph.microsoft.com',
        addedTo: 'as a user of the Partner Center account (Manager role)',
        hints: {
            403: 'the app lacks rights to this account; add it in Partner Center under Account settings > User management > Microsoft Entra applications, with the Manager role',
            404: notFound
        }
    });
}

;// CONCATENATED MODULE: ./src/sources/product-ingestion/job-source.ts




/** A configure job: `GET /configure/{jobId}/status`. */
class JobStatusSource {
    connection;
    jobId;
    url;
    words;
    constructor(connection, jobId) {
        this.connection = connection;
        this.jobId = jobId;
        this.url = apiUrl(connection, `configure/${encodeURIComponent(jobId)}/status`);
        this.words = wordsFor(`the service knows no configure job ${(0,policy/* quote */.hD)(jobId)}; give the jobId that POST /configure answered`);
    }
    async look(signal) {
        const answer = await (0,get_json/* getJsonObject */.a)(this.connection, this.url, this.words, 'a job status', signal);
        if (answer.kind !== 'ok')
            return answer;
        return { kind: 'ok', snapshot: readJobStatus(answer.object, this.jobId) };
    }
}

// EXTERNAL MODULE: ./src/sources/paged-list.ts
var paged_list = __webpack_require__(4128);
;// CONCATENATED MODULE: ./src/sources/product-ingestion/read-submissions.ts





const SUBMISSIONS_READ = 1_000;
const ID_CHARS = 200;
/**
 * An offer's state from its preview and live submissions (`GET /submission/{guid}`),
 * drafts ignored. Only the newest of each target counts (an old failed live must not
 * fail a new preview), by these rules in order:
 * 1. one that is `notStarted` or `running`, or completed with a `pending` result → Running;
 * 2. else, when the newer of the two failed → Failed;
 * 3. else, a succeeded preview at least as new as the live one and of another id →
 *    WaitingForPublisherReview (preview ready, waiting for go-live);
 * 4. else, a succeeded live → Succeeded;
 * 5. no preview or live submission → NeverPublished.
 * An entry without a `status` is read from its `result` (a result is only written when
 * the submission has completed); an entry with neither says nothing and is left out.
 */
function readSubmissions(body, productId) {
    const submissions = (0,json_fields/* list */.p_)((0,json_fields/* field */.ZZ)(body, 'value'))
        .slice(0, SUBMISSIONS_READ)
        .map(readSubmission)
        .filter((s) => s !== undefined);
    const preview = newest(submissions.filter(s => s.target === 'preview'));
    const live = newest(submissions.filter(s => s.target === 'live'));
    const { status, about } = offerState(preview, live);
    const steps = [];
    if (preview || !live)
        steps.push(step('preview', preview));
    // While a preview newer than the live version is the news, the live step is this
    // version's, not yet started: the previous version's "Complete" (or failure) is not
    // this publish's.
    const previousLive = about !== undefined && about === preview && live?.id !== about.id;
    steps.push(step('live', previousLive ? undefined : live));
    return {
        status,
        steps,
        messages: about ? readErrors(about.errors) : [],
        previewLinks: [],
        liveLinks: [],
        safeLinks: [],
        productId,
        submissionId: about?.id ?? '',
        ...(0,dashboard_link/* portalUrlOf */.x)(productId.replace(/^product\//, ''))
    };
}
/**
 * The list as far as what a request made goes: for a preview, the previews newer than
 * the one before it (an older one, ready or not, is not what was asked for); for a
 * go-live, the live submission that carries the preview's id. Undefined while the list
 * does not show it yet.
 */
function madeBy(items, request) {
    const read = items.slice(0, SUBMISSIONS_READ).map((item, order) => ({
        item,
        submission: readSubmission(item, order)
    }));
    const before = numberOf(request.about);
    const made = (s) => request.kind === 'preview'
        ? s.target === 'preview' &&
            s.id !== request.about &&
            (before === undefined || s.number === undefined || s.number > before)
        : s.target === 'live' && s.id === request.about;
    if (!read.some(({ submission }) => submission && made(submission)))
        return undefined;
    return read
        .filter(({ submission }) => submission && (submission.target !== request.kind || made(submission)))
        .map(({ item }) => item);
}
/** The id of the newest preview in the list, '' when there is none. */
function newestPreviewId(items) {
    const previews = items
        .slice(0, SUBMISSIONS_READ)
        .map(readSubmission)
        .filter((s) => s?.target === 'preview');
    return newest(previews)?.id ?? '';
}
function numberOf(id) {
    const number = /\/(\d{1,30})$/.exec(id)?.[1];
    return number === undefined ? undefined : BigInt(number);
}
function offerState(preview, live) {
    const inFlight = newest([preview, live].filter(isInFlight));
    if (inFlight)
        return { status: 'Running', about: inFlight };
    const last = newest([preview, live]);
    if (!last)
        return { status: 'NeverPublished' };
    if ((0,statuses/* sameStatus */.H5)(last.result, 'failed'))
        return { status: 'Failed', about: last };
    if (preview && last === preview && succeeded(preview) && preview.id !== live?.id) {
        return { status: 'WaitingForPublisherReview', about: preview };
    }
    if (live && succeeded(live))
        return { status: 'Succeeded', about: live };
    // Completed some other way (cancelled, an undocumented result); a state the API does
    // not document is still under way, as far as anyone can tell.
    const status = offerStatusOf(last.status, last.result);
    return { status: (0,statuses/* isStatusIn */.yM)(status, statuses/* OFFER_STATUSES */.S8) ? status : 'Running', about: last };
}
function readSubmission(value, order) {
    const item = (0,json_fields/* record */.g1)(value);
    const targetType = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)((0,json_fields/* record */.g1)((0,json_fields/* field */.ZZ)(item, 'target')), 'targetType')).toLowerCase();
    if (targetType !== 'preview' && targetType !== 'live')
        return undefined;
    const result = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(item, 'result'));
    const status = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(item, 'status')) || statusFromResult(result);
    if (status === '')
        return undefined;
    const id = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(item, 'id')).slice(0, ID_CHARS);
    return {
        id,
        target: targetType,
        status,
        result,
        created: Date.parse((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(item, 'created')).slice(0, 100)),
        number: numberOf(id),
        order,
        errors: (0,json_fields/* field */.ZZ)(item, 'errors')
    };
}
function statusFromResult(result) {
    if (result === '')
        return '';
    return (0,statuses/* sameStatus */.H5)(result, 'pending') ? 'running' : 'completed';
}
/**
 * The newest: by `created` where both have one, else by the number that ends the id
 * (they grow with each submission), else by place in the answer.
 */
function newest(submissions) {
    return submissions.reduce((best, s) => (s && (!best || isNewer(s, best)) ? s : best), undefined);
}
function isNewer(a, b) {
    if (!Number.isNaN(a.created) && !Number.isNaN(b.created) && a.created !== b.created) {
        return a.created > b.created;
    }
    if (a.number !== undefined && b.number !== undefined && a.number !== b.number) {
        return a.number > b.number;
    }
    return a.order > b.order;
}
function step(target, submission) {
    return {
        id: target,
        name: target === 'preview' ? 'Preview' : 'Live',
        description: submission?.id ?? '',
        status: submission ? stepStatusOf(submission.status, submission.result) : 'NotStarted',
        progress: null,
        estimatedTimeFrame: '',
        messages: []
    };
}
function isInFlight(submission) {
    if (!submission)
        return false;
    const { status, result } = submission;
    return ((0,statuses/* sameStatus */.H5)(status, 'notStarted') ||
        (0,statuses/* sameStatus */.H5)(status, 'running') ||
        ((0,statuses/* sameStatus */.H5)(status, 'completed') && (result === '' || (0,statuses/* sameStatus */.H5)(result, 'pending'))));
}
function succeeded(submission) {
    return (0,statuses/* sameStatus */.H5)(submission.status, 'completed') && (0,statuses/* sameStatus */.H5)(submission.result, 'succeeded');
}

// EXTERNAL MODULE: ./src/sources/product-ingestion/product-id.ts
var product_id = __webpack_require__(6914);
// EXTERNAL MODULE: ./src/sources/send-request.ts
var send_request = __webpack_require__(2718);
;// CONCATENATED MODULE: ./src/sources/product-ingestion/publish.ts
// The Product Ingestion API's publishing requests: `POST /configure` with one submission
// resource, to preview (the product's current draft, no id) or to live (the ready
// preview's id). The answer is a configure job, which the wait then follows.





const SCHEMA = 'https://schema.mp.microsoft.com/schema';
// The schema versions the clients that publish send: a later submission schema asks
// for fields (`sources`) a push to preview or live does not have.
const CONFIGURE_SCHEMA = `${SCHEMA}/configure/2022-03-01-preview2`;
const SUBMISSION_SCHEMA = `${SCHEMA}/submission/2022-03-01-preview2`;
/** What the service answered a configure request with: the job to follow. */
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;
/** A submission the API can push live: a product's, numbered, never the draft (`/0`). */
const PREVIEW_ID = new RegExp(`^submission/(${ids/* GUID_PATTERN */.$F})/([1-9]\\d{0,29})$`, 'i');
/** The body of a configure request that pushes `productId` to `kind`. */
function configureBody(kind, productId, previewId) {
    return JSON.stringify({
        $schema: CONFIGURE_SCHEMA,
        resources: [
            {
                $schema: SUBMISSION_SCHEMA,
                ...(kind === 'live' && { id: previewId }),
                product: productId,
                target: { targetType: kind }
            }
        ]
    });
}
/**
 * Sends the configure request: to preview, `about` is the newest preview before it; to
 * live, the preview to push, which must be a numbered submission of this product.
 */
async function sendConfigure(connection, kind, productId, about, signal) {
    if (kind === 'live') {
        const preview = PREVIEW_ID.exec(about);
        if (!preview || `product/${preview[1]?.toLowerCase()}` !== productId) {
            return {
                kind: 'refused',
                problem: `the ready preview's id ${(0,policy/* quote */.hD)(about)} is not a submission of ${productId} that can go live; nothing was sent`
            };
        }
    }
    const answer = await (0,send_request/* sendRequest */.w)(connection, 'POST', apiUrl(connection, 'configure'), configureBody(kind, productId, about), wordsFor(`the service does not know ${productId}`), signal);
    if (answer.kind !== 'taken')
        return answer.kind === 'lost' ? { ...answer, about } : answer;
    let jobId = '';
    try {
        jobId = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)((0,json_fields/* record */.g1)(JSON.parse(answer.answer.body.replace(/^\uFEFF/, ''))), 'jobId'));
    }
    catch {
        // Taken, but what it started cannot be read: the status shows it or not.
    }
    if (!JOB_ID.test(jobId)) {
        return {
            kind: 'lost',
            about,
            problem: connection.redact(`${answer.answered} without a jobId to follow: ${(0,policy/* quote */.hD)(answer.answer.body)}`)
        };
    }
    return {
        kind: 'taken',
        ref: jobId,
        label: `configure job ${jobId}`,
        about,
        answered: answer.answered
    };
}

;// CONCATENATED MODULE: ./src/sources/product-ingestion/offer-source.ts











/**
 * How long the submission a succeeded job made may take to be listed before the wait
 * says it is not there (a draft without changes makes none).
 */
const LISTED_WITHIN_MS = 15 * 60_000;
/**
 * An offer, from its submissions (`GET /submission/{guid}`). An external id (Partner
 * Center's "Offer ID") is resolved to its product id once, at the first look. Once a
 * publishing request was taken, the configure job it started, and then the submission
 * that job made.
 */
class OfferSubmissionsSource {
    connection;
    offerId;
    productId;
    started;
    // The list as the last look read it: what a preview request is about.
    lastItems = [];
    constructor(connection, offerId, requests = []) {
        this.connection = connection;
        this.offerId = offerId;
        this.productId = (0,product_id/* asProductId */.R)(offerId);
        this.started = startedBy(requests);
    }
    async look(signal) {
        if (this.productId === undefined) {
            const found = await this.findProduct(signal);
            if (found.kind !== 'ok')
                return found;
            this.productId = found.productId;
        }
        const productId = this.productId;
        const started = this.started;
        if (started && started.jobDoneAt === undefined) {
            const job = await this.lookAtJob(started, productId, signal);
            if (job)
                return job;
        }
        const guid = productId.slice('product/'.length);
        const answer = await (0,paged_list/* getPagedList */.G)(this.connection, apiUrl(this.connection, `submission/${encodeURIComponent(guid)}`), wordsFor(`no product ${(0,policy/* quote */.hD)(productId)} is visible to this app${this.appHint()}`), 'submission list', signal);
        if (answer.kind !== 'ok')
            return answer;
        this.lastItems = answer.items;
        if (!started)
            return { kind: 'ok', snapshot: readSubmissions({ value: answer.items }, productId) };
        const made = madeBy(answer.items, started);
        if (made)
            return { kind: 'ok', snapshot: readSubmissions({ value: made }, productId) };
        return this.notListedYet(started, productId);
    }
    // A bare GUID is how AL-Go and Partner Center name a Business Central app's product:
    // a 404 here most often means the wait is on the wrong API.
    appHint() {
        return (0,ids/* isGuid */.W_)(this.offerId)
            ? '; if it is an AppSource app (a Business Central app), set `api: partner-center`'
            : '';
    }
    async publish(kind, seen, signal) {
        const productId = this.productId ?? seen.productId;
        // To preview: what comes after the newest preview; to live: the ready preview itself.
        const about = kind === 'preview' ? newestPreviewId(this.lastItems) : seen.submissionId;
        const answer = await sendConfigure(this.connection, kind, productId, about, signal);
        if (answer.kind === 'taken')
            this.started = { kind, jobId: answer.ref, about };
        return answer;
    }
    /** The job's status while it runs or once it failed; undefined once it succeeded. */
    async lookAtJob(started, productId, signal) {
        const answer = await (0,get_json/* getJsonObject */.a)(this.connection, apiUrl(this.connection, `configure/${encodeURIComponent(started.jobId)}/status`), wordsFor(`the service knows no configure job ${(0,policy/* quote */.hD)(started.jobId)}, which the ${started.kind} request of ${productId} started`), 'a job status', signal);
        if (answer.kind !== 'ok')
            return answer;
        const job = readJobStatus(answer.object, started.jobId);
        if (job.status === 'Succeeded') {
            started.jobDoneAt = this.connection.now();
            return undefined;
        }
        return { kind: 'ok', snapshot: { ...job, productId: job.productId || productId } };
    }
    notListedYet(started, productId) {
        const what = started.kind === 'preview'
            ? 'the preview submission it made'
            : `the live submission of ${started.about}`;
        const since = started.jobDoneAt ?? this.connection.now();
        if (this.connection.now() - since >= LISTED_WITHIN_MS) {
            return {
                kind: 'final',
                problem: `configure job ${started.jobId} succeeded, but ${what} was not listed within 15m${started.kind === 'preview' ? ': the draft may have had no changes to publish' : ''}`
            };
        }
        const snapshot = readSubmissions({ value: [] }, productId);
        return {
            kind: 'ok',
            snapshot: {
                ...snapshot,
                status: 'Running',
                messages: [
                    {
                        html: `Configure job ${started.jobId} succeeded; ${what} is not listed yet.`,
                        level: 'information',
                        timestamp: ''
                    }
                ]
            }
        };
    }
    /** The one product whose external id is the offer id, in any case; else why not. */
    async findProduct(signal) {
        const answer = await (0,paged_list/* getPagedList */.G)(this.connection, apiUrl(this.connection, 'product', { externalId: this.offerId }), wordsFor(`no product has the external id ${(0,policy/* quote */.hD)(this.offerId)}`), 'product list', signal);
        if (answer.kind !== 'ok')
            return answer;
        const products = answer.items.map(json_fields/* record */.g1);
        const wanted = this.offerId.toLowerCase();
        const matching = products.filter(product => externalIdOf(product).toLowerCase() === wanted);
        const fail = (problem) => ({
            kind: 'final',
            problem: this.connection.redact(`${answer.answered}: ${problem}`)
        });
        if (matching.length > 1) {
            return fail(`${matching.length} products have the external id ${(0,policy/* quote */.hD)(this.offerId)} (${matching
                .slice(0, 5)
                .map(product => (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(product, 'id')).slice(0, 80))
                .join(', ')}); give the product id (product/<guid>) instead`);
        }
        const [product] = matching;
        if (!product) {
            return fail(`no product has the external id ${(0,policy/* quote */.hD)(this.offerId)} (Partner Center's "Offer ID")${foundInstead(products)}`);
        }
        const productId = (0,product_id/* asProductId */.R)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(product, 'id')));
        if (productId)
            return { kind: 'ok', productId };
        return fail(`the product with the external id ${(0,policy/* quote */.hD)(this.offerId)} has an id that is not product/<guid>: ${(0,policy/* quote */.hD)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(product, 'id')))}`);
    }
}
// The request to follow: the latest taken one whose job the state names as a job id.
function startedBy(requests) {
    const taken = requests.filter(request => !request.lost && JOB_ID.test(request.ref));
    const latest = taken.reduce((last, request) => (!last || request.at >= last.at ? request : last), undefined);
    return latest && { kind: latest.kind, jobId: latest.ref, about: latest.about };
}
// The external id sits under `identity` in the API's answers; some clients read it flat.
function externalIdOf(product) {
    return ((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)((0,json_fields/* record */.g1)((0,json_fields/* field */.ZZ)(product, 'identity')), 'externalId')) ||
        (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(product, 'externalId')));
}
// What the service listed instead: a gate must know it was given another offer's.
function foundInstead(products) {
    if (products.length === 0)
        return '';
    const ids = products
        .slice(0, 5)
        .map(product => (0,policy/* quote */.hD)((0,src_text/* clip */.$Q)(externalIdOf(product) || '(none)', 80)))
        .join(', ');
    const more = products.length > 5 ? ` and ${products.length - 5} more` : '';
    return `; the service listed ${products.length === 1 ? 'one product' : `${products.length} products`} with the external id ${ids}${more}`;
}

;// CONCATENATED MODULE: ./src/sources/product-ingestion/sources.ts
// What the API reads with, loaded at a wait's first look as one chunk: a step waits on
// offers or on jobs, and both readers share most of their code.




/***/ })

};
