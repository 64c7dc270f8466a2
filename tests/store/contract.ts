/**
 * The ReportStore contract, written once and run against every store: SQLite here
 * (sqlite-store.test.ts) and SharePoint over real HTTP to a local Graph server.
 *
 * Each test gets a fresh, empty store from `openStore`, and calls `cleanup` after it; cleanup
 * must close the store and remove what it stored. The tests use only the ReportStore interface.
 * Data sizes stay moderate (the largest test writes 250 updates) so a store behind HTTP runs
 * the suite in reasonable time, while still listing past a page of 100.
 */
import type { ReportStore } from '../../src/store/report-store';
import { describeMessagingContract } from './contract/messaging-contract';
import { describeOfficerDataContract } from './contract/officer-data-contract';
import { describeOrganisationContract } from './contract/organisation-contract';
import { describePrioritiesContract } from './contract/priorities-contract';
import { describePublishedContract } from './contract/published-contract';
import { describeReportsContract } from './contract/reports-contract';
import { describeTextContract } from './contract/text-contract';

export function describeReportStoreContract(
  label: string,
  openStore: () => Promise<{ store: ReportStore; cleanup: () => Promise<void> }>,
): void {
  describe(`ReportStore contract: ${label}`, () => {
    describeOrganisationContract(openStore);
    describePrioritiesContract(openStore);
    describeReportsContract(openStore);
    describePublishedContract(openStore);
    describeMessagingContract(openStore);
    describeOfficerDataContract(openStore);
    describeTextContract(openStore);
  });
}
