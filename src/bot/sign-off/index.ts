/** Managers' sign-off of submitted locality reports: approve, return with a comment, and history. */
export { registerSignOff, type SignOffOptions } from './register-sign-off';
export { handleSignOffAction, mayReadHistory } from './sign-off-handlers';
export { sendSignOffRequests, sendReturnedReport } from './sign-off-messages';
export { historyCards } from './history-command';
export { SIGN_OFF_VERBS, ALL_SIGN_OFF_VERBS, type SignOffVerb } from './verbs';
