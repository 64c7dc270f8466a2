// The Linux App Service plan and Web App (Node 20) that run `tass serve`. Secrets never appear
// in app settings: MicrosoftAppPassword and GRAPH_CLIENT_SECRET are Key Vault references,
// resolved by the Web App's system-assigned identity.
param name string
param location string
param sku string
param keyVaultName string
param botSecretName string
param botAadAppClientId string
param botTenantId string
param sharePointSiteId string
param campaignCron string
param logStorageAccountId string
param tags object

// Versionless reference: a rotated secret is picked up without redeploying.
var botSecretReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${botSecretName})'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/src/cli/main.js serve'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        // The deployment uploads sources; App Service runs npm install and npm run build on
        // Linux, so better-sqlite3's native module matches the host.
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
        {
          name: 'TZ'
          value: 'Europe/London'
        }
        {
          name: 'MicrosoftAppId'
          value: botAadAppClientId
        }
        {
          name: 'MicrosoftAppPassword'
          value: botSecretReference
        }
        {
          name: 'MicrosoftAppType'
          value: 'SingleTenant'
        }
        {
          name: 'MicrosoftAppTenantId'
          value: botTenantId
        }
        {
          name: 'TASS_STORE'
          value: 'sharepoint'
        }
        {
          name: 'SHAREPOINT_SITE_ID'
          value: sharePointSiteId
        }
        // Graph is called as the same app registration, with Sites.Selected on the TASS site only.
        {
          name: 'GRAPH_TENANT_ID'
          value: botTenantId
        }
        {
          name: 'GRAPH_CLIENT_ID'
          value: botAadAppClientId
        }
        {
          name: 'GRAPH_CLIENT_SECRET'
          value: botSecretReference
        }
        {
          name: 'TASS_CAMPAIGN_CRON'
          value: campaignCron
        }
        // /home survives restarts and scale-out on App Service.
        {
          name: 'TASS_DATA_DIR'
          value: '/home/data'
        }
        {
          name: 'LOG_LEVEL'
          value: 'info'
        }
      ]
    }
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'tass-logs-to-storage'
  scope: site
  properties: {
    storageAccountId: logStorageAccountId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

output id string = site.id
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
