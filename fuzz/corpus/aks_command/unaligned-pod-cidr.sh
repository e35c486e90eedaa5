az aks create \
  --resource-group rg \
  --name aks \
  --network-plugin azure \
  --network-plugin-mode overlay \
  --pod-cidr "100.64.1.0/16" \
  --service-cidr 10.0.0.0/16 \
  --dns-service-ip 10.0.0.10
