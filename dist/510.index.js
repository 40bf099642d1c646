export const id = 510;
export const ids = [510];
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

/***/ 8510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JobStatusSource: () => (/* binding */ JobStatusSource)
/* harmony export */ });
/* harmony import */ var _http_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9576);
/* harmony import */ var _get_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8245);
/* harmony import */ var _read_job_status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7838);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6920);




/** A configure job: `GET /configure/{jobId}/status`. */
class JobStatusSource {
    connection;
    jobId;
    url;
    words;
    constructor(connection, jobId) {
        this.connection = connection;
        this.jobId = jobId;
        this.url = (0,_request_js__WEBPACK_IMPORTED_MODULE_3__/* .apiUrl */ .y)(connection, `configure/${encodeURIComponent(jobId)}/status`);
        this.words = (0,_request_js__WEBPACK_IMPORTED_MODULE_3__/* .wordsFor */ .t)(`the service knows no configure job ${(0,_http_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(jobId)}; give the jobId that POST /configure answered`);
    }
    async look(signal) {
        const answer = await (0,_get_json_js__WEBPACK_IMPORTED_MODULE_1__/* .getJsonObject */ .a)(this.connection, this.url, this.words, 'a job status', signal);
        if (answer.kind !== 'ok')
            return answer;
        return { kind: 'ok', snapshot: (0,_read_job_status_js__WEBPACK_IMPORTED_MODULE_2__/* .readJobStatus */ .I)(answer.object, this.jobId) };
    }
}


/***/ }),

/***/ 7969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ readErrors)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8992);
/* harmony import */ var _json_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8154);


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
    return (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)(value)
        .slice(0, ERRORS_KEPT)
        .map(error => {
        const parts = chain((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(error), 0);
        const about = (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(error), 'resourceId'));
        const body = parts.join(' › ') || 'an error without a message';
        const named = parts.some(part => /certification/i.test(part))
            ? `Certification failed: ${body}`
            : body;
        return {
            html: about ? `${named} (${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(about, 200)})` : named,
            level: 'error',
            timestamp: ''
        };
    });
}
/** `code: message`, then each nested detail's, depth first. */
function chain(error, depth) {
    const own = [(0,_json_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)(error, 'code')), (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)(error, 'message'))]
        .filter(part => part.trim() !== '')
        .map(part => (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(part, PART_CHARS))
        .join(': ');
    const nested = depth < DEPTH
        ? (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .list */ .p_)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .field */ .ZZ)(error, 'details'))
            .slice(0, ERRORS_KEPT)
            .flatMap(detail => chain((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1)(detail), depth + 1))
        : [];
    return own ? [own, ...nested] : nested;
}


/***/ }),

/***/ 7838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ readJobStatus)
/* harmony export */ });
/* harmony import */ var _dashboard_link_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4159);
/* harmony import */ var _inputs_ids_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3427);
/* harmony import */ var _json_fields_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8154);
/* harmony import */ var _read_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7969);
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(997);





/**
 * A configure job's status (`GET /configure/{jobId}/status`) in the common vocabulary
 * (vocabulary.ts): `notStarted` → NotStarted, `running` → Running, `completed` with
 * `jobResult` `succeeded`/`failed`/`cancelled` → Succeeded/Failed/Canceled. Field names
 * in any case: the docs' own sample spells `jobID`.
 */
function readJobStatus(body, jobId) {
    const jobStatus = (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .text */ .Qq)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .field */ .ZZ)(body, 'jobStatus'));
    const jobResult = (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .text */ .Qq)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .field */ .ZZ)(body, 'jobResult'));
    const status = (0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_3__/* .offerStatusOf */ .wS)(jobStatus, jobResult);
    const odd = (0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_3__/* .oddResult */ .P6)(jobStatus, jobResult);
    const errors = [
        ...(odd ? [{ html: `The job ${odd}.`, level: 'error', timestamp: '' }] : []),
        ...(0,_read_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .readErrors */ .M)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .field */ .ZZ)(body, 'errors'))
    ];
    const step = {
        id: 'configure-job',
        name: 'Configure job',
        description: `configure job ${(0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .text */ .Qq)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .field */ .ZZ)(body, 'jobId')) || jobId}`,
        status: (0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_3__/* .stepStatusOf */ .SC)(jobStatus, jobResult),
        progress: null,
        estimatedTimeFrame: '',
        messages: [],
        ...startOf((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .text */ .Qq)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .field */ .ZZ)(body, 'jobStart')))
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
        ...(0,_dashboard_link_js__WEBPACK_IMPORTED_MODULE_0__/* .portalUrlOf */ .x)(ids.productId.replace(/^product\//, ''))
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
const PRODUCT_ID = new RegExp(`\\bproduct/(${_inputs_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .GUID_PATTERN */ .$F})\\b`, 'i');
const SUBMISSION_ID = new RegExp(`\\bsubmission/(${_inputs_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .GUID_PATTERN */ .$F})/(\\d{1,20})\\b`, 'i');
const SCANNED_CHARS = 2_000;
/** The product and submission a job names, where its status says (resources, errors). */
function idsNamed(body) {
    const places = [
        (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .text */ .Qq)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .field */ .ZZ)(body, 'resourceUri')),
        ...(0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .field */ .ZZ)(body, 'resources')).flatMap(resource => [
            (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .text */ .Qq)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .field */ .ZZ)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .record */ .g1)(resource), 'id')),
            (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .text */ .Qq)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .field */ .ZZ)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .record */ .g1)(resource), 'product'))
        ]),
        ...(0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .list */ .p_)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .field */ .ZZ)(body, 'errors')).map(error => (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .text */ .Qq)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .field */ .ZZ)((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .record */ .g1)(error), 'resourceId')))
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


/***/ }),

/***/ 6920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ wordsFor),
/* harmony export */   y: () => (/* binding */ apiUrl)
/* harmony export */ });
/* harmony import */ var _get_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8245);

/** `{base-url}/{path}?$version=…`, with any other query parameters first. */
function apiUrl(connection, path, query = {}) {
    const params = Object.entries(query).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    params.push(`$version=${encodeURIComponent(connection.apiVersion)}`);
    return `${connection.baseUrl}/${path}?${params.join('&')}`;
}
/** How the API's answers read; `notFound` says what a 404 means for this request. */
function wordsFor(notFound) {
    return (0,_get_json_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceWords */ .j)('the Product Ingestion API', {
        audience: 'https://graph.microsoft.com',
        addedTo: 'as a user of the Partner Center account (Manager role)',
        hints: {
            403: 'the app lacks rights to this account; add it in Partner Center under Account settings > User management > Microsoft Entra applications, with the Manager role',
            404: notFound
        }
    });
}


/***/ }),

/***/ 997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P6: () => (/* binding */ oddResult),
/* harmony export */   SC: () => (/* binding */ stepStatusOf),
/* harmony export */   wS: () => (/* binding */ offerStatusOf)
/* harmony export */ });
/* unused harmony export unknown */
/* harmony import */ var _status_statuses_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7410);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8992);
// The API's status words (`notStarted`, `running`, `completed` with a `result`) in the
// common vocabulary. A value it does not document is shown as it came, but never read
// as one of ours: `Unknown (succeeded)` cannot match a target or a fail status.


function unknown(value) {
    return `Unknown (${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(value, 60)})`;
}
/** A job's or submission's state as an offer status; '' when it sent none. */
function offerStatusOf(status, result) {
    if (status === '')
        return '';
    if ((0,_status_statuses_js__WEBPACK_IMPORTED_MODULE_0__/* .sameStatus */ .H5)(status, 'notStarted'))
        return 'NotStarted';
    if ((0,_status_statuses_js__WEBPACK_IMPORTED_MODULE_0__/* .sameStatus */ .H5)(status, 'running'))
        return 'Running';
    if (!(0,_status_statuses_js__WEBPACK_IMPORTED_MODULE_0__/* .sameStatus */ .H5)(status, 'completed'))
        return unknown(status);
    if ((0,_status_statuses_js__WEBPACK_IMPORTED_MODULE_0__/* .sameStatus */ .H5)(result, 'succeeded'))
        return 'Succeeded';
    if ((0,_status_statuses_js__WEBPACK_IMPORTED_MODULE_0__/* .sameStatus */ .H5)(result, 'failed'))
        return 'Failed';
    if ((0,_status_statuses_js__WEBPACK_IMPORTED_MODULE_0__/* .sameStatus */ .H5)(result, 'cancelled'))
        return 'Canceled';
    // A result not yet written: still running, as far as anyone can tell.
    if (result === '' || (0,_status_statuses_js__WEBPACK_IMPORTED_MODULE_0__/* .sameStatus */ .H5)(result, 'pending'))
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
    if (!(0,_status_statuses_js__WEBPACK_IMPORTED_MODULE_0__/* .sameStatus */ .H5)(status, 'completed') || result === '')
        return undefined;
    const known = ['succeeded', 'failed', 'cancelled', 'pending'].some(name => (0,_status_statuses_js__WEBPACK_IMPORTED_MODULE_0__/* .sameStatus */ .H5)(result, name));
    return known
        ? undefined
        : `completed with result ${JSON.stringify((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(result, 60))}, which this action does not know`;
}


/***/ })

};
