/**
 * The one place that reads the environment. Everything is validated at start, and every
 * missing or malformed setting is listed at once, so an admin fixes them in one go.
 */
import path from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** An email domain as people write it ("@nhs.net", "Lancashire.gov.uk"), normalised to "nhs.net". */
const EMAIL_DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const emailDomainList = z
  .string()
  .default('lancashire.gov.uk,nhs.net')
  .transform((value) => value.split(',').map((domain) => domain.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))
  .pipe(z.array(z.string().regex(EMAIL_DOMAIN, 'each entry must be an email domain such as lancashire.gov.uk')));

const semicolonList = z
  .string()
  .default('')
  .transform((value) => value.split(';').map((entry) => entry.trim()).filter(Boolean));

const ConfigSchema = z.object({
  /** TASS_STORE: which store runs. */
  store: z.enum(['sqlite', 'sharepoint']).default('sqlite'),
  /** TASS_DB: the SQLite file of the embedded store. */
  dbPath: z.string().min(1).default('./data/tass.db'),
  /** TASS_DATA_DIR: where compiled reports are written with the embedded store. */
  dataDir: z.string().min(1).default('./data'),
  /** TASS_CALENDAR: a JSON file of term dates; English school-year defaults otherwise. */
  calendarPath: optionalText,
  /** TASS_THEMES: a JSON file of the council's themes (`tass themes` prints the defaults to start from); the defaults otherwise. */
  themesPath: optionalText,
  /** TASS_COUNTY_INTRO: the introduction paragraph of the county report. */
  countyIntro: optionalText,
  /** PORT: where `tass serve` listens. */
  port: z.coerce.number().int().min(1).max(65535).default(3978),
  /** HOST: bind address; anonymous mode is forced to loopback. */
  host: optionalText,
  /** TASS_CAMPAIGN_CRON: when the daily campaign run happens (Europe/London), or "off". */
  campaignCron: z.string().trim().min(1).default('0 8 * * *'),
  /**
   * TASS_ALLOWED_EMAIL_DOMAINS: comma-separated email domains of the council and partners; the
   * personal-data guard does not flag addresses in them (or their subdomains).
   */
  allowedEmailDomains: emailDomainList,
  /**
   * TASS_KNOWN_ORGANISATIONS: semicolon-separated names of local organisations, places and
   * programmes, so the personal-data guard does not read them as people's names.
   */
  knownOrganisations: semicolonList,
  /** LOG_LEVEL: pino level. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  bot: z.object({
    /** MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId: the bot's Entra app. */
    appId: optionalText,
    appPassword: optionalText,
    appType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
    tenantId: optionalText,
  }),
  graph: z.object({
    /** GRAPH_BASE_URL: the Graph endpoint; tests point it at a local server. */
    baseUrl: z.string().url().default('https://graph.microsoft.com/v1.0'),
    /** SHAREPOINT_SITE_ID: the site that holds the TASS lists and the reports library. */
    siteId: optionalText,
    /** GRAPH_TENANT_ID, GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET: app-only credentials for Graph. */
    tenantId: optionalText,
    clientId: optionalText,
    clientSecret: optionalText,
    /** GRAPH_TOKEN_URL: the token authority; tests point it at a local server. */
    tokenUrl: optionalText,
    /** GRAPH_UPLOAD_SESSION_THRESHOLD: files above this many bytes go through an upload session. */
    uploadSessionThreshold: z.coerce.number().int().min(1).default(4 * 1024 * 1024),
    /**
     * SHAREPOINT_CERTIFICATE_PATH: a PEM file holding the app registration's certificate and its
     * private key. SharePoint REST only accepts app-only tokens signed in with a certificate, and
     * `tass provision` needs SharePoint REST to set list permissions.
     */
    certificatePath: optionalText,
    /** SHAREPOINT_CERTIFICATE_PASSPHRASE: the passphrase of that private key, if it is encrypted (kept as typed, spaces included). */
    certificatePassphrase: z
      .string()
      .transform((value) => (value === '' ? undefined : value))
      .optional(),
  }),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const ENV_NAMES: Record<string, string> = {
  store: 'TASS_STORE',
  dbPath: 'TASS_DB',
  dataDir: 'TASS_DATA_DIR',
  calendarPath: 'TASS_CALENDAR',
  themesPath: 'TASS_THEMES',
  countyIntro: 'TASS_COUNTY_INTRO',
  port: 'PORT',
  host: 'HOST',
  logLevel: 'LOG_LEVEL',
  campaignCron: 'TASS_CAMPAIGN_CRON',
  allowedEmailDomains: 'TASS_ALLOWED_EMAIL_DOMAINS',
  knownOrganisations: 'TASS_KNOWN_ORGANISATIONS',
  'bot.appId': 'MicrosoftAppId',
  'bot.appPassword': 'MicrosoftAppPassword',
  'bot.appType': 'MicrosoftAppType',
  'bot.tenantId': 'MicrosoftAppTenantId',
  'graph.baseUrl': 'GRAPH_BASE_URL',
  'graph.siteId': 'SHAREPOINT_SITE_ID',
  'graph.tenantId': 'GRAPH_TENANT_ID',
  'graph.clientId': 'GRAPH_CLIENT_ID',
  'graph.clientSecret': 'GRAPH_CLIENT_SECRET',
  'graph.tokenUrl': 'GRAPH_TOKEN_URL',
  'graph.uploadSessionThreshold': 'GRAPH_UPLOAD_SESSION_THRESHOLD',
  'graph.certificatePath': 'SHAREPOINT_CERTIFICATE_PATH',
  'graph.certificatePassphrase': 'SHAREPOINT_CERTIFICATE_PASSPHRASE',
};

/** Reads and validates the configuration. `overrides` (from command-line options) win over the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<string, string>> = {}): Config {
  const value = (key: string): string | undefined => overrides[key] ?? env[ENV_NAMES[key]];
  const raw = {
    store: value('store'),
    dbPath: value('dbPath'),
    dataDir: value('dataDir'),
    calendarPath: value('calendarPath'),
    themesPath: value('themesPath'),
    countyIntro: value('countyIntro'),
    port: value('port'),
    host: value('host'),
    logLevel: value('logLevel'),
    campaignCron: value('campaignCron'),
    allowedEmailDomains: value('allowedEmailDomains'),
    knownOrganisations: value('knownOrganisations'),
    bot: {
      appId: value('bot.appId'),
      appPassword: value('bot.appPassword'),
      appType: value('bot.appType'),
      tenantId: value('bot.tenantId'),
    },
    graph: {
      baseUrl: value('graph.baseUrl'),
      siteId: value('graph.siteId'),
      tenantId: value('graph.tenantId'),
      clientId: value('graph.clientId'),
      clientSecret: value('graph.clientSecret'),
      tokenUrl: value('graph.tokenUrl'),
      uploadSessionThreshold: value('graph.uploadSessionThreshold'),
      certificatePath: value('graph.certificatePath'),
      certificatePassphrase: value('graph.certificatePassphrase'),
    },
  };
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path.join('.');
        return `${ENV_NAMES[key] ?? ENV_NAMES[String(issue.path[0])] ?? key}: ${issue.message}`;
      }),
    );
  }
  const config = parsed.data;
  const problems: string[] = [];
  if (config.store === 'sharepoint') {
    for (const key of ['graph.siteId', 'graph.tenantId', 'graph.clientId', 'graph.clientSecret'] as const) {
      const [, field] = key.split('.') as [string, keyof Config['graph']];
      if (!config.graph[field]) problems.push(`${ENV_NAMES[key]}: required when TASS_STORE=sharepoint`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...config, dbPath: path.resolve(config.dbPath), dataDir: path.resolve(config.dataDir) };
}

/** The environment variable behind a config key, for messages. */
export function envNameOf(key: string): string {
  return ENV_NAMES[key] ?? key;
}
