// Azure CNI Overlay: each node takes one address of its /28, and so does each surge node.
resource subnet 'Microsoft.Network/virtualNetworks/subnets@2023-04-01' = {
  name: 'vnet/nodes'
  properties: {
    addressPrefix: '10.20.0.0/28'
  }
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aks'
  properties: {
    agentPoolProfiles: [
      {
        name: 'system'
        count: 10
        vnetSubnetID: subnet.id
        upgradeSettings: {
          maxSurge: '50%'
        }
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
      podCidr: '192.168.0.0/16'
    }
  }
}
