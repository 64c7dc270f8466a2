/** The report wizard: an EPO writes a whole locality report through Adaptive Cards in Teams chat. */
export { registerReportWizard } from './register-report-wizard';
export { handleWizardAction, openReportCard } from './wizard-handlers';
export { WIZARD_VERBS, ALL_WIZARD_VERBS, type WizardVerb } from './verbs';
export type { WizardActor } from './wizard-actor';
