// The Key Vault that holds the bot's client secret. Access is by Azure RBAC only (no access
// policies); the Web App's identity is granted "Key Vault Secrets User" in key-vault-access.bicep.
param name string
param location string
param secretName string
@secure()
param secretValue string
param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: secretName
  properties: {
    value: secretValue
    contentType: 'Entra app client secret of the TASS bot'
  }
}

output name string = vault.name
output secretName string = secret.name
