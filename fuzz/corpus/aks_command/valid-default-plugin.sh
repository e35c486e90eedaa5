$ az aks create --resource-group rg --name aks --node-count 3 --generate-ssh-keys
