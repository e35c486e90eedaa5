// A kubenet cluster in Bicep whose pod range comes from a param default inside the VNet.
@description('The pod range')
param podCidr string = '10.1.0.0/16'

@secure()
param sshKey string

var serviceCidr = '10.0.0.0/16'

resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'vnet'
  location: resourceGroup().location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'nodes'
        properties: {
          addressPrefix: '10.1.0.0/24'
        }
      }
    ]
  }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks-${uniqueString(resourceGroup().id)}'
  location: resourceGroup().location
  properties: {
    agentPoolProfiles: [
      {
        name: 'system'
        count: 3
        maxPods: 300
        vnetSubnetID: vnet.properties.subnets[0].id
      }
    ]
    linuxProfile: {
      adminUsername: 'azureuser'
      ssh: {
        publicKeys: [
          {
            keyData: sshKey
          }
        ]
      }
    }
    networkProfile: {
      networkPlugin: 'kubenet' // chosen in 2021
      podCidr: podCidr
      serviceCidr: serviceCidr
      dnsServiceIP: '10.0.0.10'
    }
  }
}
