/**
 * Themes group priorities across localities for the county report ("How is NEET work going
 * county-wide?"). A council keeps its own list; these defaults cover the themes TASS reports
 * return to. Suggestions come from keywords in a priority's title and intended outcomes, so an
 * officer confirms a theme rather than choosing from a blank list.
 */
import { z } from 'zod';

export interface Theme {
  /** Stable id kept on priorities, e.g. "neet". */
  readonly id: string;
  readonly name: string;
  /**
   * Words and phrases that point to the theme, matched whole-word and case-insensitively
   * (abbreviations in capitals match only in capitals). The first is the theme's headline term:
   * a title that names it is taken to be about the theme.
   */
  readonly keywords: readonly string[];
}

export const DEFAULT_THEMES: readonly Theme[] = [
  {
    id: 'neet',
    name: 'NEET and post-16',
    keywords: [
      'NEET', 'EET', 'not in education', 'education, employment and training', 'education, employment or training',
      'employment', 'employability', 'post-16', 'not knowns', 'careers',
      'careers leads', 'apprenticeship', 'apprenticeships', 'college', 'participation', 'RONI', 'youth futures',
      'aspirations', 'work experience', 'skills',
    ],
  },
  {
    id: 'attendance',
    name: 'School avoidance and attendance',
    keywords: [
      'school avoidance', 'emotionally based school avoidance', 'EBSA', 'attendance', 'attending school', 'absence', 'absenteeism',
      'persistent absence', 'struggling to attend', 'not attending', 'section 19', 'EHE', 'elective home education',
      'children missing education', 'CME', 'exclusion', 'exclusions', 'part time timetable',
    ],
  },
  {
    id: 'mental-health',
    name: 'Mental health and wellbeing',
    keywords: [
      'mental health', 'MH', 'wellbeing', 'emotional health', 'emotional wellbeing', 'anxiety',
      'CAMHs', 'CAMHS', 'MHST', 'MHiST', 'PMHW', 'SMHL', 'senior mental health lead', 'trauma informed', 'trauma',
      'self-harm', 'resilience', 'counselling', 'Compass Bloom', 'Lancashire Mind',
    ],
  },
  {
    id: 'transition',
    name: 'Transition',
    keywords: [
      'transition', 'transitions', 'year 6', 'year 7', 'primary to secondary', 'moving up', 'induction',
      'key stage 2', 'KS2', 'KS3',
    ],
  },
  {
    id: 'send',
    name: 'SEND',
    keywords: [
      'SEND', 'SEN', 'special educational needs', 'disabilities', 'disability', 'EHCP', 'EHC plan', 'SENCO',
      'SENCOs', 'autism', 'ASD', 'ADHD', 'neurodiversity', 'neurodivergent', 'speech and language', 'local offer',
    ],
  },
  {
    id: 'early-years',
    name: 'Early years and school readiness',
    keywords: [
      'early years', 'school readiness', 'school ready', 'ready for school', 'reception', 'nursery', 'nurseries',
      'EYFS', 'pre-school', 'preschool', 'baby', 'babies', 'toddler', 'toddlers', 'under 5s', 'under fives',
      'two year olds', 'family hubs', 'health visitor', 'health visitors', 'speech, language and communication',
    ],
  },
  {
    id: 'community-safety',
    name: 'Community safety',
    keywords: [
      'community safety', 'police', 'policing', 'PCSO', 'neighbourhood team', 'anti-social behaviour', 'ASB',
      'exploitation', 'CCE', 'CSE', 'county lines', 'knife crime', 'violence', 'VRN', 'violence reduction',
      'youth justice', 'online safety', 'safeguarding', 'domestic abuse', 'crime',
    ],
  },
];

/** One theme as a council writes it (a config file or the admin card). */
export const themeSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens'),
  name: z.string().trim().min(1).max(80),
  keywords: z.array(z.string().trim().min(1).max(80)).min(1),
});

/** Validates a council's own theme list (from a config file or the admin card). */
export const themeListSchema = z
  .array(themeSchema)
  .min(1)
  .refine((themes) => new Set(themes.map((theme) => theme.id)).size === themes.length, 'theme ids must be unique');

/** Reads and validates a theme list; throws a ZodError listing every problem. */
export function parseThemes(input: unknown): Theme[] {
  return themeListSchema.parse(input);
}

export interface ThemeSuggestion {
  readonly themeId: string;
  readonly name: string;
  /** Higher is stronger; only comparable within one call. */
  readonly score: number;
  /** The keywords found, as the theme lists them. */
  readonly matched: readonly string[];
}

/** Lower case, odd spaces and dashes plain, punctuation other than commas gone. */
function normaliseText(text: string): string {
  return text
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, ' ')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How often a keyword occurs as whole words. Keywords written in capitals (abbreviations such as
 * "MH", "SEN", "EET") match only in capitals, so "sen" or "met" in ordinary words never count.
 */
function countKeyword(text: string, normalised: string, keyword: string): number {
  const isAbbreviation = /^[A-Z0-9]{2,}[a-z]?$/.test(keyword) && keyword.length <= 6;
  // Hyphens first: "post-16" matches "post 16" and "post16"; spaces then match spaces or hyphens.
  const source = escapeRegExp(isAbbreviation ? keyword : keyword.toLowerCase())
    .replace(/-/g, '[\\s-]?')
    .replace(/ /g, '[\\s-]+');
  const pattern = new RegExp(`(?<![A-Za-z0-9])${source}(?![A-Za-z0-9])`, 'g');
  return (isAbbreviation ? text : normalised).match(pattern)?.length ?? 0;
}

/** What a suggestion reads: the priority's title and, when there is one, its intended outcomes. */
export interface PriorityText {
  readonly title: string;
  readonly outcomes?: string;
}

/** Keywords in the title count double; a title naming the theme's headline term adds this much. */
const TITLE_WEIGHT = 2;
const HEADLINE_BONUS = 5;

function keywordScore(text: string, keyword: string): number {
  const plain = text.replace(/[\u00a0\u2000-\u200b\u202f]/g, ' ').replace(/[\u2010-\u2015]/g, '-');
  const count = countKeyword(plain, normaliseText(plain), keyword);
  if (count === 0) return 0;
  // Phrases say more than single words; repeats add a little.
  return keyword.split(/[\s-]+/).length + (count - 1) * 0.5;
}

/**
 * Themes for a priority, strongest first, from its title and intended outcomes (or any text).
 * Themes with no keyword found are left out, so an empty list means "ask the officer".
 */
export function suggestThemes(text: string | PriorityText, themes: readonly Theme[] = DEFAULT_THEMES): ThemeSuggestion[] {
  const { title, outcomes } = typeof text === 'string' ? { title: '', outcomes: text } : text;
  const suggestions: ThemeSuggestion[] = [];
  for (const theme of themes) {
    let score = 0;
    const matched: string[] = [];
    theme.keywords.forEach((keyword, index) => {
      const inTitle = keywordScore(title, keyword);
      const inOutcomes = keywordScore(outcomes ?? '', keyword);
      if (inTitle === 0 && inOutcomes === 0) return;
      matched.push(keyword);
      score += inTitle * TITLE_WEIGHT + inOutcomes + (index === 0 && inTitle > 0 ? HEADLINE_BONUS : 0);
    });
    if (score > 0) suggestions.push({ themeId: theme.id, name: theme.name, score, matched });
  }
  // Equal scores keep the theme list's order.
  return suggestions.sort((a, b) => b.score - a.score || themeIndex(themes, a) - themeIndex(themes, b));
}

function themeIndex(themes: readonly Theme[], suggestion: ThemeSuggestion): number {
  return themes.findIndex((theme) => theme.id === suggestion.themeId);
}
