az aks create --resource-group rg --name aks --network-plugin azure --network-plugin-mode overlay
