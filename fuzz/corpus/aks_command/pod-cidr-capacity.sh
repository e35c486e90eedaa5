az aks create \
  --resource-group rg \
  --name aks \
  --node-count 30 \
  --network-plugin azure \
  --network-plugin-mode overlay \
  --pod-cidr 192.168.0.0/20
