// Blue and green clusters share one param default: one fix corrects it once, and both pools.
param podCidr string = '10.1.0.0/16'

resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
      ]
    }
  }
}

resource blue 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  properties: {
    agentPoolProfiles: [
      {
        maxPods: 300
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
      podCidr: podCidr
    }
  }
}

resource green 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  properties: {
    agentPoolProfiles: [
      {
        maxPods: 300
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
      podCidr: podCidr
    }
  }
}
