/** Unit, database and gateway tests share one PostgreSQL server started in globalSetup. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/shared', '<rootDir>/gateway', '<rootDir>/subgraphs', '<rootDir>/infra', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.e2e.ts'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // Each file starts a stack; a worker's heap grows past 500 MB over a dozen files and then takes longer than
  // Jest's 500 ms to exit at the end. A worker over this limit is replaced between files instead.
  workerIdleMemoryLimit: '350MB',
};
