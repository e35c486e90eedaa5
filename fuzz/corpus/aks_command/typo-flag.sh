az aks create \
  --resource-group rg \
  --name aks \
  --network-pluggin azure \
  --pod-cider 100.64.0.0/16 \
  --enable-managed-identity
