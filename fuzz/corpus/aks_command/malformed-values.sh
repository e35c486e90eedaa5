az aks create \
  --resource-group rg \
  --name aks \
  --network-plugin azure \
  --network-plugin-mode overlay \
  --pod-cidr 100.64.0.0 \
  --service-cidr 10.0.0.1/16 \
  --dns-service-ip 10.0.0.300 \
  --node-count three
