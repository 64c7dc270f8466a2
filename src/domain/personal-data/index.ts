/** The personal-data guard: what the bot calls before a section is saved or a report shared. */
export {
  PERSONAL_DATA_KINDS,
  personalDataConfirmationSchema,
  type PersonalDataConfirmation,
  type PersonalDataContext,
  type PersonalDataFinding,
  type PersonalDataKind,
} from './finding';
export { findPersonalData, findPersonalDataInSection, findingKinds, type LineFindings } from './find-personal-data';
export { escapeCardMarkdown, highlightFindings } from './highlight';
export { isValidNhsNumber, isValidUpn } from './identifiers';
export {
  guardSection,
  sectionConfirmationsSchema,
  sectionTextOf,
  unconfirmedSections,
  withSectionConfirmation,
  type SectionGuardDecision,
  type UnconfirmedSection,
} from './section-confirmations';
