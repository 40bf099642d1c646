// Bundled in place of @actions/exec (tsconfig `paths`, which ncc follows). @actions/core
// imports it only for platform.getDetails(), which this action never calls; loading it
// pulls in child_process and @actions/io, about 10 ms of every start.

export function getExecOutput(): never {
  throw new Error('@actions/exec is left out of this bundle: nothing here runs programs')
}

export const exec = getExecOutput
