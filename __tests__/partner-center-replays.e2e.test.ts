// What the Partner Center ingestion API really answers, replayed to the built action
// (dist/index.js, a child process): the fault catalogue's rows of recorded shapes.
import { describeRowsOfTheBundle } from './fault-runner.js'
import { PARTNER_CENTER } from './faults/partner-center.js'

describeRowsOfTheBundle('Partner Center answers replayed to the built action', PARTNER_CENTER)
