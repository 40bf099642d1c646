// What the API reads with, loaded at a wait's first look as one chunk: a step waits on
// offers or on jobs, and both readers share most of their code.
export { JobStatusSource } from './job-source.js'
export { OfferSubmissionsSource } from './offer-source.js'
