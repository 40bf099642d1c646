export const id = 248;
export const ids = [248];
export const modules = {

/***/ 248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   requestGitHubIdToken: () => (/* binding */ requestGitHubIdToken)
/* harmony export */ });
/* harmony import */ var _http_http_session_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1331);
/* harmony import */ var _http_refusal_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5424);


/**
 * A GitHub OIDC ID token for `audience` from the runner's endpoint, as core.getIDToken
 * asks for it, but on the action's own HTTP session: bounded by `request-timeout`,
 * stopped by cancellation and the deadline, and judged by the one HTTP policy.
 */
async function requestGitHubIdToken(session, env, audience, signal) {
    const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''}&audience=${encodeURIComponent(audience)}`;
    const answer = await session.request('GET', url, {
        accept: 'application/json',
        authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''}`
    }, undefined, signal);
    const endpoint = "the runner's ID-token endpoint";
    if (answer.status !== 200)
        throw (0,_http_refusal_js__WEBPACK_IMPORTED_MODULE_1__/* .refusalOf */ .O)(endpoint, answer, Date.now());
    let value;
    try {
        value = JSON.parse(answer.body).value;
    }
    catch {
        // Described below.
    }
    if (typeof value !== 'string' || value === '') {
        throw new _http_http_session_js__WEBPACK_IMPORTED_MODULE_0__/* .RequestError */ .GI(`${(0,_http_refusal_js__WEBPACK_IMPORTED_MODULE_1__/* .answeredLine */ .G)(endpoint, answer)} without a token`, false);
    }
    return value;
}


/***/ })

};
