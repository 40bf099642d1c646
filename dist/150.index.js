export const id = 150;
export const ids = [150];
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

/***/ 9150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ProductSubmissionSource: () => (/* binding */ ProductSubmissionSource)
});

// EXTERNAL MODULE: ./src/http/policy.ts
var policy = __webpack_require__(9576);
// EXTERNAL MODULE: ./src/sources/get-json.ts
var get_json = __webpack_require__(8245);
// EXTERNAL MODULE: ./src/sources/paged-list.ts
var paged_list = __webpack_require__(4128);
// EXTERNAL MODULE: ./src/sources/dashboard-link.ts
var dashboard_link = __webpack_require__(4159);
// EXTERNAL MODULE: ./src/status/links.ts
var links = __webpack_require__(19);
// EXTERNAL MODULE: ./src/status/statuses.ts
var statuses = __webpack_require__(7410);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/sources/json-fields.ts
var json_fields = __webpack_require__(8154);
;// CONCATENATED MODULE: ./src/sources/partner-center/read-submission.ts
// The Partner Center ingestion API's answers in the common vocabulary: a product's
// submissions (the newest of them), a submission's workflow steps, its failed
// validations and its certification reports. Field names are read in any case and an
// unknown value is carried through, never read as one of ours.





/** Where a link of the service may point to be shown as one: its hosts and Azure Blob Storage. */
const OWN_HOSTS = [
    'api.partner.microsoft.com',
    'partner.microsoft.com',
    '*.blob.core.windows.net'
];
const SUBMISSIONS_READ = 1_000;
const STEPS_READ = 100;
const MESSAGES_READ = 50;
const ID_CHARS = 200;
const TEXT_CHARS = 1_000;
// `publishedTimeInUtc` of a submission never published.
const NEVER = Date.UTC(1700, 0, 1);
/**
 * The newest submission: the highest `releaseNumber`; where two tie (every submission
 * of a product never published is release 1) or one has none, the higher id (a number
 * that grows), then the later publishing time, and only then the later in the list. A
 * missing key never ranks a submission below another: it is not compared.
 */
function newestSubmission(items) {
    let newest;
    items.slice(0, SUBMISSIONS_READ).forEach((item, order) => {
        const submission = readSubmission((0,json_fields/* record */.g1)(item), order);
        if (submission && (!newest || isNewer(submission, newest)))
            newest = submission;
    });
    return newest;
}
/** The listed submission of this id: one promoted, followed whether or not it is the newest. */
function submissionWithId(items, id) {
    let found;
    items.slice(0, SUBMISSIONS_READ).forEach((item, order) => {
        const submission = readSubmission((0,json_fields/* record */.g1)(item), order);
        if (submission?.id === id)
            found ??= submission;
    });
    return found;
}
function isNewer(a, b) {
    for (const key of ['releaseNumber', 'idNumber', 'publishedAt']) {
        const [x, y] = [a[key], b[key]];
        if (x !== undefined && y !== undefined && x !== y)
            return x > y;
    }
    return a.order > b.order;
}
function readSubmission(body, order) {
    const id = (0,src_text/* clip */.$Q)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(body, 'id')), ID_CHARS);
    if (!id)
        return undefined;
    const pending = (0,json_fields/* record */.g1)((0,json_fields/* field */.ZZ)(body, 'pendingUpdateInfo'));
    const release = (0,json_fields/* field */.ZZ)(body, 'releaseNumber');
    const releaseNumber = typeof release === 'string' && release.trim() ? Number(release) : release;
    const published = Date.parse((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(body, 'publishedTimeInUtc')).slice(0, 40));
    return {
        id,
        state: (0,src_text/* clip */.$Q)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(body, 'state')), ID_CHARS),
        substate: (0,src_text/* clip */.$Q)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(body, 'substate')), ID_CHARS),
        pending: (0,src_text/* clip */.$Q)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(pending, 'status')), ID_CHARS),
        pendingHref: (0,src_text/* clip */.$Q)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(pending, 'href')), TEXT_CHARS),
        failureReason: (0,src_text/* clip */.$Q)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(pending, 'failureReason')), TEXT_CHARS),
        autoPromote: (0,json_fields/* field */.ZZ)((0,json_fields/* record */.g1)((0,json_fields/* field */.ZZ)(body, 'publishOption')), 'isAutoPromote') === true,
        ...(typeof releaseNumber === 'number' && Number.isFinite(releaseNumber) && { releaseNumber }),
        ...(/^\d{1,30}$/.test(id) && { idNumber: BigInt(id) }),
        ...(published > NEVER && { publishedAt: published }),
        order
    };
}
/** The submission's state as an offer status, by the mapping of the design. */
function submissionStatus(submission) {
    if (!submission)
        return 'NeverPublished';
    const { state, substate, pending } = submission;
    const is = (value, ...names) => names.some(name => (0,statuses/* sameStatus */.H5)(value, name));
    if (is(substate, 'Failed', 'FailedInCertification') || is(pending, 'Failed'))
        return 'Failed';
    if (is(substate, 'Cancelled') || is(pending, 'Cancelled') || is(state, 'Cancelled')) {
        return 'Canceled';
    }
    if (is(substate, 'InStore'))
        return 'Succeeded';
    if (is(substate, 'ReadyToPublish')) {
        // Promoted by itself: it goes on without the publisher.
        return submission.autoPromote && is(state, 'InProgress')
            ? 'Running'
            : 'WaitingForPublisherReview';
    }
    if (is(substate, 'InDraft'))
        return is(pending, 'Running') ? 'Running' : 'NotStarted';
    if (is(substate, 'Submitted', 'Publishing', 'Published'))
        return 'Running';
    if (substate === '')
        return state === '' ? '' : `Unknown (${(0,src_text/* clip */.$Q)(state, 60)})`;
    return `Unknown (${(0,src_text/* clip */.$Q)(substate, 60)})`;
}
/**
 * Whether the submission's validations and reports say why: it failed (in its
 * substate, or only in `pendingUpdateInfo`), or it is ready for go-live.
 */
function saysWhy(submission) {
    return (['Failed', 'FailedInCertification', 'ReadyToPublish'].some(name => (0,statuses/* sameStatus */.H5)(submission.substate, name)) || (0,statuses/* sameStatus */.H5)(submission.pending, 'Failed'));
}
// The workflows in the order publishing goes: preview first, then live, then any other.
const WORKFLOW_ORDER = ['preview', 'live'];
/** The steps of every workflow of `/workflowdetails`: Preview's first, then Live's, in order. */
function readWorkflowSteps(body, canceled) {
    const rank = (workflow) => {
        const at = WORKFLOW_ORDER.indexOf((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(workflow, 'targetEnvironment')).toLowerCase());
        return at < 0 ? WORKFLOW_ORDER.length : at;
    };
    const workflows = (0,json_fields/* list */.p_)((0,json_fields/* field */.ZZ)(body, 'value'))
        .map(json_fields/* record */.g1)
        .map((workflow, index) => ({ workflow, index }))
        .sort((a, b) => rank(a.workflow) - rank(b.workflow) || a.index - b.index)
        .map(({ workflow }) => workflow);
    const steps = [];
    for (const workflow of workflows) {
        const environment = (0,src_text/* clip */.$Q)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(workflow, 'targetEnvironment')), ID_CHARS);
        for (const step of (0,json_fields/* list */.p_)((0,json_fields/* field */.ZZ)(workflow, 'workflowSteps')).map(json_fields/* record */.g1)) {
            if (steps.length >= STEPS_READ)
                return steps;
            const name = (0,src_text/* clip */.$Q)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(step, 'name')), ID_CHARS);
            const state = (0,src_text/* clip */.$Q)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(step, 'state')), ID_CHARS);
            steps.push({
                id: `${environment || 'workflow'}/${name || steps.length}`.toLowerCase(),
                name: environment && workflows.length > 1 ? `${name} (${environment})` : name,
                description: '',
                status: stepStatus(name, state, canceled),
                progress: null,
                estimatedTimeFrame: '',
                messages: []
            });
        }
    }
    return steps;
}
function stepStatus(name, state, canceled) {
    if ((0,statuses/* sameStatus */.H5)(state, 'NotStarted') || state === '')
        return 'NotStarted';
    if ((0,statuses/* sameStatus */.H5)(state, 'Success'))
        return 'Complete';
    if ((0,statuses/* sameStatus */.H5)(state, 'InProgress')) {
        return /publisher\s*sign-?off/i.test(name) ? 'WaitingForPublisherReview' : 'InProgress';
    }
    return canceled ? 'Canceled' : 'Rejected';
}
/**
 * The validations of severity Error, then Warning, as messages: every one is read
 * before the cap, so that an error listed after many informational ones still counts.
 */
function readValidations(items) {
    const messages = items.map(json_fields/* record */.g1).flatMap(item => {
        const severity = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(item, 'severity'));
        const level = (0,statuses/* sameStatus */.H5)(severity, 'Error')
            ? 'error'
            : (0,statuses/* sameStatus */.H5)(severity, 'Warning')
                ? 'warning'
                : undefined;
        if (!level)
            return [];
        const code = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(item, 'errorCode'));
        const resource = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(item, 'resource'));
        const said = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(item, 'message')) || '(no message)';
        return [
            {
                html: (0,src_text/* clip */.$Q)(`Validation ${code ? `${code}: ` : ''}${said}${resource ? ` (${resource})` : ''}`, TEXT_CHARS),
                level,
                timestamp: ''
            }
        ];
    });
    return worstFirst(messages).slice(0, MESSAGES_READ);
}
/** Each certification report as a message with its link: a Failed one an error, listed first. */
function readReports(items) {
    const reports = items.map(json_fields/* record */.g1).map((item) => {
        const status = (0,src_text/* clip */.$Q)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(item, 'status')), 60) || 'Unknown';
        const time = (0,src_text/* clip */.$Q)((0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(item, 'reportTimeInUtc')), 60);
        const uri = (0,json_fields/* text */.Qq)((0,json_fields/* field */.ZZ)(item, 'fileUri'));
        const link = (0,links/* ownLink */.R)(uri, OWN_HOSTS);
        return {
            html: `Certification report ${status}${time ? ` (${time})` : ''}${uri && !link ? `: ${(0,src_text/* clip */.$Q)(uri, TEXT_CHARS)}` : ''}`,
            level: (0,statuses/* sameStatus */.H5)(status, 'Failed') ? 'error' : 'information',
            timestamp: time,
            ...(link && { link })
        };
    });
    return worstFirst(reports).slice(0, MESSAGES_READ);
}
function worstFirst(messages) {
    const rank = (message) => ['error', 'warning'].indexOf(message.level) >>> 0;
    return messages
        .map((message, index) => ({ message, index }))
        .sort((a, b) => rank(a.message) - rank(b.message) || a.index - b.index)
        .map(({ message }) => message);
}
/** The snapshot of a product from its newest submission and what was read about it. */
function productSnapshot(productId, submission, steps, why) {
    const messages = [
        ...(submission?.failureReason
            ? [{ html: submission.failureReason, level: 'error', timestamp: '' }]
            : []),
        ...why.validations,
        ...why.unread.map(html => ({ html, level: 'warning', timestamp: '' }))
    ];
    // A report belongs to the certification step (else the last): the step table shows it.
    const certification = steps.find(step => /certif/i.test(step.name)) ?? steps.at(-1);
    if (certification)
        certification.messages.push(...why.reports);
    else
        messages.push(...why.reports);
    return {
        status: submissionStatus(submission),
        steps,
        messages,
        previewLinks: [],
        liveLinks: [],
        safeLinks: [],
        productId,
        submissionId: submission?.id ?? '',
        ...(0,dashboard_link/* portalUrlOf */.x)(productId)
    };
}

// EXTERNAL MODULE: ./src/sources/send-request.ts
var send_request = __webpack_require__(2718);
;// CONCATENATED MODULE: ./src/sources/partner-center/request.ts


/** `{base-url}/products/{productId}/…`, each part of the path encoded. */
function productUrl(connection, productId, ...path) {
    return [connection.baseUrl, 'products', productId, ...path]
        .map((part, index) => (index === 0 ? part : encodeURIComponent(part)))
        .join('/');
}
/**
 * The connection with `x-ms-publisherId` among the headers of every request: the service
 * refused calls without it for a while in 2026, and takes it now.
 */
function withSellerId(connection, sellerId) {
    if (!sellerId)
        return connection;
    return { ...connection, headers: { ...connection.headers, 'x-ms-publisherId': sellerId } };
}
/** A link the service gave, as a URL under base-url; '' when it points elsewhere. */
function underBaseUrl(connection, link) {
    return (0,paged_list/* linkUnderBaseUrl */.l)(link, connection.baseUrl) ?? '';
}
/** How the API's answers read; `notFound` says what a 404 means for this request. */
function wordsFor(notFound) {
    return (0,get_json/* serviceWords */.j)('the Partner Center ingestion API', {
        audience: 'https://api.partner.microsoft.com',
        addedTo: 'as a user of the Partner Center account (Manager role)',
        hints: {
            400: "if the service names x-ms-publisherId, set 'seller-id' to the seller id of the Partner Center account",
            403: 'the app lacks rights to this account; add it in Partner Center under Account settings > User management > Microsoft Entra applications, with the Manager role',
            404: notFound
        }
    });
}

;// CONCATENATED MODULE: ./src/sources/partner-center/promote.ts
// The Partner Center ingestion API's one publishing request: `POST …/submissions/{id}/
// promote`, which pushes a submission that is ready (Published / ReadyToPublish) live.



/** A submission id as the service writes them: a number. */
const SUBMISSION_ID = /^\d{1,30}$/;
async function promote(connection, productId, kind, submissionId, signal) {
    if (kind !== 'live' || !SUBMISSION_ID.test(submissionId)) {
        return {
            kind: 'refused',
            problem: `submission ${(0,policy/* quote */.hD)(submissionId)} of product ${productId} is not one a promote can push live; nothing was sent`
        };
    }
    const words = wordsFor(`the service knows no submission ${(0,policy/* quote */.hD)(submissionId)} of this product`);
    const answer = await (0,send_request/* sendRequest */.w)(connection, 'POST', productUrl(connection, productId, 'submissions', submissionId, 'promote'), 
    // An empty object, as navcontainerhelper sends it.
    '{}', {
        ...words,
        hints: {
            ...words.hints,
            409: ': the submission is not ready to publish, or was promoted already (see it in Partner Center)'
        }
    }, signal);
    if (answer.kind === 'lost')
        return { ...answer, about: submissionId };
    if (answer.kind !== 'taken')
        return answer;
    return {
        kind: 'taken',
        ref: submissionId,
        label: `submission ${submissionId}`,
        about: submissionId,
        answered: answer.answered
    };
}

;// CONCATENATED MODULE: ./src/sources/partner-center/source.ts






const NO_WHY = { validations: [], reports: [], unread: [] };
/**
 * A product's newest submission (once one was promoted, that one): its list read to the
 * end, then its workflow steps; its validations and certification reports once each
 * time it fails or turns ready for go-live. What only explains a status never decides
 * it: a read that fails leaves the status as read, with a warning, and is tried again at
 * the next change.
 */
class ProductSubmissionSource {
    productId;
    connection;
    // What was read about the newest submission, and for which of its states.
    why = { key: '', read: NO_WHY };
    // The steps last read, by submission: kept when its details cannot be read.
    steps = { id: '', steps: [] };
    // The submission a promote of this wait pushed live: followed from then on.
    promoted;
    constructor(connection, productId, sellerId, requests = []) {
        this.productId = productId;
        this.connection = withSellerId(connection, sellerId);
        this.promoted = requests.find(request => request.kind === 'live' && !request.lost && SUBMISSION_ID.test(request.ref))?.ref;
    }
    async publish(kind, seen, signal) {
        const answer = await promote(this.connection, this.productId, kind, seen.submissionId, signal);
        if (answer.kind === 'taken')
            this.promoted = answer.ref;
        return answer;
    }
    async look(signal) {
        const listed = await this.newest(signal);
        if (listed.kind !== 'ok')
            return listed;
        let { submission } = listed;
        const unread = listed.cut ? [`The submission list ended early (${listed.cut}).`] : [];
        if (!submission) {
            return { kind: 'ok', snapshot: productSnapshot(this.productId, undefined, [], NO_WHY) };
        }
        let details = await this.details(submission, signal);
        if (details.kind !== 'ok' && details.status === 404) {
            // A submission listed a moment ago answered 404: Partner Center has done so for
            // submissions in preview (navcontainerhelper#4126). Not proof it is gone: the list
            // again, and its newest.
            const again = await this.newest(signal);
            if (again.kind !== 'ok')
                return again;
            unread.push(`The details of submission ${(0,policy/* quote */.hD)(submission.id)} answered 404 although it is listed; the product's submissions were listed again${again.submission && again.submission.id !== submission.id
                ? ` and submission ${(0,policy/* quote */.hD)(again.submission.id)} followed`
                : ''}.`);
            submission = again.submission ?? submission;
            details = await this.details(submission, signal);
        }
        let steps;
        if (details.kind === 'ok') {
            steps = readWorkflowSteps(details.object, submissionStatus(submission) === 'Canceled');
            this.steps = { id: submission.id, steps: structuredClone(steps) };
        }
        else if (details.status === 404) {
            // Its status stands, as listed; its steps as last read.
            steps = this.steps.id === submission.id ? structuredClone(this.steps.steps) : [];
            unread.push(`The workflow steps of submission ${(0,policy/* quote */.hD)(submission.id)} could not be read (${details.problem}); its status is the one the submission list gives.`);
        }
        else {
            return details;
        }
        const why = await this.whyOf(submission, signal);
        return {
            kind: 'ok',
            snapshot: productSnapshot(this.productId, submission, steps, {
                ...why,
                unread: [...unread, ...why.unread]
            })
        };
    }
    // The product's submissions, read to the end (`publishOption` asked for: it says
    // whether a ready submission goes live by itself), and the newest of them.
    async newest(signal) {
        const submissions = await (0,paged_list/* getPagedList */.G)(this.connection, `${productUrl(this.connection, this.productId, 'submissions')}?$expand=PublishOption`, wordsFor(`no product ${(0,policy/* quote */.hD)(this.productId)} is visible to this app and seller`), 'submission list', signal, { goneLaterPages: true });
        if (submissions.kind !== 'ok')
            return submissions;
        const promoted = this.promoted && submissionWithId(submissions.items, this.promoted);
        return { ...submissions, submission: promoted || newestSubmission(submissions.items) };
    }
    details(submission, signal) {
        return (0,get_json/* getJsonObject */.a)(this.connection, productUrl(this.connection, this.productId, 'submissions', submission.id, 'workflowdetails'), wordsFor(`the submission ${(0,policy/* quote */.hD)(submission.id)} is not there`), 'a workflow details', signal);
    }
    /** What the validations and reports say, read once for each failed or ready state. */
    async whyOf(submission, signal) {
        if (!saysWhy(submission))
            return NO_WHY;
        const key = [submission.id, submission.substate, submission.pending]
            .join('\u0000')
            .toLowerCase();
        if (this.why.key === key)
            return this.why.read;
        const words = wordsFor(`the submission ${(0,policy/* quote */.hD)(submission.id)} is not there`);
        const read = (what, url) => (0,paged_list/* getPagedList */.G)(this.connection, url, words, `${what.slice(0, -1)} list`, signal, {
            goneLaterPages: true
        });
        const part = (what) => productUrl(this.connection, this.productId, 'submissions', submission.id, what);
        // Where the failed update says to look, when it says so under base-url.
        const validationsUrl = (submission.pendingHref && underBaseUrl(this.connection, submission.pendingHref)) ||
            part('validations');
        const [validations, reports] = [
            await read('validations', validationsUrl),
            await read('reports', part('reports'))
        ];
        const unread = [
            ['validations', validations],
            ['certification reports', reports]
        ].flatMap(([what, answer]) => {
            const list = answer;
            if (list.kind !== 'ok') {
                return [
                    `The ${what} of submission ${(0,policy/* quote */.hD)(submission.id)} could not be read (${list.problem}); they are read again at its next change.`
                ];
            }
            return list.cut ? [`The ${what} list ended early (${list.cut}).`] : [];
        });
        this.why = {
            key,
            read: {
                validations: validations.kind === 'ok' ? readValidations(validations.items) : [],
                reports: reports.kind === 'ok' ? readReports(reports.items) : [],
                unread
            }
        };
        return this.why.read;
    }
}


/***/ })

};
