az aks create \
  --resource-group rg \
  --name aks \
  --network-plugin azure \
  --network-plugin-mode overlay \
  --service-cidr 172.30.0.0/16 \
  --dns-service-ip 172.30.0.10
