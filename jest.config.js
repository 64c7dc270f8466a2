/** Tests are compiled by `tsc` (npm test runs the build first) and run from dist/, so one type-checked build serves both. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/tests'],
  testMatch: ['**/*.test.js'],
  testTimeout: 30000,
  maxWorkers: 2,
};
