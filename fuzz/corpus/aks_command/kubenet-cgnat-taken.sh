az aks create \
  --resource-group rg \
  --name aks \
  --network-plugin kubenet \
  --node-count 20
