// Part 4 of the fault catalogue's end-to-end rows (fault-runner.ts).
import { describeFaults } from './fault-runner.js'

describeFaults(4)
