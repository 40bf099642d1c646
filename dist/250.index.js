export const id = 250;
export const ids = [250];
export const modules = {

/***/ 6250:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Checks: () => (/* binding */ Checks)
/* harmony export */ });
/** The check runs of one repository. */
class Checks {
    github;
    owner;
    repo;
    constructor(github, repository) {
        this.github = github;
        const [owner = '', repo = ''] = repository.split('/');
        this.owner = owner;
        this.repo = repo;
    }
    create(name, headSha, fields, call) {
        return this.github.call(async (octokit, signal) => {
            const { data } = await octokit.rest.checks.create({
                owner: this.owner,
                repo: this.repo,
                name,
                head_sha: headSha,
                ...fields,
                request: { signal }
            });
            return data.id;
        }, call);
    }
    update(id, fields, call) {
        return this.github.call(async (octokit, signal) => {
            await octokit.rest.checks.update({
                owner: this.owner,
                repo: this.repo,
                check_run_id: id,
                ...fields,
                request: { signal }
            });
        }, call);
    }
    get(id, call) {
        return this.github.call(async (octokit, signal) => {
            const { data } = await octokit.rest.checks.get({
                owner: this.owner,
                repo: this.repo,
                check_run_id: id,
                request: { signal }
            });
            return {
                name: String(data.name ?? ''),
                headSha: String(data.head_sha ?? ''),
                status: String(data.status ?? ''),
                externalId: String(data.external_id ?? '')
            };
        }, call);
    }
}


/***/ })

};
