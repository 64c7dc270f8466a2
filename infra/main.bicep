// tass-bot in a council's Azure subscription: the Azure Bot (single tenant, Teams channel), a
// Linux App Service on Node 20 running `tass serve`, a Key Vault holding the bot's client secret
// (read by the Web App's system-assigned identity through Key Vault references) and a Storage
// account that keeps the Web App's logs for a set number of days.
//
// Deployed by `atk provision` (m365agents.yml, arm/deploy) with main.parameters.json, or by
// hand: az deployment group create -g <group> -f infra/main.bicep -p @infra/main.parameters.json
targetScope = 'resourceGroup'

@minLength(4)
@maxLength(16)
@description('Lowercase letters and digits: the start of every resource name, e.g. tassdev.')
param resourceBaseName string

@description('Where the resources go. The bot registration itself is always global.')
param location string = resourceGroup().location

@description('Client (application) id of the bot\'s Entra app registration (single tenant).')
param botAadAppClientId string

@secure()
@description('A client secret of that app registration. Stored only in Key Vault.')
param botAadAppClientSecret string

@description('The Entra tenant of the app registration: the council\'s Microsoft 365 tenant.')
param botTenantId string = tenant().tenantId

@maxLength(42)
@description('The bot\'s name in Azure.')
param botDisplayName string = 'TASS reports'

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier. Teams messages are free on both; F0 caps premium channels.')
param botServiceSku string = 'F0'

@allowed([
  'B1'
  'B2'
  'S1'
  'P0v3'
  'P1v3'
])
@description('App Service plan size. Basic or above: the daily campaign needs Always On.')
param webAppSku string = 'B1'

@description('The SharePoint site that holds the TASS lists: hostname,site-collection-id,web-id.')
param sharePointSiteId string

@description('When the daily campaign runs (cron, Europe/London time), or "off".')
param campaignCron string = '0 8 * * *'

@minValue(7)
@maxValue(730)
@description('Days the Web App\'s logs are kept in the Storage account before they are deleted.')
param logRetentionDays int = 90

@description('Tags put on every resource, e.g. { service: "TASS", owner: "Education Partnerships" }.')
param tags object = {}

var botSecretName = 'bot-client-secret'

module storage 'modules/storage.bicep' = {
  name: 'tass-storage'
  params: {
    name: take('st${resourceBaseName}${uniqueString(resourceGroup().id)}', 24)
    location: location
    logRetentionDays: logRetentionDays
    tags: tags
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'tass-key-vault'
  params: {
    name: take('kv-${resourceBaseName}-${uniqueString(resourceGroup().id)}', 24)
    location: location
    secretName: botSecretName
    secretValue: botAadAppClientSecret
    tags: tags
  }
}

module webApp 'modules/web-app.bicep' = {
  name: 'tass-web-app'
  params: {
    name: '${resourceBaseName}-${uniqueString(resourceGroup().id)}'
    location: location
    sku: webAppSku
    keyVaultName: keyVault.outputs.name
    botSecretName: botSecretName
    botAadAppClientId: botAadAppClientId
    botTenantId: botTenantId
    sharePointSiteId: sharePointSiteId
    campaignCron: campaignCron
    logStorageAccountId: storage.outputs.id
    tags: tags
  }
}

module keyVaultAccess 'modules/key-vault-access.bicep' = {
  name: 'tass-key-vault-access'
  params: {
    keyVaultName: keyVault.outputs.name
    principalId: webApp.outputs.principalId
  }
}

module bot 'modules/bot-service.bicep' = {
  name: 'tass-bot-service'
  params: {
    // A bot's handle is unique across Azure, hence the suffix.
    name: '${resourceBaseName}-${uniqueString(resourceGroup().id)}'
    displayName: botDisplayName
    sku: botServiceSku
    endpoint: 'https://${webApp.outputs.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppTenantId: botTenantId
    tags: tags
  }
}

// Read by the Agents Toolkit into env/.env.<env>: the manifest's validDomains and the deploy target.
output BOT_DOMAIN string = webApp.outputs.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.outputs.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.id
output KEY_VAULT_NAME string = keyVault.outputs.name
output LOG_STORAGE_ACCOUNT_NAME string = storage.outputs.name
