/** Cover for absence in Teams: the managers' cover card and its Set and End actions. */
export { registerCover } from './register-cover';
export { buildCoverCard } from './cover-card';
export { handleCoverAction } from './cover-handlers';
export { COVER_VERBS, ALL_COVER_VERBS, type CoverVerb } from './verbs';
