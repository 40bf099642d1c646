// ts-jest in ESM mode: the sources are ESM with `.js` import suffixes (NodeNext).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  globalSetup: '<rootDir>/__tests__/build-action.mjs',
  clearMocks: true,
  // The end-to-end files wait on the clock, not the processor: on two cores, five run
  // side by side (jest's default there is one).
  maxWorkers: 5
}
