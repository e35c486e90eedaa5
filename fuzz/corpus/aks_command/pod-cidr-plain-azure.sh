az aks create \
  --resource-group rg \
  --name aks \
  --network-plugin azure \
  --pod-cidr 192.168.0.0/16
