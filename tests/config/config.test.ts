/** The personal-data settings of the configuration: defaults, normalising, and what is refused. */
import { ConfigError, loadConfig } from '../../src/config/config';

describe('personal-data settings', () => {
  it('allows the council and NHS email domains, and no extra organisations, by default', () => {
    const config = loadConfig({});
    expect(config.allowedEmailDomains).toEqual(['lancashire.gov.uk', 'nhs.net']);
    expect(config.knownOrganisations).toEqual([]);
  });

  it.each([
    ['lancashire.gov.uk,nhs.net,barnardos.org.uk', ['lancashire.gov.uk', 'nhs.net', 'barnardos.org.uk']],
    [' @Lancashire.gov.uk , NHS.net ,', ['lancashire.gov.uk', 'nhs.net']],
    ['', []],
  ])('reads TASS_ALLOWED_EMAIL_DOMAINS=%j as %j', (value, expected) => {
    expect(loadConfig({ TASS_ALLOWED_EMAIL_DOMAINS: value }).allowedEmailDomains).toEqual(expected);
  });

  it('reads TASS_KNOWN_ORGANISATIONS as a semicolon-separated list', () => {
    const config = loadConfig({ TASS_KNOWN_ORGANISATIONS: 'Chorley Youth Zone; Children, Young People and Families Service ;' });
    expect(config.knownOrganisations).toEqual(['Chorley Youth Zone', 'Children, Young People and Families Service']);
  });

  it.each([['lancashire gov uk'], ['nhs.net,someone@school.org'], ['localhost']])('refuses TASS_ALLOWED_EMAIL_DOMAINS=%j, naming the setting', (value) => {
    expect(() => loadConfig({ TASS_ALLOWED_EMAIL_DOMAINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TASS_ALLOWED_EMAIL_DOMAINS: value })).toThrow(/TASS_ALLOWED_EMAIL_DOMAINS: each entry must be an email domain/);
  });
});
