# Create the cluster (PowerShell-style prompt pasted from a doc)
PS> az aks create --resource-group rg --name aks --network-plugin azure --network-plugin-mode overlay --pod-cidr 100.64.0.0/10 # overlay
