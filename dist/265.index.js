export const id = 265;
export const ids = [265];
export const modules = {

/***/ 9265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   claimMark: () => (/* binding */ claimMark),
/* harmony export */   claimWait: () => (/* binding */ claimWait)
/* harmony export */ });
/* harmony import */ var _http_http_session_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1331);

const MARK = /^marketplace-wait:([0-9a-f]{16}):(\d{1,6}):(?:next|(\d{1,20})\.\d{1,6})$/;
/**
 * The check run's `external_id`: this wait, and run `runCount` of it holding it (its
 * run id and attempt), or having handed it on (`next`).
 */
function claimMark(waitId, runCount, runKey) {
    return `marketplace-wait:${waitId}:${runCount}:${runKey}`;
}
/** Why a run cannot carry the wait on: the claim was refused, or it is another run's. */
class ClaimRefused extends Error {
}
/**
 * Claims the wait in the check run the state names, once it is shown to be this
 * wait's; or says why this run cannot carry the wait on: it is not this wait's, the
 * wait ended or went on without this run, or GitHub could not say.
 */
async function claimWait(state, checkName, checks, runner, call) {
    try {
        return await claim(state, checkName, checks, runner, call);
    }
    catch (error) {
        if (error instanceof ClaimRefused)
            return { refused: error.message };
        if (!(error instanceof _http_http_session_js__WEBPACK_IMPORTED_MODULE_0__/* .RequestError */ .GI))
            throw error;
        return {
            refused: `could not claim the wait in check run ${state.checkRun.id} (${error.message}): re-run this job to carry the wait on`
        };
    }
}
async function claim(state, checkName, checks, runner, call) {
    const { id, headSha } = state.checkRun;
    const found = await checks.get(id, call);
    const mark = MARK.exec(found.externalId);
    if (found.name !== checkName || found.headSha !== headSha || mark?.[1] !== state.waitId) {
        throw new ClaimRefused(`check run ${id} is not this wait's (its name, commit or wait id differs from this run's check-name "${checkName}" and the state): it is left alone, and the wait is not carried on`);
    }
    if (found.status === 'completed') {
        throw new ClaimRefused(`the wait this run would carry on has ended already (check run ${id} is completed): a re-run of an earlier run cannot start it again`);
    }
    const held = Number(mark[2]);
    const ours = claimMark(state.waitId, state.runCount + 1, runner.runKey);
    // Another attempt of this run takes the wait back while it is not handed on.
    const retaken = held === state.runCount + 1 && mark[3] === runner.runKey.split('.')[0];
    if (held > state.runCount && !retaken) {
        throw new ClaimRefused(`the wait has gone on in a later run (${holderOf(found, runner) ?? 'another run'} holds it as run ${held} of the wait; this run holds the state of run ${state.runCount}): a re-run of an earlier run cannot fork it`);
    }
    if (held < state.runCount) {
        throw new ClaimRefused(`check run ${id} does not know run ${state.runCount} of this wait (it records run ${held}): the state is not the wait's latest`);
    }
    await checks.update(id, { external_id: ours }, call);
    return {
        checkRunId: id,
        headSha,
        holder: async (call) => {
            const now = await checks.get(id, call);
            return now.externalId === ours ? undefined : (holderOf(now, runner) ?? 'another run');
        }
    };
}
// The page of the run a mark names.
function holderOf(found, runner) {
    const runId = MARK.exec(found.externalId)?.[3];
    return runId ? `run ${runner.runsUrl}${runId}` : undefined;
}


/***/ })

};
