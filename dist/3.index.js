export const id = 3;
export const ids = [3];
export const modules = {

/***/ 8003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   requestEntraToken: () => (/* binding */ requestEntraToken)
/* harmony export */ });
/* harmony import */ var _http_http_session_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1331);
/* harmony import */ var _http_refusal_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5424);
// Why not @azure/identity: measured here, it more than doubles the bundle (about 1.1 MB
// to 2.5 MB), adds about 40 ms to every start, and refuses non-https authorities, which
// rules out tests against the local simulator. The client-credentials grant is one
// form POST; this module is all of it.


// Entra's answer carries expires_in; should it not, assume less than its usual hour.
const ASSUMED_LIFETIME_S = 1_800;
/**
 * One client-credentials token request to the Entra ID v2 endpoint. Throws a
 * RequestError: transient for throttling, 5xx and connection trouble; final with
 * Entra's own `error` and AADSTS description otherwise.
 */
async function requestEntraToken(session, request, now, signal) {
    const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: request.clientId,
        scope: request.scope
    });
    if ('clientSecret' in request.proof) {
        form.set('client_secret', request.proof.clientSecret);
    }
    else {
        form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
        form.set('client_assertion', request.proof.clientAssertion);
    }
    const url = `${request.authorityHost}/${encodeURIComponent(request.tenantId)}/oauth2/v2.0/token`;
    const sentAt = now();
    const answer = await session.request('POST', url, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, form.toString(), signal);
    let json = {};
    try {
        json = JSON.parse(answer.body);
    }
    catch {
        // Not a token answer: described below.
    }
    if (answer.status === 200 && typeof json.access_token === 'string' && json.access_token) {
        const lifetime = Number(json.expires_in);
        const seconds = Number.isFinite(lifetime) && lifetime > 0 ? lifetime : ASSUMED_LIFETIME_S;
        return { accessToken: json.access_token, issuedAt: sentAt, expiresAt: sentAt + seconds * 1000 };
    }
    if (answer.status === 200) {
        throw new _http_http_session_js__WEBPACK_IMPORTED_MODULE_0__/* .RequestError */ .GI(`${(0,_http_refusal_js__WEBPACK_IMPORTED_MODULE_1__/* .answeredLine */ .G)('Entra ID', answer)} without an access_token`, false);
    }
    throw (0,_http_refusal_js__WEBPACK_IMPORTED_MODULE_1__/* .refusalOf */ .O)('Entra ID', answer, now());
}


/***/ })

};
