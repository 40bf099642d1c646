// npm run faults:doc: writes docs/faults.md from the fault catalogue of the tests.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { faultTable } from '../__tests__/faults/catalogue.js'
import { ROOT } from './run-action.js'

writeFileSync(join(ROOT, 'docs', 'faults.md'), faultTable())
